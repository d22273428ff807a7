"""docs/security.md §10 items 21-27: user content and crafted HTML never reach the network or a file outside the
template, template syntax prints literally, design values are allow-listed, and hostile documents end in a typed
error while the renderer keeps serving.

The proof of "no socket, no outside file" is a Python audit hook that records, while armed, every socket event and
every file opened outside the template folder and the Python installation, and refuses the operation."""

from __future__ import annotations

import base64
import os
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cvmaker.adapters.rendering.html import UnsafeDesign
from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.adapters.rendering.weasyprint import (
    BlockedResource,
    TemplateAssetFetcher,
    WeasyPrintRenderer,
    render_pdf,
)
from cvmaker.adapters.worker_pool import WorkerPool
from cvmaker.domain.cv.model import Design
from cvmaker.domain.cv.samples import short_cv
from cvmaker.domain.errors import InvalidInput, LimitExceeded
from cvmaker.services.rendering import RenderService
from tests.rendering.layout import pdf_text, squeezed

ASSETS = REGISTRY.get("classic").asset_dir
ALLOWED_ROOTS = tuple(
    {
        str(REGISTRY.root) + os.sep,
        sys.prefix,
        sys.base_prefix,
        sysconfig.get_paths()["stdlib"],
        sysconfig.get_paths()["purelib"],
        sysconfig.get_paths()["platlib"],
        # WeasyPrint's own fontconfig scratch folder for @font-face rules (its name, not the user's)
        os.path.join(os.path.realpath(tempfile.gettempdir()), "weasyprint-"),
    }
)
SOCKET_EVENTS = {
    "socket.__new__",
    "socket.connect",
    "socket.getaddrinfo",
    "socket.bind",
    "socket.sendto",
    "urllib.Request",
    "http.client.connect",
}


class Guard:
    """Armed, it records and refuses sockets and files outside ALLOWED_ROOTS (audit hooks cannot be removed,
    so one hook serves the whole session and is switched on and off)."""

    def __init__(self) -> None:
        self.armed = False
        self.violations: list[str] = []
        self.thread = threading.get_ident()

    def __call__(self, event: str, args: tuple[object, ...]) -> None:
        if not self.armed or threading.get_ident() != self.thread:
            return
        if event in SOCKET_EVENTS:
            self._refuse(f"{event} {args!r:.120}")
        elif event == "open" and isinstance(args[0], str | bytes):
            path = os.path.realpath(os.fsdecode(args[0]))
            if not path.startswith(ALLOWED_ROOTS):
                self._refuse(f"open {path}")

    def _refuse(self, what: str) -> None:
        self.violations.append(what)
        raise PermissionError(f"blocked by test guard: {what}")


_GUARD = Guard()
sys.addaudithook(_GUARD)


@pytest.fixture
def guard() -> Iterator[Guard]:
    render_pdf("<p>warm</p>", str(ASSETS))  # imports and font loading happen before arming
    _GUARD.thread = threading.get_ident()
    _GUARD.violations = []
    _GUARD.armed = True
    try:
        yield _GUARD
    finally:
        _GUARD.armed = False


HOSTILE_URLS = [
    "file:///proc/self/environ",
    "file:///etc/passwd",
    "file:///dev/urandom",
    "file:///var/task/app.py",
    f"file://{ASSETS}/../../../../etc/passwd",
    "../../../../../../etc/passwd",
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:9001/2018-06-01/runtime/invocation/next",
    "http://[::1]/",
    "https://example.com/redirects-to-localhost",
    "ftp://example.com/x",
]


TINY_SVG = (
    "data:image/svg+xml;base64,"
    + base64.b64encode(b"<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>").decode()
)


def hostile_html(url: str) -> str:
    return f"""<html><head>
<link rel="stylesheet" href="{url}">
<link rel="attachment" href="{url}">
<style>
@import url("{url}");
@font-face {{ font-family: X; src: url("{url}"); }}
body {{ background: url("{url}"); font-family: X, sans-serif; }}
</style></head><body>
<p>Before</p>
<img src="{url}"><object data="{url}"></object><embed src="{url}">
<a rel="attachment" href="{url}">attached</a>
<svg width="10" height="10"><image href="{url}" width="10" height="10"/></svg>
<img src="{TINY_SVG}">
<p>After</p></body></html>"""


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_crafted_html_opens_no_socket_and_no_outside_file(guard: Guard, url: str) -> None:
    pdf = render_pdf(hostile_html(url), str(ASSETS))
    assert guard.violations == []
    assert pdf.pages == 1
    assert b"/EmbeddedFiles" not in pdf.data
    assert "After" in pdf_text(pdf.data)


def test_the_guard_would_see_a_file_opened_outside(guard: Guard) -> None:
    with pytest.raises(PermissionError):
        open("/etc/hostname", "rb")  # noqa: SIM115 - the open must fail
    assert guard.violations == ["open /etc/hostname"]
    guard.violations.clear()


def test_the_fetcher_allows_only_data_urls_and_files_inside_the_template(tmp_path: Path) -> None:
    (tmp_path / "icon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path.parent / "secret.txt").write_text("secret")
    fetcher = TemplateAssetFetcher(str(tmp_path))
    assert fetcher.fetch((tmp_path / "icon.svg").as_uri()).read().startswith(b"<svg")
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"
    assert fetcher.fetch("data:,a%20b").read() == b"a b"
    for url in [
        *HOSTILE_URLS,
        (tmp_path.parent / "secret.txt").as_uri(),
        f"file://{tmp_path}/../secret.txt",
        "file://otherhost/etc/passwd",
        "data:text/plain," + "a" * 2_000_001,
    ]:
        with pytest.raises(BlockedResource):
            fetcher.fetch(url)


def test_markup_in_cv_fields_is_printed_as_text_and_fetches_nothing(
    guard: Guard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "sentinel-secret-value")
    document = short_cv("modern")
    document.basics.name = '<img src="file:///proc/self/environ">'
    document.summary = (
        '<link rel="attachment" href="file:///var/task/app.py"><style>@import "http://169.254.169.254/";</style>'
    )
    document.sections[0].items[0].bullets = ['<a rel="attachment" href="file:///etc/passwd">x</a>']
    html = REGISTRY.html(document)
    assert '<img src="file' not in html and "&lt;img" in html
    pdf = render_pdf(html, str(ASSETS))
    assert guard.violations == []
    text = pdf_text(pdf.data)
    assert squeezed('<img src="file:///proc/self/environ">') in squeezed(text)
    assert "sentinel-secret-value" not in text and b"sentinel-secret-value" not in pdf.data
    assert b"/EmbeddedFiles" not in pdf.data


def test_template_syntax_in_user_text_prints_literally() -> None:
    document = short_cv("classic")
    document.summary = "{{ 7*7 }} and {% if true %}yes{% endif %}"
    document.sections[0].items[0].bullets = ["{{ cycler.__init__.__globals__.os }}"]
    text = pdf_text(render_pdf(REGISTRY.html(document), str(ASSETS)).data)
    assert "{{ 7*7 }}" in text and "49" not in text
    assert "{% if true %}yes{% endif %}" in text
    assert "{{ cycler.__init__.__globals__.os }}" in text


@pytest.mark.parametrize(
    "field, value",
    [
        ("accentColor", "red;background:url(http://x)"),
        ("accentColor", "</style><script>alert(1)</script>"),
        ("fontFamily", "Arial; src: url(http://x)"),
        ("fontSize", 1e9),
        ("margins", "-1e9px"),
        ("pageSize", "1e9px 1e9px"),
        ("template", "../../etc"),
    ],
)
def test_design_values_outside_the_allow_lists_are_refused_before_rendering(
    service: RenderService, field: str, value: object
) -> None:
    with pytest.raises(InvalidInput) as refused:
        service.prepare(short_cv(), {field: value})
    assert [problem.path for problem in refused.value.problems] == [f"design.{field}"]


def test_the_html_builder_refuses_an_unvalidated_unsafe_design() -> None:
    for design in (
        Design(accent_color="red;x:y"),
        Design(font_family="Evil"),
        Design(font_size=1e9),
        Design(margins="1e9px"),
    ):
        with pytest.raises(UnsafeDesign):
            REGISTRY.html(short_cv(), design)


def test_hostile_sizes_end_in_a_typed_error_within_the_limit_and_the_renderer_keeps_serving() -> None:
    with WorkerPool(size=1, memory_limit=1_500 * 1024 * 1024, name="hostile") as pool:
        renderer = WeasyPrintRenderer(pool=pool, timeout=3.0, max_pages=5)
        hostile = {
            "render_failed": "<p style='font-size:1e9px'>Hello</p>",
            "render_pages": "<ul>" + "<li>a bullet</li>" * 400 + "</ul>",
            "render_time": "<p style='overflow-wrap: break-word'>" + "a" * 200_000 + "</p>",
        }
        for limit, html in hostile.items():
            started = time.perf_counter()
            with pytest.raises(LimitExceeded) as stopped:
                renderer.render(html, str(ASSETS))
            assert stopped.value.limit == limit
            assert time.perf_counter() - started < 3.0 + 5.0  # the time limit, plus a fresh worker's start
            assert renderer.render("<p>still serving</p>", str(ASSETS)).pages == 1


def test_documents_past_the_size_limits_are_refused_before_rendering(service: RenderService) -> None:
    document = short_cv()
    document.sections[0].items[0].bullets = ["bullet"] * 10_000
    with pytest.raises(InvalidInput):
        service.prepare(document)


def test_a_render_result_is_a_stored_file_never_inline_bytes(service: RenderService) -> None:
    rendered = service.render("user-1", "cv-1", short_cv())
    assert not hasattr(rendered, "data")
    assert rendered.key.startswith("users/user-1/renders/cv-1/") and rendered.content_type == "application/pdf"
