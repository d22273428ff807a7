"""Services of the job-matching feature wired on real SQLite (in a temporary file), the in-memory vector index,
an instant word-hashing embedder and the rules writer (or a misbehaving writer a test chooses)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from cvmaker.adapters.matching.local_vector_index import LocalVectorIndex
from cvmaker.adapters.matching.rules_writer import RulesWriter
from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.adapters.storage.sqlite_jobs import SqliteCoverLetterRepository, SqliteJobRepository
from cvmaker.ports import TextGenerator
from cvmaker.services.cvs import CvService
from cvmaker.services.jobs import JobService
from cvmaker.services.letters import LetterService
from cvmaker.services.matching import CachedEmbedder, MatchingService
from cvmaker.services.rendering import RenderService
from cvmaker.services.tailoring import TailoringService
from tests.matching.documents import TODAY
from tests.matching.fakes import WordEmbedder


@dataclass
class Feature:
    database: SqliteDatabase
    cvs: CvService
    jobs: JobService
    matching: MatchingService
    tailoring: TailoringService
    letters: LetterService
    index: LocalVectorIndex
    embedder: WordEmbedder


def build(path: Path, writer: TextGenerator | None = None) -> Feature:
    database = SqliteDatabase(path)
    writer = writer or RulesWriter()
    clock = lambda: TODAY
    cvs = CvService(SqliteCvRepository(database), clock=clock)
    jobs = JobService(SqliteJobRepository(database), writer, clock=clock)
    embedder = WordEmbedder()
    index = LocalVectorIndex(embedder.dimension)
    matching = MatchingService(cvs, jobs, CachedEmbedder(embedder), index, clock=clock)
    tailoring = TailoringService(cvs, jobs, matching, writer, clock=clock)
    letters = LetterService(
        cvs, jobs, matching, writer, SqliteCoverLetterRepository(database), _no_rendering, clock=clock
    )
    return Feature(database, cvs, jobs, matching, tailoring, letters, index, embedder)


def _no_rendering() -> RenderService:
    raise AssertionError("these tests write letters; the letter suites render them")


@pytest.fixture
def feature(tmp_path: Path) -> Feature:
    return build(tmp_path / "cvmaker.sqlite3")


@pytest.fixture
def feature_with(tmp_path: Path) -> Callable[[TextGenerator], Feature]:
    return lambda writer: build(tmp_path / "cvmaker.sqlite3", writer)
