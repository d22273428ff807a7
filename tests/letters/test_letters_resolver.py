"""`renderCoverLetter`'s resolver on the embedded default wiring (`build_runtime`: SQLite, the folder blob store,
the render worker pool, the rules writer): a letter generated from a stored CV, rendered in the CV's design, and
only ever for the caller who owns it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import anyio
import pytest

from api.composition import Runtime, build_runtime
from api.settings import Settings
from cvmaker.domain.errors import InvalidInput, NotFound
from cvmaker.ports import Principal
from resolvers.context import Context
from resolvers.letters import render_cover_letter
from tests.conftest import FakeVerifier
from tests.graphql.queries import SAMPLE_INPUT
from tests.rendering.layout import folded, pdf_text

POSTING = """We are hiring a Senior Backend Engineer to build our billing platform.
Requirements: strong Python and SQL; experience building backend services; good communication."""


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    folder = tmp_path_factory.mktemp("letters")
    runtime = build_runtime(Settings(data_dir=folder / "data", web_dist=folder / "none"), verifier=FakeVerifier())
    yield runtime
    runtime.close()


def context(runtime: Runtime, sub: str) -> Context:
    return Context(services=runtime.services, principal=Principal(sub=sub, client_id="web"), request_id="test")


@pytest.fixture(scope="module")
def letter(runtime: Runtime) -> Any:
    services = runtime.services
    cv = services.cvs.create("alice", {**SAMPLE_INPUT, "design": {"template": "modern", "accentColor": "#7b1fa2"}})
    job = services.jobs.create("alice", "Senior Backend Engineer", "Ledgerly", POSTING)
    return services.letters.generate("alice", cv.id, job.id)


def render(runtime: Runtime, sub: str, letter_id: str, render_format: str) -> Any:
    return anyio.run(render_cover_letter, context(runtime, sub), letter_id, render_format)


def test_a_generated_letter_renders_as_a_pdf_in_its_cvs_design(runtime: Runtime, letter: Any) -> None:
    download = render(runtime, "alice", letter.id, "PDF")
    file = download.file
    assert file.key.startswith(f"users/alice/renders/{letter.cv_id}/letters/") and file.key.endswith(".pdf")
    assert file.pages == 1 and not file.cached
    assert parse_qs(urlsplit(download.url).query)["name"] == ["Ada Lovelace Cover Letter.pdf"]
    pdf = runtime.blobs.get(file.key)
    assert pdf is not None and pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    paragraphs = [folded(p) for p in letter.text.split("\n\n") if not p.startswith("Some of what")]
    positions = [text.find(p.replace("\n", " ")) for p in paragraphs]
    assert -1 not in positions and positions == sorted(positions), (paragraphs, text)
    assert "ada@example.com" in text and "GitHub" in text
    # The modern template's sidebar, in the CV's accent darkened by a quarter, runs down the letter's page too.
    from PIL import Image

    page = runtime.services.rendering.files.rasterizer.rasterize(pdf, max_pages=1)[0]
    image = Image.open(io.BytesIO(page.png)).convert("RGB")
    assert image.getpixel((5, image.height // 2)) == tuple(round(c * 0.75) for c in (0x7B, 0x1F, 0xA2))
    assert render(runtime, "alice", letter.id, "PDF").file.cached


def test_the_same_letter_renders_as_docx_and_as_text(runtime: Runtime, letter: Any) -> None:
    import docx

    word_file = render(runtime, "alice", letter.id, "DOCX").file
    word = docx.Document(io.BytesIO(runtime.blobs.get(word_file.key)))
    assert word.paragraphs[0].text == "Ada Lovelace"
    assert "Dear Hiring Manager," in [p.text for p in word.paragraphs]
    text_file = render(runtime, "alice", letter.id, "TEXT").file
    assert runtime.blobs.get(text_file.key) == (letter.text.strip() + "\n").encode()


def test_another_users_letter_and_an_unknown_id_are_not_found(runtime: Runtime, letter: Any) -> None:
    for sub, letter_id in (("bob", letter.id), ("alice", "01JUNKNOWN000000000000000"), ("alice", "../../x")):
        with pytest.raises(NotFound):
            render(runtime, sub, letter_id, "PDF")


def test_json_resume_is_not_a_letter_format(runtime: Runtime, letter: Any) -> None:
    with pytest.raises(InvalidInput) as refused:
        render(runtime, "alice", letter.id, "JSON_RESUME")
    assert refused.value.problems[0].path == "format"


def test_a_deleted_cv_takes_its_letters_and_their_renders_out_of_reach(runtime: Runtime, tmp_path: Path) -> None:
    services = runtime.services
    cv = services.cvs.create("alice", SAMPLE_INPUT)
    job = services.jobs.create("alice", "Backend Engineer", None, POSTING)
    written = services.letters.generate("alice", cv.id, job.id)
    render(runtime, "alice", written.id, "PDF")
    services.cvs.delete("alice", cv.id)
    with pytest.raises(NotFound):
        render(runtime, "alice", written.id, "PDF")
