"""A CV with rich text in its summary, a description and bullets, shared by the rich-text tests."""

from __future__ import annotations

from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.cv.samples import short_cv

SUMMARY = "Nurse with **ten years** on *acute* wards.\nCalm under pressure.\n\nTrained <script>alert(1)</script> staff."
DESCRIPTION = "Ran the **night shift** for [St Mary's](stmarys.nhs.uk).\n\n- Led *daily* audits\n- Cut falls by 30%"
BULLET = "Mentored **twelve** students from [Bristol](https://bristol.ac.uk) [bad](javascript:alert(1))"


def rich_cv(template: str = "classic") -> CvDocument:
    document = short_cv(template)
    document.summary = SUMMARY
    item = document.sections[0].items[0]
    item.description = DESCRIPTION
    item.bullets = [BULLET, *item.bullets[1:]]
    return document
