"""`ReadabilityService.report` with real rendering (every template's PDF, the DOCX) and real parsing (the import's
worker process), on CVs stored in SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.adapters.storage.folder_blobs import FolderBlobStore
from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.cv.samples import long_cv, short_cv
from cvmaker.domain.errors import InvalidInput, NotFound, QuotaExceeded, UnsupportedFile
from cvmaker.domain.readability import FieldStatus, ReadabilityReport
from cvmaker.services.cvs import CvService
from cvmaker.services.imports import CvFileReader, ImportResult
from cvmaker.services.readability import ReadabilityService
from cvmaker.services.rendering import RenderFormat, RenderService


def stored(cvs: CvService, document: CvDocument, owner: str = "alice") -> str:
    return cvs.create_from_document(owner, document).id


def files(blobs: FolderBlobStore) -> list[Path]:
    return sorted(p for p in blobs.root.rglob("*") if p.is_file())


def statuses(report: ReadabilityReport) -> dict[str, FieldStatus]:
    return {f.path: f.status for f in report.fields}


@pytest.mark.parametrize("template", REGISTRY.names())
def test_each_templates_pdf_is_read_back_field_by_field(
    template: str, readability: ReadabilityService, cvs: CvService
) -> None:
    cv_id = stored(cvs, short_cv("classic"))
    report = readability.report("alice", cv_id, {"template": template}, "PDF")
    assert (report.format, report.template) == ("PDF", template)
    found = statuses(report)
    for path in ("basics.name", "basics.email", "basics.phone", "basics.links.0", "sections.0.title"):
        assert found[path] is FieldStatus.READ, (path, template)
    assert found["sections.0.items.0.startDate"] is FieldStatus.READ
    assert found["sections.0.items.0.endDate"] is FieldStatus.READ  # "present"
    assert report.score >= 95, [f for f in report.fields if f.status is not FieldStatus.READ]
    assert report.summary.endswith("lost.") and report.advice


def test_the_docx_is_read_back_too(readability: ReadabilityService, cvs: CvService) -> None:
    cv_id = stored(cvs, long_cv("modern"))
    report = readability.report("alice", cv_id, None, RenderFormat.DOCX)
    assert (report.format, report.template) == ("DOCX", "modern")
    found = statuses(report)
    assert found["basics.name"] is FieldStatus.READ and found["basics.email"] is FieldStatus.READ
    # The DOCX is one column whatever the template: the sections are read in the order they are written.
    assert found["sections"] is FieldStatus.READ
    assert report.score >= 95


def test_a_two_column_template_is_read_out_of_order_and_the_advice_says_so(
    readability: ReadabilityService, cvs: CvService
) -> None:
    cv_id = stored(cvs, long_cv("classic"))
    single = readability.report("alice", cv_id, None, "PDF")
    columns = readability.report("alice", cv_id, {"template": "columns"}, "PDF")
    assert statuses(single)["sections"] is FieldStatus.READ
    order = next(f for f in columns.fields if f.path == "sections")
    assert order.status is FieldStatus.MANGLED and order.read != order.expected
    assert any("two-column layout" in advice for advice in columns.advice)
    assert columns.score < single.score


def test_a_heading_a_parser_does_not_know_is_reported_with_a_common_one(
    readability: ReadabilityService, cvs: CvService
) -> None:
    document = short_cv("plain")
    document.sections[0].title = "Where I have worked"
    report = readability.report("alice", stored(cvs, document), None, "PDF")
    heading = next(f for f in report.fields if f.path == "sections.0.title")
    assert (heading.status, heading.read) == (FieldStatus.LOST, None)
    assert any("“Where I have worked” was not recognised" in a and "“Experience”" in a for a in report.advice)
    assert report.score < 90


def test_the_stored_file_is_reused(
    readability: ReadabilityService, rendering: RenderService, cvs: CvService, blobs: FolderBlobStore
) -> None:
    cv_id = stored(cvs, short_cv())
    download = rendering.render_cv("alice", cv_id, None, RenderFormat.PDF)
    before = files(blobs)
    readability.report("alice", cv_id, None, "PDF")
    assert files(blobs) == before
    assert download.file.cached is False


def test_another_users_cv_is_not_found_and_costs_nothing(readability: ReadabilityService, cvs: CvService) -> None:
    cv_id = stored(cvs, short_cv(), owner="bob")
    for _ in range(6):  # more than the render quota: a refused request is not charged
        with pytest.raises(NotFound):
            readability.report("alice", cv_id, None, "PDF")
    with pytest.raises(NotFound):
        readability.report("alice", "01JNOSUCHCV00000000000000", None, "PDF")
    assert readability.report("alice", stored(cvs, short_cv()), None, "PDF").score > 0


@pytest.mark.parametrize("bad", ["TEXT", "JSON_RESUME", "pdf", ""])
def test_only_pdf_and_docx_are_read(bad: str, readability: ReadabilityService, cvs: CvService) -> None:
    with pytest.raises(InvalidInput) as refused:
        readability.report("alice", stored(cvs, short_cv()), None, bad)
    assert refused.value.problems[0].path == "format"


def test_a_bad_design_is_refused_before_any_work(readability: ReadabilityService, cvs: CvService) -> None:
    cv_id = stored(cvs, short_cv())
    for _ in range(6):
        with pytest.raises(InvalidInput):
            readability.report("alice", cv_id, {"template": "no-such-template"}, "PDF")
    assert readability.report("alice", cv_id, None, "PDF").score > 0


def test_each_report_counts_a_render_and_an_import(readability: ReadabilityService, cvs: CvService) -> None:
    cv_id = stored(cvs, short_cv())
    for _ in range(3):  # the import quota is 3 a minute, the render quota 5
        readability.report("alice", cv_id, None, "PDF")
    with pytest.raises(QuotaExceeded) as refused:
        readability.report("alice", cv_id, None, "PDF")
    assert refused.value.kind == "import"
    assert readability.report("bob", stored(cvs, short_cv(), owner="bob"), None, "DOCX").score > 0


class _Refusing(CvFileReader):
    """The importer refusing the file, as it does a scan with no text layer (or a damaged file)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def parse(self, data: bytes, filename: str) -> ImportResult:
        raise UnsupportedFile("refused", self.reason)


def test_a_file_with_no_text_reads_as_nothing_and_other_refusals_are_faults(
    cvs: CvService, rendering: RenderService, blobs: FolderBlobStore
) -> None:
    cv_id = stored(cvs, short_cv())
    nothing = ReadabilityService(cvs, lambda: rendering, lambda: _Refusing("no_text_layer"), blobs)
    report = nothing.report("alice", cv_id, None, "PDF")
    assert report.score == 0 and all(f.status is FieldStatus.LOST for f in report.fields)
    assert any("The name was not read" in a for a in report.advice)
    assert any("The contact line was not read" in a for a in report.advice)
    damaged = ReadabilityService(cvs, lambda: rendering, lambda: _Refusing("damaged"), blobs)
    with pytest.raises(UnsupportedFile):
        damaged.report("alice", cv_id, None, "PDF")
