"""Generated CV files, made once per test session (WeasyPrint takes a fraction of a second per document)."""

from __future__ import annotations

import pytest

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.services.imports import CvFileReader
from tests.imports import documents


@pytest.fixture(scope="session")
def pdfs() -> dict[str, bytes]:
    return {
        "single_column": documents.render_pdf(documents.single_column_html()),
        "sidebar": documents.render_pdf(documents.sidebar_html()),
        "date_margin": documents.render_pdf(documents.date_margin_html()),
        "running_header": documents.render_pdf(documents.running_header_html()),
    }


@pytest.fixture(scope="session")
def docxs() -> dict[str, bytes]:
    return {
        "styled": documents.styled_docx(),
        "table": documents.table_docx(),
        "textbox": documents.textbox_docx(),
    }


@pytest.fixture
def importer() -> CvFileReader:
    return CvFileReader(InProcessExtractor())
