"""The composition root: the one module that chooses adapters and wires them into services.

Each choice follows its own setting (storage, blobs, auth), so any mix runs: SQLite with Cognito, DynamoDB with
the local issuer, and so on. Heavy adapters are imported only when chosen.

Longer than 400 lines on purpose: it is the one module allowed to import adapters (an import-linter contract),
so every choice of adapter stays here rather than in helpers that would need the same exemption.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from api.settings import Settings
from cvmaker.ports import BlobStore, CvRepository, TemplateCatalog, TokenVerifier
from cvmaker.services.container import ServiceFactories, Services
from cvmaker.services.cvs import CvService

if TYPE_CHECKING:  # annotations only: each adapter is imported when it is chosen, not at start-up
    from cvmaker.adapters.auth.local_accounts import LocalAccounts
    from cvmaker.adapters.auth.local_issuer import LocalTokenIssuer
    from cvmaker.adapters.extraction.sniffing import (
        InProcessExtractor,
        IsolatedExtractor,
    )
    from cvmaker.adapters.storage.folder_blobs import FolderBlobStore
    from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
    from cvmaker.adapters.worker_pool import WorkerPool
    from cvmaker.ports import (
        CoverLetterRepository,
        DocumentExtractor,
        Embedder,
        EmbeddingStore,
        JobRepository,
        TextGenerator,
        VectorIndex,
    )
    from cvmaker.services.imports import CvFileReader, ImportService
    from cvmaker.services.jobs import JobService
    from cvmaker.services.letters import LetterService
    from cvmaker.services.matching import MatchingService
    from cvmaker.services.rendering import RenderService
    from cvmaker.services.tailoring import TailoringService

DEFAULT_TEMPLATES = ("classic",)


@dataclass
class Runtime:
    """Everything a process builds once and every request shares."""

    settings: Settings
    services: Services
    verifier: TokenVerifier
    # The embedded default's own sign-in (accounts, issuer); None in the cloud shape, where Cognito signs in.
    local_accounts: LocalAccounts | None = None
    local_issuer: LocalTokenIssuer | None = None
    blobs: BlobStore | None = None
    database: SqliteDatabase | None = None
    # Worker pools started by the services built so far; stopped with the server.
    pools: list[WorkerPool] | None = None
    # The embedded default's blob store, whose signed URLs the app itself serves (None with S3).
    folder_blobs: FolderBlobStore | None = None

    def local_sign_in(self) -> tuple[LocalAccounts, LocalTokenIssuer]:
        """The embedded default's accounts and token issuer; an error where Cognito signs people in."""
        if self.local_accounts is None or self.local_issuer is None:
            raise RuntimeError("local sign-in is not configured (CVMAKER_AUTH is not local)")
        return self.local_accounts, self.local_issuer

    def close(self) -> None:
        """Stop worker processes (the renderer's, the importer's) when the server stops."""
        for pool in self.pools or []:
            pool.close()


def template_catalog() -> TemplateCatalog:
    """The installed templates (their files are read on first use)."""
    from cvmaker.adapters.rendering.templates import REGISTRY

    return REGISTRY


def template_names() -> tuple[str, ...]:
    from cvmaker.adapters.rendering.templates import template_names as installed

    return tuple(installed()) or DEFAULT_TEMPLATES


def _database(settings: Settings) -> SqliteDatabase:
    from cvmaker.adapters.storage.sqlite_database import SqliteDatabase

    return SqliteDatabase(settings.database_path)


def build_cv_repository(settings: Settings, database: SqliteDatabase | None) -> CvRepository:
    if settings.storage == "sqlite":
        from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository

        assert database is not None
        return SqliteCvRepository(database)
    if settings.storage == "dynamodb":
        from cvmaker.adapters.storage.dynamodb_cvs import DynamoDbCvRepository

        return DynamoDbCvRepository.from_settings(settings)
    raise ValueError(f"CVMAKER_STORAGE must be sqlite or dynamodb, not {settings.storage!r}")


def build_blob_store(settings: Settings) -> BlobStore:
    if settings.blobs == "folder":
        from cvmaker.adapters.storage.folder_blobs import FolderBlobStore

        return FolderBlobStore(settings.data_dir / "files", settings.public_url)
    if settings.blobs == "s3":
        from cvmaker.adapters.storage.s3_blobs import S3BlobStore

        return S3BlobStore.from_settings(settings)
    raise ValueError(f"CVMAKER_BLOBS must be folder or s3, not {settings.blobs!r}")


def build_rendering(
    settings: Settings,
    blobs: BlobStore,
    cvs: CvService | None = None,
    pools: list[WorkerPool] | None = None,
    in_process: bool = False,
) -> RenderService:
    """Rendering wired to warm worker processes (started on the first render, not at start-up), or rendering in
    this process (the command line)."""
    from cvmaker.adapters.rendering.docx_writer import PythonDocxWriter
    from cvmaker.adapters.rendering.rasterizer import PdfiumRasterizer
    from cvmaker.adapters.rendering.templates import REGISTRY
    from cvmaker.adapters.rendering.weasyprint import (
        InProcessRenderer,
        WeasyPrintRenderer,
        default_renderer,
    )
    from cvmaker.domain.json_resume import to_json_resume
    from cvmaker.services.rendering import RenderService, StoredFiles

    renderer: WeasyPrintRenderer | InProcessRenderer
    if in_process:
        renderer = InProcessRenderer()
    else:
        renderer = default_renderer(workers=settings.render_workers)
        if pools is not None:
            pools.append(renderer.pool)
    return RenderService(
        StoredFiles(blobs, PdfiumRasterizer()),
        renderer,
        PythonDocxWriter(),
        REGISTRY,
        json_resume=lambda document: to_json_resume(document, keep_extras=not in_process, kept=document.imported),
        cvs=cvs,
    )


def build_extractor(
    isolated: bool = True, pools: list[WorkerPool] | None = None
) -> IsolatedExtractor | InProcessExtractor:
    """Parsing in a warm worker process under a time and memory limit, or in this process."""
    from cvmaker.adapters.extraction.sniffing import (
        InProcessExtractor,
        IsolatedExtractor,
        warm_up,
    )
    from cvmaker.adapters.worker_pool import WorkerPool

    if not isolated:
        return InProcessExtractor()
    pool = WorkerPool(size=1, memory_limit=512 * 1024 * 1024, initializer=warm_up, name="import")
    if pools is not None:
        pools.append(pool)
    return IsolatedExtractor(pool, timeout=10.0)


def build_file_reader(extractor: DocumentExtractor) -> CvFileReader:
    from cvmaker.services.imports import CvFileReader

    return CvFileReader(extractor)


@contextmanager
def file_reader(isolated: bool = True) -> Iterator[CvFileReader]:
    """A reader for the command line, with its worker process (if any) stopped afterwards."""
    pools: list[WorkerPool] = []
    try:
        yield build_file_reader(build_extractor(isolated, pools))
    finally:
        for pool in pools:
            pool.close()


def build_imports(blobs: BlobStore, cvs: CvService, pools: list[WorkerPool]) -> ImportService:
    from cvmaker.services.imports import ImportService

    return ImportService(blobs, cvs, build_file_reader(build_extractor(pools=pools)))


def build_job_repositories(
    settings: Settings, database: SqliteDatabase | None
) -> tuple[JobRepository, CoverLetterRepository, EmbeddingStore | None]:
    """Jobs, cover letters and the embedding cache's store (None where embeddings are cached in memory only)."""
    if settings.storage == "sqlite":
        from cvmaker.adapters.storage.sqlite_jobs import (
            SqliteCoverLetterRepository,
            SqliteEmbeddingStore,
            SqliteJobRepository,
        )

        assert database is not None
        return SqliteJobRepository(database), SqliteCoverLetterRepository(database), SqliteEmbeddingStore(database)
    if settings.storage == "dynamodb":
        from cvmaker.adapters.storage.dynamodb_jobs import (
            DynamoDbCoverLetterRepository,
            DynamoDbJobRepository,
        )

        return (
            DynamoDbJobRepository.from_settings(settings),
            DynamoDbCoverLetterRepository.from_settings(settings),
            None,
        )
    raise ValueError(f"CVMAKER_STORAGE must be sqlite or dynamodb, not {settings.storage!r}")


def _openai_key(settings: Settings) -> str | None:
    """The key given directly, else the one in Secrets Manager (fetched once per process), else None."""
    from cvmaker.adapters.aws.secrets import key_from_value_or_secret, process_secrets

    return (
        key_from_value_or_secret(
            settings.openai_api_key,
            settings.openai_secret_arn,
            lambda: process_secrets(settings.aws_region, settings.aws_endpoint_url),
        )
        or None
    )


def _pinecone_key(settings: Settings) -> str:
    from cvmaker.adapters.aws.secrets import key_from_value_or_secret, process_secrets

    return key_from_value_or_secret(
        settings.pinecone_api_key,
        settings.pinecone_secret_arn,
        lambda: process_secrets(settings.aws_region, settings.aws_endpoint_url),
    )


def _writer(settings: Settings) -> TextGenerator:
    if settings.writer == "openai":
        from cvmaker.adapters.matching.openai_writer import OpenAiWriter

        return OpenAiWriter(
            _openai_key(settings), settings.openai_model, settings.openai_base_url or None, settings.openai_time_budget
        )
    if settings.writer == "rules":
        from cvmaker.adapters.matching.rules_writer import RulesWriter

        return RulesWriter()
    raise ValueError(f"CVMAKER_WRITER must be rules or openai, not {settings.writer!r}")


def _embedder(settings: Settings) -> Embedder:
    if settings.embeddings == "openai":
        from cvmaker.adapters.matching.openai_embedder import OpenAiEmbedder

        return OpenAiEmbedder(
            _openai_key(settings),
            settings.openai_embedding_model,
            settings.openai_base_url or None,
            time_budget=settings.openai_time_budget,
        )
    if settings.embeddings == "local":
        from cvmaker.adapters.matching.minilm_embedder import MiniLmEmbedder

        return MiniLmEmbedder()  # the weights load on the first embedding, not here
    raise ValueError(f"CVMAKER_EMBEDDINGS must be local or openai, not {settings.embeddings!r}")


def _vector_index(settings: Settings, dimension: int) -> VectorIndex:
    if settings.vectors == "pinecone":
        from cvmaker.adapters.matching.pinecone_index import PineconeIndex

        return PineconeIndex(_pinecone_key(settings), settings.pinecone_host)
    if settings.vectors == "local":
        from cvmaker.adapters.matching.local_vector_index import LocalVectorIndex

        return LocalVectorIndex(dimension)
    raise ValueError(f"CVMAKER_VECTORS must be local or pinecone, not {settings.vectors!r}")


@dataclass
class MatchingParts:
    jobs: JobService
    matching: MatchingService
    tailoring: TailoringService
    letters: CoverLetterRepository
    writer: TextGenerator


def build_matching(settings: Settings, database: SqliteDatabase | None, cvs: CvService) -> MatchingParts:
    from cvmaker.services.jobs import JobService
    from cvmaker.services.matching import CachedEmbedder, MatchingService
    from cvmaker.services.tailoring import TailoringService

    jobs_repository, letters, embedding_store = build_job_repositories(settings, database)
    writer = _writer(settings)
    embedder = _embedder(settings)
    jobs = JobService(jobs_repository, writer)
    matching = MatchingService(
        cvs, jobs, CachedEmbedder(embedder, embedding_store), _vector_index(settings, embedder.dimension)
    )
    jobs.on_create.append(matching.remember_job)
    return MatchingParts(jobs, matching, TailoringService(cvs, jobs, matching, writer), letters, writer)


def build_letters(parts: MatchingParts, cvs: CvService, rendering: Callable[[], RenderService]) -> LetterService:
    from cvmaker.services.letters import LetterService

    return LetterService(cvs, parts.jobs, parts.matching, parts.writer, parts.letters, rendering)


def build_verifier(
    settings: Settings, local_accounts: LocalAccounts | None, local_issuer: LocalTokenIssuer | None
) -> TokenVerifier:
    from cvmaker.adapters.auth.jwt_verifier import (
        JwksCache,
        JwtVerifier,
        http_jwks_fetcher,
    )

    if settings.auth == "local":
        assert local_accounts is not None and local_issuer is not None
        # The same verifier as for Cognito, reading the local issuer's keys without HTTP.
        return JwtVerifier(
            settings.local_issuer,
            local_accounts.accepted_client_ids(settings.local_client_id),
            JwksCache(local_issuer.jwks),
        )
    if settings.auth == "cognito":
        jwks_url = settings.cognito_jwks_url or f"{settings.cognito_issuer}/.well-known/jwks.json"
        return JwtVerifier(
            settings.cognito_issuer,
            frozenset(settings.cognito_client_ids),
            JwksCache(http_jwks_fetcher(jwks_url)),
        )
    raise ValueError(f"CVMAKER_AUTH must be local or cognito, not {settings.auth!r}")


def _folder_blobs(blobs: BlobStore) -> FolderBlobStore | None:
    from cvmaker.adapters.storage.folder_blobs import FolderBlobStore

    return blobs if isinstance(blobs, FolderBlobStore) else None


def build_runtime(settings: Settings, verifier: TokenVerifier | None = None) -> Runtime:
    """Wire the adapters `settings` choose. A given `verifier` replaces sign-in (tests of the API itself)."""
    database = _database(settings) if settings.storage == "sqlite" or settings.auth == "local" else None
    repository = build_cv_repository(settings, database)
    blobs = build_blob_store(settings)
    cvs = CvService(repository, templates=template_names())
    pools: list[WorkerPool] = []
    matching_parts = cache(lambda: build_matching(settings, database, cvs))
    services = Services(
        cvs,
        ServiceFactories(
            rendering=lambda: build_rendering(settings, blobs, cvs, pools),
            imports=lambda: build_imports(blobs, cvs, pools),
            jobs=lambda: matching_parts().jobs,
            matching=lambda: matching_parts().matching,
            tailoring=lambda: matching_parts().tailoring,
            letters=lambda: build_letters(matching_parts(), cvs, lambda: services.rendering),
        ),
    )

    def forget_cv(owner: str, cv_id: str) -> None:
        from cvmaker.services.rendering import rendered_files_prefix

        # A deleted CV takes its rendered files (so its download links stop working), its cover letters and its
        # vectors with it.
        blobs.delete_prefix(rendered_files_prefix(owner, cv_id))
        services.letters.forget_cv(owner, cv_id)
        services.matching.forget_cv(owner, cv_id)

    cvs.on_delete.append(forget_cv)
    local_accounts: LocalAccounts | None = None
    local_issuer: LocalTokenIssuer | None = None
    if verifier is None and settings.auth == "local":
        from cvmaker.adapters.auth.local_accounts import LocalAccounts
        from cvmaker.adapters.auth.local_issuer import LocalTokenIssuer

        assert database is not None
        local_accounts = LocalAccounts(database)
        local_issuer = LocalTokenIssuer(
            settings.data_dir, issuer=settings.local_issuer, web_client_id=settings.local_client_id
        )
    verifier = verifier or build_verifier(settings, local_accounts, local_issuer)
    return Runtime(
        settings=settings,
        services=services,
        verifier=verifier,
        local_accounts=local_accounts,
        local_issuer=local_issuer,
        blobs=blobs,
        database=database,
        pools=pools,
        folder_blobs=_folder_blobs(blobs),
    )
