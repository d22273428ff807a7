"""The composition root: the one module that chooses adapters and wires them into services.

Each choice follows its own setting (storage, blobs, auth), so any mix runs: SQLite with Cognito, DynamoDB with
the local issuer, and so on. Heavy adapters are imported only when chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from api.settings import Settings
from cvmaker.ports import TokenVerifier
from cvmaker.services.container import Services
from cvmaker.services.cvs import CvService

DEFAULT_TEMPLATES = ("classic",)


@dataclass
class Runtime:
    """Everything a process builds once and every request shares."""

    settings: Settings
    services: Services
    verifier: TokenVerifier
    # The embedded default's own sign-in (accounts, issuer); None in the cloud shape, where Cognito signs in.
    local_accounts: Any = None
    local_issuer: Any = None
    blobs: Any = None
    database: Any = None

    def close(self) -> None:
        """Stop worker processes (the renderer's, the importer's) when the server stops."""
        rendering, importing = self.services.built("rendering"), self.services.built("importing")
        if rendering is not None:
            rendering.renderer.pool.close()
        if importing is not None:
            importing.extractor.pool.close()


def template_names() -> tuple[str, ...]:
    from cvmaker.adapters.rendering.templates import template_names as installed

    return tuple(installed()) or DEFAULT_TEMPLATES


def _database(settings: Settings) -> Any:
    from cvmaker.adapters.storage.sqlite_database import SqliteDatabase

    return SqliteDatabase(settings.database_path)


def build_cv_repository(settings: Settings, database: Any) -> Any:
    if settings.storage == "sqlite":
        from cvmaker.adapters.storage.sqlite_cvs import SqliteCvRepository

        return SqliteCvRepository(database)
    if settings.storage == "dynamodb":
        from cvmaker.adapters.storage.dynamodb_cvs import DynamoDbCvRepository

        return DynamoDbCvRepository.from_settings(settings)
    raise ValueError(f"CVMAKER_STORAGE must be sqlite or dynamodb, not {settings.storage!r}")


def build_blob_store(settings: Settings) -> Any:
    if settings.blobs == "folder":
        from cvmaker.adapters.storage.folder_blobs import FolderBlobStore

        return FolderBlobStore(settings.data_dir / "files", settings.public_url)
    if settings.blobs == "s3":
        from cvmaker.adapters.storage.s3_blobs import S3BlobStore

        return S3BlobStore.from_settings(settings)
    raise ValueError(f"CVMAKER_BLOBS must be folder or s3, not {settings.blobs!r}")


def build_rendering(settings: Settings, blobs: Any) -> Any:
    """Rendering wired to warm worker processes (started on the first render, not at start-up)."""
    from cvmaker.adapters.rendering.docx_writer import PythonDocxWriter
    from cvmaker.adapters.rendering.rasterizer import PdfiumRasterizer
    from cvmaker.adapters.rendering.weasyprint import default_renderer
    from cvmaker.domain.json_resume import to_json_resume
    from cvmaker.services.rendering import RenderService
    from cvmaker.adapters.rendering.templates import REGISTRY

    return RenderService(blobs, default_renderer(workers=settings.render_workers), PythonDocxWriter(), PdfiumRasterizer(), REGISTRY,
                         json_resume=to_json_resume)


def build_importing() -> Any:
    """The importer, parsing in a warm worker process under a time and memory limit."""
    from cvmaker.adapters.extraction.sniffing import IsolatedExtractor, warm_up
    from cvmaker.adapters.worker_pool import WorkerPool
    from cvmaker.services.importing import ImportService

    pool = WorkerPool(size=1, memory_limit=512 * 1024 * 1024, initializer=warm_up, name="import")
    return ImportService(IsolatedExtractor(pool, timeout=10.0))


def build_job_repositories(settings: Settings, database: Any) -> tuple[Any, Any, Any]:
    """Jobs, cover letters and the embedding cache's store (None where embeddings are cached in memory only)."""
    if settings.storage == "sqlite":
        from cvmaker.adapters.storage.sqlite_jobs import (
            SqliteCoverLetterRepository,
            SqliteEmbeddingStore,
            SqliteJobRepository,
        )

        return SqliteJobRepository(database), SqliteCoverLetterRepository(database), SqliteEmbeddingStore(database)
    if settings.storage == "dynamodb":
        from cvmaker.adapters.storage.dynamodb_jobs import (
            DynamoDbCoverLetterRepository,
            DynamoDbJobRepository,
        )

        return (DynamoDbJobRepository.from_settings(settings), DynamoDbCoverLetterRepository.from_settings(settings),
                None)
    raise ValueError(f"CVMAKER_STORAGE must be sqlite or dynamodb, not {settings.storage!r}")


def _openai_key(settings: Settings) -> str | None:
    """The key given directly, else the one in Secrets Manager (fetched once per process), else None."""
    from cvmaker.adapters.aws.secrets import key_from_value_or_secret, process_secrets

    return key_from_value_or_secret(settings.openai_api_key, settings.openai_secret_arn,
                                    lambda: process_secrets(settings.aws_region, settings.aws_endpoint_url)) or None


def _pinecone_key(settings: Settings) -> str:
    from cvmaker.adapters.aws.secrets import key_from_value_or_secret, process_secrets

    return key_from_value_or_secret(settings.pinecone_api_key, settings.pinecone_secret_arn,
                                    lambda: process_secrets(settings.aws_region, settings.aws_endpoint_url))


def _writer(settings: Settings) -> Any:
    if settings.writer == "openai":
        from cvmaker.adapters.matching.openai_writer import OpenAiWriter

        return OpenAiWriter(_openai_key(settings), settings.openai_model, settings.openai_base_url or None,
                            settings.openai_time_budget)
    if settings.writer == "rules":
        from cvmaker.adapters.matching.rules_writer import RulesWriter

        return RulesWriter()
    raise ValueError(f"CVMAKER_WRITER must be rules or openai, not {settings.writer!r}")


def _embedder(settings: Settings) -> Any:
    if settings.embeddings == "openai":
        from cvmaker.adapters.matching.openai_embedder import OpenAiEmbedder

        return OpenAiEmbedder(_openai_key(settings), settings.openai_embedding_model,
                              settings.openai_base_url or None, time_budget=settings.openai_time_budget)
    if settings.embeddings == "local":
        from cvmaker.adapters.matching.minilm_embedder import MiniLmEmbedder

        return MiniLmEmbedder()  # the weights load on the first embedding, not here
    raise ValueError(f"CVMAKER_EMBEDDINGS must be local or openai, not {settings.embeddings!r}")


def _vector_index(settings: Settings, dimension: int) -> Any:
    if settings.vectors == "pinecone":
        from cvmaker.adapters.matching.pinecone_index import PineconeIndex

        return PineconeIndex(_pinecone_key(settings), settings.pinecone_host)
    if settings.vectors == "local":
        from cvmaker.adapters.matching.local_vector_index import LocalVectorIndex

        return LocalVectorIndex(dimension)
    raise ValueError(f"CVMAKER_VECTORS must be local or pinecone, not {settings.vectors!r}")


@dataclass
class MatchingParts:
    jobs: Any
    matching: Any
    tailoring: Any


def build_matching(settings: Settings, database: Any, cvs: CvService) -> MatchingParts:
    from cvmaker.services.jobs import JobService
    from cvmaker.services.matching import CachedEmbedder, MatchingService
    from cvmaker.services.tailoring import TailoringService

    jobs_repository, letters, embedding_store = build_job_repositories(settings, database)
    writer = _writer(settings)
    embedder = _embedder(settings)
    jobs = JobService(jobs_repository, writer)
    matching = MatchingService(cvs, jobs, CachedEmbedder(embedder, embedding_store),
                               _vector_index(settings, embedder.dimension))
    return MatchingParts(jobs, matching, TailoringService(cvs, jobs, matching, writer, letters))


def build_verifier(settings: Settings, local_accounts: Any, local_issuer: Any) -> TokenVerifier:
    from cvmaker.adapters.auth.jwt_verifier import JwksCache, JwtVerifier, http_jwks_fetcher

    if settings.auth == "local":
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


def _uploads(blobs: Any, cvs: CvService, services: Services) -> Any:
    from cvmaker.services.uploads import UploadService

    return UploadService(blobs, cvs, lambda: services.importing)


def build_runtime(settings: Settings, verifier: TokenVerifier | None = None) -> Runtime:
    """Wire the adapters `settings` choose. A given `verifier` replaces sign-in (tests of the API itself)."""
    database = _database(settings) if settings.storage == "sqlite" or settings.auth == "local" else None
    repository = build_cv_repository(settings, database)
    blobs = build_blob_store(settings)
    cvs = CvService(repository, templates=template_names())
    matching_parts = cache(lambda: build_matching(settings, database, cvs))
    services = Services(
        cvs,
        rendering=lambda: build_rendering(settings, blobs),
        importing=build_importing,
        uploads=lambda: _uploads(blobs, cvs, services),
        jobs=lambda: matching_parts().jobs,
        matching=lambda: matching_parts().matching,
        tailoring=lambda: matching_parts().tailoring,
    )
    # A deleted CV takes its cover letters and its vectors with it.
    cvs.on_delete.append(lambda owner, cv_id: services.tailoring.forget_cv(owner, cv_id))
    local_accounts = local_issuer = None
    if verifier is None and settings.auth == "local":
        from cvmaker.adapters.auth.local_accounts import LocalAccounts
        from cvmaker.adapters.auth.local_issuer import LocalTokenIssuer

        local_accounts = LocalAccounts(database)
        local_issuer = LocalTokenIssuer(
            settings.data_dir, issuer=settings.local_issuer, web_client_id=settings.local_client_id
        )
    verifier = verifier or build_verifier(settings, local_accounts, local_issuer)
    return Runtime(settings=settings, services=services, verifier=verifier, local_accounts=local_accounts,
                   local_issuer=local_issuer, blobs=blobs, database=database)
