"""Fixtures of the readability suite: the real render worker and the real import worker (one each for the
session), CVs in real SQLite, files in a real folder, quotas counted in SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from api.composition import build_extractor
from cvmaker.adapters.rendering.docx_writer import PythonDocxWriter
from cvmaker.adapters.rendering.rasterizer import PdfiumRasterizer
from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.adapters.rendering.weasyprint import WeasyPrintRenderer
from cvmaker.adapters.storage.folder_blobs import FolderBlobStore
from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.adapters.storage.sqlite_quotas import SqliteQuotaStore
from cvmaker.adapters.worker_pool import WorkerPool
from cvmaker.domain.quotas import MINUTE, QuotaKind, Window
from cvmaker.services.cvs import CvService
from cvmaker.services.imports import CvFileReader
from cvmaker.services.quotas import QuotaService
from cvmaker.services.readability import ReadabilityService
from cvmaker.services.rendering import RenderService, StoredFiles
from tests.rendering.conftest import renderer  # noqa: F401 (the session's warm render worker)


@pytest.fixture(scope="session")
def reader() -> Iterator[CvFileReader]:
    """The import's reader in its warm worker process, as the upload flow runs it."""
    pools: list[WorkerPool] = []
    yield CvFileReader(build_extractor(isolated=True, pools=pools))
    for pool in pools:
        pool.close()


@pytest.fixture
def database(tmp_path: Path) -> SqliteDatabase:
    return SqliteDatabase(tmp_path / "cvmaker.sqlite3")


@pytest.fixture
def cvs(database: SqliteDatabase) -> CvService:
    return CvService(SqliteCvRepository(database), templates=REGISTRY.names())


@pytest.fixture
def blobs(tmp_path: Path) -> FolderBlobStore:
    return FolderBlobStore(tmp_path / "files", "http://127.0.0.1:8000")


@pytest.fixture
def quotas(database: SqliteDatabase) -> QuotaService:
    return QuotaService(
        SqliteQuotaStore(database),
        {QuotaKind.RENDER: (Window(MINUTE, 5),), QuotaKind.IMPORT: (Window(MINUTE, 3),)},
    )


@pytest.fixture
def rendering(
    blobs: FolderBlobStore, renderer: WeasyPrintRenderer, cvs: CvService, quotas: QuotaService
) -> RenderService:
    return RenderService(
        StoredFiles(blobs, PdfiumRasterizer()), renderer, PythonDocxWriter(), REGISTRY, cvs=cvs, quotas=quotas
    )


@pytest.fixture
def readability(
    cvs: CvService, rendering: RenderService, reader: CvFileReader, blobs: FolderBlobStore, quotas: QuotaService
) -> ReadabilityService:
    return ReadabilityService(cvs, lambda: rendering, lambda: reader, blobs, quotas)
