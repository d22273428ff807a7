"""What a parser reads: an export of a CV (a template's PDF, the DOCX) read back by CV Maker's own importer and
compared, field by field, with the CV it was made from (`cvmaker.domain.readability`).

The file is the one a download gives: rendered through `RenderService` (so a stored render is reused, and a
report followed by a download renders once) and read through the import's `CvFileReader` (its warm worker
process, the same extraction and parsing as an upload). The work is charged like the operations it performs: a
render (whether or not the file was stored already, as `renderCv` is) and an import.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.errors import FieldProblem, InvalidInput, UnsupportedFile
from cvmaker.domain.quotas import QuotaKind
from cvmaker.domain.readability import ReadabilityReport, assess
from cvmaker.ports import BlobStore
from cvmaker.services.cvs import CvService
from cvmaker.services.quotas import QuotaService, unmetered
from cvmaker.services.rendering import RenderFormat

if TYPE_CHECKING:  # built on first use: the import reader and the renderer bring worker processes
    from cvmaker.services.imports import CvFileReader
    from cvmaker.services.rendering import RenderService

READABLE_FORMATS = (RenderFormat.PDF, RenderFormat.DOCX)
# The importer's refusals that mean "there is no text to read" (cvmaker.services.imports and the extractors):
# a report then says what a parser gets, nothing. Any other refusal of our own export is a fault, not an answer.
NOTHING_READ = frozenset({"no_text", "no_text_layer"})


@dataclass
class ReadabilityService:
    cvs: CvService
    rendering: Callable[[], RenderService]
    reader: Callable[[], CvFileReader]
    blobs: BlobStore
    quotas: QuotaService = field(default_factory=unmetered)

    def report(
        self, owner: str, cv_id: str, design: Mapping[str, Any] | None, render_format: RenderFormat | str
    ) -> ReadabilityReport:
        """What the importer reads from the caller's CV exported as `render_format` in `design` (the CV's own
        design with these fields changed). Another user's CV is `NotFound`, like a missing one."""
        chosen = readable_format(render_format)
        cv = self.cvs.get(owner, cv_id)
        rendering = self.rendering()
        # Validated before anything is charged: a bad design costs the caller nothing.
        prepared = rendering.prepare(cv.document, design or None)
        with self.quotas.spend(owner, QuotaKind.RENDER):
            rendered = rendering.render(owner, cv.id, cv.document, design or None, chosen)
            data = self.blobs.get(rendered.key)
            if data is None:  # expired between the render and this read: render the same bytes again
                data, _ = rendering.render_bytes(prepared, chosen)
        with self.quotas.spend(owner, QuotaKind.IMPORT):
            try:
                read = self.reader().parse(data, rendered.filename).document
            except UnsupportedFile as unread:
                if unread.reason not in NOTHING_READ:
                    raise
                # No text at all (a CV set as an image): a parser reads nothing, which is the answer.
                read = CvDocument(title="")
        return assess(prepared.document, read, format=chosen.value, template=prepared.design.template)


def readable_format(value: RenderFormat | str) -> RenderFormat:
    """PDF or DOCX: the exports an applicant-tracking system is sent (text and JSON are read as they are)."""
    try:
        chosen = RenderFormat(value)
    except ValueError:
        chosen = None
    if chosen not in READABLE_FORMATS:
        raise InvalidInput([FieldProblem("format", "must be PDF or DOCX")])
    assert chosen is not None
    return chosen
