"""The render service with the real adapters and an in-memory blob store: formats, content hashes, the cache,
validation and the live preview."""

from __future__ import annotations

import json

import pytest

from cvmaker.domain.cv.model import Design, PageSize
from cvmaker.domain.cv.samples import arabic_cv, long_cv, short_cv
from cvmaker.domain.errors import InvalidInput
from cvmaker.services.rendering import RenderFormat, RenderService
from tests.rendering.conftest import MemoryBlobStore
from tests.rendering.layout import pdf_text


def test_each_format_is_stored_under_the_owner_and_cv_with_its_metadata(
    service: RenderService, blobs: MemoryBlobStore
) -> None:
    for render_format, pages, magic in [
        (RenderFormat.PDF, 3, b"%PDF"),
        (RenderFormat.DOCX, None, b"PK"),
        (RenderFormat.TEXT, None, b"Daniel"),
        (RenderFormat.JSON_RESUME, None, b"{"),
    ]:
        rendered = service.render("user-1", "cv-1", long_cv(), None, render_format)
        data, content_type = blobs.files[rendered.key]
        assert rendered.key == f"users/user-1/renders/cv-1/{rendered.key.rsplit('/', 1)[1]}"
        assert rendered.key.endswith("." + render_format.extension)
        assert (rendered.pages, rendered.bytes, rendered.cached) == (pages, len(data), False)
        assert data.startswith(magic) and content_type == render_format.content_type
        assert rendered.filename == f"Daniel Okonkwo-Reyes CV.{render_format.extension}"
    exported = json.loads(blobs.files[rendered.key][0])
    assert exported["basics"]["name"] == "Daniel Okonkwo-Reyes"


def test_a_second_request_is_served_from_the_store_without_rendering(
    service: RenderService, blobs: MemoryBlobStore
) -> None:
    first = service.render("user-1", "cv-1", long_cv())
    second = service.render("user-1", "cv-1", long_cv())
    assert blobs.puts == 1
    assert second.cached and not first.cached
    assert (second.key, second.sha256, second.pages, second.bytes) == (first.key, first.sha256, 3, first.bytes)


def test_equal_content_and_design_give_an_equal_hash_even_rendered_afresh(
    service: RenderService, blobs: MemoryBlobStore
) -> None:
    for render_format in (RenderFormat.PDF, RenderFormat.DOCX):
        first = service.render("user-1", "cv-1", short_cv(), None, render_format)
        blobs.files.clear()
        again = service.render("user-1", "cv-1", short_cv(), None, render_format)
        assert not again.cached and again.sha256 == first.sha256


def test_any_change_of_content_design_or_template_makes_a_new_file(service: RenderService) -> None:
    base = service.render("user-1", "cv-1", short_cv())
    edited = short_cv()
    edited.summary = "A different summary."
    keys = {
        base.key,
        service.render("user-1", "cv-1", edited).key,
        service.render("user-1", "cv-1", short_cv(), {"accentColor": "#aa3300"}).key,
        service.render("user-1", "cv-1", short_cv(), {"template": "modern"}).key,
        service.render("user-1", "cv-1", short_cv(), Design(page_size=PageSize.LETTER)).key,
    }
    assert len(keys) == 5


def test_a_design_override_applies_to_the_render_only(service: RenderService, blobs: MemoryBlobStore) -> None:
    document = short_cv()
    rendered = service.render("user-1", "cv-1", document, {"template": "plain", "pageSize": "LETTER"})
    assert document.design.template == "classic"
    import pypdfium2

    page = pypdfium2.PdfDocument(blobs.files[rendered.key][0])[0]
    assert (round(page.get_width()), round(page.get_height())) == (612, 792)


def test_invalid_documents_and_ids_are_refused_and_nothing_is_stored(
    service: RenderService, blobs: MemoryBlobStore
) -> None:
    document = short_cv()
    document.sections[0].title = ""
    with pytest.raises(InvalidInput) as refused:
        service.render("user-1", "cv-1", document)
    assert refused.value.problems[0].path == "sections.0.title"
    for owner, cv_id in [("user-1", "../other"), ("../user-2", "cv-1"), ("user-1", "a/b"), ("", "cv-1")]:
        with pytest.raises(InvalidInput):
            service.render(owner, cv_id, short_cv())
    with pytest.raises(InvalidInput):
        service.render("user-1", "cv-1", short_cv(), {"template": "no-such-template"})
    assert blobs.files == {}


def test_a_date_that_cannot_be_read_is_left_out_of_the_file_never_printed(service: RenderService) -> None:
    document = short_cv()
    document.sections[0].items[0].end_date = "2001-13"
    prepared = service.prepare(document)
    assert prepared.document.sections[0].items[0].end_date is None
    assert prepared.document.drafts == []


def test_the_preview_shows_each_page_of_unsaved_edits_as_png(service: RenderService) -> None:
    document = long_cv()
    pages = service.preview(document)
    assert [page.number for page in pages] == [1, 2, 3]
    assert all(page.png.startswith(b"\x89PNG") and (page.width, page.height) == (794, 1123) for page in pages)
    document.sections[0].items = document.sections[0].items[:1]
    shorter = service.preview(document, {"pageSize": "LETTER"})
    assert len(shorter) < 3 and (shorter[0].width, shorter[0].height) == (816, 1056)
    assert service.preview(document, {"pageSize": "LETTER"}) is shorter  # the same edit again: from memory


def test_text_export_reads_like_the_pdf(service: RenderService, blobs: MemoryBlobStore) -> None:
    document = arabic_cv()
    text = blobs.files[service.render("user-1", "cv-ar", document, None, RenderFormat.TEXT).key][0].decode()
    pdf = blobs.files[service.render("user-1", "cv-ar", document).key][0]
    assert document.basics.name in text
    assert document.basics.name in pdf_text(pdf)
