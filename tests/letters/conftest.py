"""Fixtures of the letter suites: one warm render worker for the session, an in-memory blob store, and the letter
service over a render service wired from the real adapters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cvmaker.adapters.rendering.docx_writer import PythonDocxWriter
from cvmaker.adapters.rendering.rasterizer import PdfiumRasterizer
from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.adapters.rendering.weasyprint import WeasyPrintRenderer
from cvmaker.domain.matching.results import CoverLetter
from cvmaker.services.letters import LetterRenderer
from cvmaker.services.rendering import RenderService, StoredFiles

# The render suite's warm renderer and in-memory blob store serve the letters too.
from tests.rendering.conftest import MemoryBlobStore, blobs, renderer  # noqa: F401 (fixtures)

LETTER_TEXT = """Dear Hiring Manager,

I am applying for the Senior Data Analyst role at Northwind. Most recently I worked as Data Analyst, Westcountry Energy.

My CV shows the SQL, Python and Power BI this role asks for.

Some of what I have done:
- Built the weekly demand forecast in Python (statsmodels), cutting forecast error by 18%.
- Rebuilt 14 finance dashboards in Power BI on a single dbt model, saving 6 hours a week.

Thank you for your time. I would welcome the chance to talk about the role.

Kind regards,
Amelia Hartley"""


def a_letter(text: str = LETTER_TEXT, letter_id: str = "01JLETTER0000000000000001", cv_id: str = "cv-1") -> CoverLetter:
    return CoverLetter(
        id=letter_id,
        owner="alice",
        cv_id=cv_id,
        job_id="job-1",
        text=text,
        created_at=datetime(2026, 11, 25, 9, 30, tzinfo=UTC),
    )


@pytest.fixture
def rendering(blobs: MemoryBlobStore, renderer: WeasyPrintRenderer) -> RenderService:
    return RenderService(StoredFiles(blobs, PdfiumRasterizer()), renderer, PythonDocxWriter(), REGISTRY)


@pytest.fixture
def letters(rendering: RenderService) -> LetterRenderer:
    return LetterRenderer(rendering)
