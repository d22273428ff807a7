"""Rendering figures, per template, for a 2-page CV: our warm full render (validation, HTML, worker process,
WeasyPrint, page cap) against WeasyPrint alone on the same HTML in this process, the worker's peak memory, the
cached render, the live preview after an edit, and headless Chromium printing the same HTML (warm, over the
DevTools protocol on a pipe, as docs/perf.md measured it).

Targets: full render <= 1.1x WeasyPrint alone; cached render p50 <= 5 ms; preview after an edit p50 <= 200 ms."""

from __future__ import annotations

import base64
import importlib
import json
import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from cvmaker.adapters.rendering.docx_writer import PythonDocxWriter
from cvmaker.adapters.rendering.rasterizer import PdfiumRasterizer
from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.adapters.rendering.weasyprint import RENDER_MEMORY_BYTES, WeasyPrintRenderer, warm_up
from cvmaker.adapters.worker_pool import WorkerPool
from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.cv.samples import long_cv
from cvmaker.services.rendering import RenderService, StoredFiles
from tests.bench.report import summary, table, write
from tests.rendering.conftest import MemoryBlobStore

RUNS = 20
CHROMIUM = "/usr/bin/chromium"


def two_page_cv(template: str) -> CvDocument:
    """The long sample trimmed to a typical 2-page CV (2 pages in every template): 5 roles of at most 4 bullets,
    education, skills, certifications and languages."""
    document = long_cv(template)
    document.sections = [
        s for s in document.sections if s.kind.value not in ("PROJECTS", "PUBLICATIONS", "AWARDS", "VOLUNTEER")
    ]
    for section in document.sections:
        if section.kind.value == "EXPERIENCE":
            section.items = section.items[:5]
            for item in section.items:
                item.bullets = item.bullets[:4]
    return document


def peak_rss_mb() -> float:
    """Runs in the worker: its peak resident memory (VmHWM; `ru_maxrss` would include the parent's peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ms(call: Any) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


class Chromium:
    """Headless Chromium driven over --remote-debugging-pipe: one tab, reused for every print."""

    def __init__(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="bench-chromium-")
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        # The protocol wants the pipes on fds 3 (commands) and 4 (replies); the shell puts them there.
        self.process = subprocess.Popen(
            [
                "sh",
                "-c",
                f'exec "$0" "$@" 3<&{to_browser_read} 4>&{from_browser_write}',
                CHROMIUM,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--remote-debugging-pipe",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            pass_fds=(to_browser_read, from_browser_write),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)

    def _message(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(
        self, method: str, params: dict[str, Any] | None = None, session: bool = False, wait_event: str | None = None
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        result: dict[str, Any] | None = None
        event_seen = wait_event is None
        while result is None or not event_seen:
            reply = self._message()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(reply["error"])
                result = reply["result"]
            elif reply.get("method") == wait_event:
                event_seen = True
        return result

    def print_pdf(self, url: str) -> bytes:
        self.call("Page.navigate", {"url": url}, session=True, wait_event="Page.loadEventFired")
        printed = self.call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}, session=True)
        return base64.b64decode(printed["data"])

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)


def bench_template(template: str, chromium: Chromium | None, workdir: Path) -> dict[str, Any]:
    from weasyprint import HTML

    document = two_page_cv(template)
    html = REGISTRY.html(document)
    with WorkerPool(size=1, memory_limit=RENDER_MEMORY_BYTES, initializer=warm_up, name="bench") as pool:
        blobs = MemoryBlobStore()
        service = RenderService(
            StoredFiles(blobs, PdfiumRasterizer()), WeasyPrintRenderer(pool=pool), PythonDocxWriter(), REGISTRY
        )
        pages = service.render("bench", "cv", document).pages

        def full() -> None:
            blobs.files.clear()
            service.render("bench", "cv", document)

        def alone() -> None:
            HTML(string=html).write_pdf()

        for _ in range(3):
            full()
            alone()
        full_ms, alone_ms = [], []
        for _ in range(RUNS):  # interleaved, so drift on a noisy host hits both alike
            full_ms.append(_ms(full))
            alone_ms.append(_ms(alone))

        service.render("bench", "cv", document)
        cached_ms = [_ms(lambda: service.render("bench", "cv", document)) for _ in range(200)]

        edits = iter(range(10_000))

        def preview_after_edit() -> None:
            document.summary = f"{document.summary} {next(edits)}"
            service.preview(document)

        for _ in range(3):
            preview_after_edit()
        preview_ms = [_ms(preview_after_edit) for _ in range(RUNS)]
        # By module path: run as `python -m`, this module is __main__, which the worker does not have.
        peak = pool.run(importlib.import_module("tests.bench.bench_render").peak_rss_mb, timeout=10)

    chromium_ms: list[float] = []
    if chromium is not None:
        page = workdir / f"{template}.html"
        page.write_text(html, encoding="utf-8")
        for _ in range(3):
            chromium.print_pdf(page.as_uri())
        chromium_ms = [_ms(lambda: chromium.print_pdf(page.as_uri())) for _ in range(RUNS)]

    full_s, alone_s, cached_s, preview_s = (summary(t) for t in (full_ms, alone_ms, cached_ms, preview_ms))
    row: dict[str, Any] = {
        "template": template,
        "pages": pages,
        "full_p50_ms": full_s["p50_ms"],
        "full_p99_ms": full_s["p99_ms"],
        "weasyprint_p50_ms": alone_s["p50_ms"],
        "weasyprint_p99_ms": alone_s["p99_ms"],
        "overhead_x": full_s["p50_ms"] / alone_s["p50_ms"],
        "worker_peak_rss_mb": peak,
        "cached_p50_ms": cached_s["p50_ms"],
        "cached_p99_ms": cached_s["p99_ms"],
        "preview_p50_ms": preview_s["p50_ms"],
        "preview_p99_ms": preview_s["p99_ms"],
    }
    if chromium_ms:
        chromium_s = summary(chromium_ms)
        row |= {
            "chromium_p50_ms": chromium_s["p50_ms"],
            "chromium_p99_ms": chromium_s["p99_ms"],
            "chromium_vs_ours_x": chromium_s["p50_ms"] / full_s["p50_ms"],
        }
    return row


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-render-"))
    chromium = Chromium() if Path(CHROMIUM).exists() else None
    try:
        rows = [bench_template(name, chromium, workdir) for name in REGISTRY.names()]
    finally:
        if chromium is not None:
            chromium.close()
        shutil.rmtree(workdir, ignore_errors=True)
    columns = [
        "template",
        "pages",
        "full_p50_ms",
        "full_p99_ms",
        "weasyprint_p50_ms",
        "overhead_x",
        "worker_peak_rss_mb",
        "cached_p50_ms",
        "cached_p99_ms",
        "preview_p50_ms",
        "preview_p99_ms",
        "chromium_p50_ms",
        "chromium_vs_ours_x",
    ]
    print(table(rows, columns))
    print(
        "\ntargets: overhead_x <= 1.1 (full render / WeasyPrint alone, same HTML, same run); cached p50 <= 5 ms;"
        " preview after an edit p50 <= 200 ms; chromium_vs_ours_x < 1 means Chromium is faster"
    )
    targets = {
        "overhead_x_max": max(row["overhead_x"] for row in rows),
        "cached_p50_ms_max": max(row["cached_p50_ms"] for row in rows),
        "preview_p50_ms_max": max(row["preview_p50_ms"] for row in rows),
    }
    print(f"\nJSON: {write('render', rows, {'worst': targets, 'runs': RUNS})}")


if __name__ == "__main__":
    main()
