"""What a parser reads: a CV as written against the CV CV Maker's own importer read back from an export of it
(a template's PDF, the DOCX), field by field (`comparing`), with a score (`scoring`, whose docstring explains the
weights) and advice drawn from the pattern of failures (`advice`). Pure: the rendering and the reading happen in
`cvmaker.services.readability`.
"""

from __future__ import annotations

from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.readability.advice import advise
from cvmaker.domain.readability.comparing import compare
from cvmaker.domain.readability.model import FieldGroup, FieldReading, FieldStatus, ReadabilityReport
from cvmaker.domain.readability.scoring import score


def assess(written: CvDocument, read: CvDocument, *, format: str, template: str) -> ReadabilityReport:
    """How well `read` (what the importer made of an export of `written`) matches `written`."""
    readings = compare(written, read)
    counts = {status: sum(r.status is status for r in readings) for status in FieldStatus}
    summary = (
        f"{counts[FieldStatus.READ]} of {len(readings)} fields read as written, "
        f"{counts[FieldStatus.MANGLED]} mangled, {counts[FieldStatus.LOST]} lost."
    )
    return ReadabilityReport(
        score=score(readings),
        format=format,
        template=template,
        fields=tuple(readings),
        advice=tuple(advise(readings, written, read)),
        summary=summary,
    )


__all__ = ["FieldGroup", "FieldReading", "FieldStatus", "ReadabilityReport", "assess"]
