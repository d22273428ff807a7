"""The composition root: the one module that chooses adapters and wires them into services.

Each choice follows its own setting (storage, blobs, auth), so any mix runs: SQLite with Cognito, DynamoDB with
the local issuer, and so on. Heavy adapters are imported only when chosen.

Longer than 400 lines on purpose: it is the one module allowed to import adapters (an import-linter contract),
so every choice of adapter stays here rather than in helpers that would need the same exemption.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from api.observability_ports import (
    CountedEmbedder,
    CountedQuotaStore,
    CountedRenderer,
    CountedTextGenerator,
    IdentifyingVerifier,
)
from api.settings import Settings
from cvmaker.ports import BlobStore, CvRepository, Outbox, PasswordResets, TemplateCatalog, TokenVerifier
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
        ApplicationRepository,
        CoverLetterRepository,
        CvStructurer,
        DocumentExtractor,
        Embedder,
        EmbeddingStore,
        Identities,
        JobRepository,
        OwnerData,
        TextGenerator,
        TokenRevocations,
        VectorIndex,
    )
    from cvmaker.services.applications import ApplicationService
    from cvmaker.services.expiry import ExpiryService
    from cvmaker.services.idempotency import IdempotencyService
    from cvmaker.services.imports import CvFileReader, ImportService
    from cvmaker.services.jobs import JobService
    from cvmaker.services.letters import LetterService
    from cvmaker.services.matching import MatchingService
    from cvmaker.services.photos import PhotoService
    from cvmaker.services.privacy import PrivacyService
    from cvmaker.services.quotas import QuotaService
    from cvmaker.services.readability import ReadabilityService
    from cvmaker.services.rendering import RenderService
    from cvmaker.services.shares import ShareService
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
    # The embedded default's password reset, whose codes go to the outbox; None where Cognito signs in.
    password_resets: PasswordResets | None = None
    blobs: BlobStore | None = None
    database: SqliteDatabase | None = None
    # Worker pools started by the services built so far; stopped with the server.
    pools: list[WorkerPool] | None = None
    # The embedded default's blob store, whose signed URLs the app itself serves (None with S3).
    folder_blobs: FolderBlobStore | None = None
    # The periodic sweep of what no store expires by itself (local files, SQLite's idempotency keys); None when
    # S3's lifecycle rules and DynamoDB's TTL do it all.
    expiry: ExpiryService | None = None

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
        from cvmaker.services.expiry import tagging_for

        return S3BlobStore.from_settings(settings, tagging=tagging_for)
    raise ValueError(f"CVMAKER_BLOBS must be folder or s3, not {settings.blobs!r}")


def build_quotas(settings: Settings, database: SqliteDatabase | None) -> QuotaService:
    """Per-user quotas of expensive work, counted where the CVs are stored, with the settings' limits."""
    from cvmaker.domain.quotas import parse_policies
    from cvmaker.services.quotas import QuotaService

    policies = parse_policies(settings.quotas)
    if settings.storage == "sqlite":
        from cvmaker.adapters.storage.sqlite_quotas import SqliteQuotaStore

        assert database is not None
        return QuotaService(CountedQuotaStore(SqliteQuotaStore(database)), policies)
    if settings.storage == "dynamodb":
        from cvmaker.adapters.storage.dynamodb_quotas import DynamoDbQuotaStore

        return QuotaService(CountedQuotaStore(DynamoDbQuotaStore.from_settings(settings)), policies)
    raise ValueError(f"CVMAKER_STORAGE must be sqlite or dynamodb, not {settings.storage!r}")


def build_rendering(
    settings: Settings,
    blobs: BlobStore,
    cvs: CvService | None = None,
    pools: list[WorkerPool] | None = None,
    in_process: bool = False,
    quotas: QuotaService | None = None,
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
    from cvmaker.services.photos import PhotoTemplates
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
        CountedRenderer(renderer),
        PythonDocxWriter(),
        PhotoTemplates(REGISTRY, blobs),  # each CV's photo from the blob store, as a data: URI
        json_resume=lambda document: to_json_resume(document, keep_extras=not in_process, kept=document.imported),
        cvs=cvs,
        quotas=quotas,
    )


def build_extractor(
    isolated: bool = True, pools: list[WorkerPool] | None = None, pdf_only: bool = False
) -> IsolatedExtractor | InProcessExtractor:
    """Parsing in a warm worker process under a time and memory limit, or in this process. `pdf_only`: the
    worker warms up for PDFs alone (a Word file still works, its reader imported on first use)."""
    from cvmaker.adapters.extraction.sniffing import (
        InProcessExtractor,
        IsolatedExtractor,
        warm_up,
        warm_up_pdf,
    )
    from cvmaker.adapters.worker_pool import WorkerPool

    if not isolated:
        return InProcessExtractor()
    initializer = warm_up_pdf if pdf_only else warm_up
    pool = WorkerPool(size=1, memory_limit=512 * 1024 * 1024, initializer=initializer, name="import")
    if pools is not None:
        pools.append(pool)
    return IsolatedExtractor(pool, timeout=10.0)


def build_file_reader(extractor: DocumentExtractor) -> CvFileReader:
    from cvmaker.services.imports import CvFileReader

    return CvFileReader(extractor)


@contextmanager
def file_reader(isolated: bool = True, warm: bool = False, pdf_only: bool = False) -> Iterator[CvFileReader]:
    """A reader for the command line, with its worker process (if any) stopped afterwards. `warm`: start the
    worker now, in the background, so its interpreter boots while this process reads the file and imports what
    it needs (a worker takes about 0.2 s to start, as long as the rest of `cvmaker import` on a 2-page PDF)."""
    pools: list[WorkerPool] = []
    try:
        reader = build_file_reader(build_extractor(isolated, pools, pdf_only))
        if warm:
            for pool in pools:
                threading.Thread(target=_warm_quietly, args=(pool,), name=f"warm-{pool.name}", daemon=True).start()
        yield reader
    finally:
        for pool in pools:
            pool.close()


def _warm_quietly(pool: WorkerPool) -> None:
    try:
        pool.warm()
    except Exception:  # the parse that needs the worker starts one itself and reports its failure
        pass


def build_imports(
    blobs: BlobStore, cvs: CvService, pools: list[WorkerPool], quotas: QuotaService, settings: Settings | None = None
) -> ImportService:
    from cvmaker.services.imports import ImportService

    structurer = _structurer(settings) if settings is not None else None
    return ImportService(blobs, cvs, build_file_reader(build_extractor(pools=pools)), quotas, structurer)


def _structurer(settings: Settings) -> CvStructurer | None:
    """The import's model pass, when configured; the offline default imports nothing of it (nor the SDK)."""
    if settings.import_model == "openai":
        from cvmaker.adapters.extraction.openai_structurer import OpenAiStructurer

        return OpenAiStructurer(
            _openai_key(settings), settings.openai_model, settings.openai_base_url or None, settings.openai_time_budget
        )
    if settings.import_model == "off":
        return None
    raise ValueError(f"CVMAKER_IMPORT_MODEL must be off or openai, not {settings.import_model!r}")


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
    quotas: QuotaService


def build_matching(
    settings: Settings, database: SqliteDatabase | None, cvs: CvService, quotas: QuotaService
) -> MatchingParts:
    from cvmaker.services.jobs import JobService
    from cvmaker.services.matching import CachedEmbedder, MatchingService
    from cvmaker.services.tailoring import TailoringService

    jobs_repository, letters, embedding_store = build_job_repositories(settings, database)
    writer = CountedTextGenerator(_writer(settings))
    embedder = CountedEmbedder(_embedder(settings))
    jobs = JobService(jobs_repository, writer, quotas=quotas)
    matching = MatchingService(
        cvs, jobs, CachedEmbedder(embedder, embedding_store), _vector_index(settings, embedder.dimension)
    )
    return MatchingParts(
        jobs, matching, TailoringService(cvs, jobs, matching, writer, quotas=quotas), letters, writer, quotas
    )


def build_letters(
    parts: MatchingParts,
    cvs: CvService,
    rendering: Callable[[], RenderService],
    on_delete: Callable[[str, str], None] | None = None,
) -> LetterService:
    from cvmaker.services.letters import LetterService

    return LetterService(
        cvs,
        parts.jobs,
        parts.matching,
        parts.writer,
        parts.letters,
        rendering,
        quotas=parts.quotas,
        on_delete=[on_delete] if on_delete else [],
    )


def share_secret(settings: Settings) -> bytes:
    """The key that signs share-link cookies: the setting, else a random one kept in the data folder (made once,
    readable by this user alone), so a restart keeps visitors' cookies valid."""
    import os
    import secrets

    if settings.share_secret:
        return settings.share_secret.encode()
    path = settings.data_dir / "share-secret"
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            pass
        else:
            with os.fdopen(descriptor, "w") as file:
                file.write(secrets.token_hex(32))
    return path.read_text().strip().encode()


def build_shares(
    settings: Settings, database: SqliteDatabase | None, cvs: CvService, services: Services
) -> ShareService:
    """Share links, stored where the CVs are, with the local accounts' password hasher and sign-in throttle."""
    from cvmaker.adapters.shares.guards import Argon2Hasher, LinkThrottle
    from cvmaker.ports import ShareLinkRepository
    from cvmaker.services.shares import ShareService

    links: ShareLinkRepository
    if settings.storage == "sqlite":
        from cvmaker.adapters.storage.sqlite_shares import SqliteShareLinkRepository

        assert database is not None
        links = SqliteShareLinkRepository(database)
    elif settings.storage == "dynamodb":
        from cvmaker.adapters.storage.dynamodb_shares import DynamoDbShareLinkRepository

        links = DynamoDbShareLinkRepository.from_settings(settings)
    else:
        raise ValueError(f"CVMAKER_STORAGE must be sqlite or dynamodb, not {settings.storage!r}")
    return ShareService(
        links,
        cvs,
        Argon2Hasher(),
        LinkThrottle(),
        share_secret(settings),
        settings.share_url or settings.public_url,
        lambda: services.rendering,
        lambda: services.letters,
    )


def build_applications(settings: Settings, database: SqliteDatabase | None, services: Services) -> ApplicationService:
    """The application tracker, stored where the CVs are; the match score at applying comes from matching."""
    from cvmaker.services.applications import ApplicationService

    repository: ApplicationRepository
    if settings.storage == "sqlite":
        from cvmaker.adapters.storage.sqlite_applications import SqliteApplicationRepository

        assert database is not None
        repository = SqliteApplicationRepository(database)
    elif settings.storage == "dynamodb":
        from cvmaker.adapters.storage.dynamodb_applications import DynamoDbApplicationRepository

        repository = DynamoDbApplicationRepository.from_settings(settings)
    else:
        raise ValueError(f"CVMAKER_STORAGE must be sqlite or dynamodb, not {settings.storage!r}")
    return ApplicationService(
        repository,
        services.cvs,
        lambda: services.jobs,
        lambda owner, letter_id: services.letters.letters.get(owner, letter_id) is not None,
        lambda owner, cv_id, job_id: services.matching.match(owner, cv_id, job_id).score,
    )


def build_outbox(settings: Settings) -> Outbox:
    """The embedded default's outbox: mail it would send, kept under the data folder for the admin."""
    from cvmaker.adapters.auth.outbox_folder import FolderOutbox

    return FolderOutbox(settings.data_dir / "outbox")


def build_idempotency(settings: Settings, database: SqliteDatabase | None) -> IdempotencyService:
    """Idempotency keys, in the same database as the CVs."""
    from cvmaker.services.idempotency import IdempotencyService

    if settings.storage == "sqlite":
        from cvmaker.adapters.storage.sqlite_idempotency import SqliteIdempotencyStore

        assert database is not None
        return IdempotencyService(SqliteIdempotencyStore(database))
    if settings.storage == "dynamodb":
        from cvmaker.adapters.storage.dynamodb_idempotency import DynamoDbIdempotencyStore

        return IdempotencyService(DynamoDbIdempotencyStore.from_settings(settings))
    raise ValueError(f"CVMAKER_STORAGE must be sqlite or dynamodb, not {settings.storage!r}")


def build_verifier(
    settings: Settings,
    local_accounts: LocalAccounts | None,
    local_issuer: LocalTokenIssuer | None,
    revocations: TokenRevocations | None = None,
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
            revocations=revocations,
        )
    if settings.auth == "cognito":
        jwks_url = settings.cognito_jwks_url or f"{settings.cognito_issuer}/.well-known/jwks.json"
        return JwtVerifier(
            settings.cognito_issuer,
            frozenset(settings.cognito_client_ids),
            JwksCache(http_jwks_fetcher(jwks_url)),
            revocations=revocations,
        )
    raise ValueError(f"CVMAKER_AUTH must be local or cognito, not {settings.auth!r}")


def build_cloud_identities(settings: Settings, database: SqliteDatabase | None) -> Identities:
    """Cognito's users, and the cut-offs that refuse a deleted (or signed-out) account's tokens, kept where the
    CVs are."""
    from cvmaker.adapters.aws.clients import aws_client
    from cvmaker.adapters.privacy.cognito_identities import CognitoIdentities
    from cvmaker.adapters.privacy.session_cutoffs import DynamoDbSessionCutoffs, SqliteSessionCutoffs

    cutoffs: DynamoDbSessionCutoffs | SqliteSessionCutoffs
    if settings.storage == "dynamodb":
        cutoffs = DynamoDbSessionCutoffs(
            lambda: aws_client("dynamodb", settings.aws_region, settings.aws_endpoint_url), settings.dynamodb_table
        )
    else:
        assert database is not None
        cutoffs = SqliteSessionCutoffs(database)
    pool_id = settings.cognito_user_pool_id or settings.cognito_issuer.rstrip("/").rsplit("/", 1)[-1]
    return CognitoIdentities(
        lambda: aws_client("cognito-idp", settings.aws_region, settings.aws_endpoint_url), pool_id, cutoffs
    )


def cutoffs_of(identities: Identities) -> tuple[TokenRevocations, float]:
    """The cut-offs Cognito identities record, for the verifier to check, and how long other processes may have
    them cached (what a deletion waits before sweeping again)."""
    from cvmaker.adapters.privacy.cognito_identities import CognitoIdentities
    from cvmaker.adapters.privacy.session_cutoffs import DynamoDbSessionCutoffs, SqliteSessionCutoffs

    assert isinstance(identities, CognitoIdentities)
    cutoffs = identities.cutoffs
    assert isinstance(cutoffs, (DynamoDbSessionCutoffs, SqliteSessionCutoffs))
    return cutoffs, (cutoffs.cache_seconds + 1.0 if isinstance(cutoffs, DynamoDbSessionCutoffs) else 0.0)


def build_readability(blobs: BlobStore, services: Services) -> ReadabilityService:
    """What a parser reads: renders through the render service, reads back through the import's reader (its
    warm worker process), both built on first use."""
    from cvmaker.services.readability import ReadabilityService

    return ReadabilityService(
        services.cvs, lambda: services.rendering, lambda: services.imports.reader, blobs, services.quotas
    )


def build_privacy(
    blobs: BlobStore,
    services: Services,
    owner_stores: dict[str, Callable[[], OwnerData]],
    identities: Identities | None,
    settle_seconds: float = 0.0,
) -> PrivacyService:
    """Export and account deletion. `owner_stores` lists every store keyed by owner: a new one is added there."""
    from cvmaker.adapters.storage.folder_blobs import FolderBlobStore
    from cvmaker.adapters.storage.s3_blobs import S3BlobStore
    from cvmaker.services.privacy import PrivacyService

    if not isinstance(blobs, (FolderBlobStore, S3BlobStore)):
        raise TypeError("the export needs a blob store that lists its keys (a folder or S3)")
    return PrivacyService(
        services.cvs,
        lambda: services.jobs,
        lambda: services.letters,
        lambda: services.matching,
        blobs,
        blobs,
        owner_stores,
        identities,
        settle_seconds=settle_seconds,
        applications=lambda: services.applications,
        shares=lambda: services.shares,
    )


def build_photos(blobs: BlobStore, cvs: CvService, quotas: QuotaService) -> PhotoService:
    """Photos on CVs: stored in the blob store, which must list an owner's keys (a folder or S3) to clean up."""
    from cvmaker.adapters.storage.folder_blobs import FolderBlobStore
    from cvmaker.adapters.storage.s3_blobs import S3BlobStore
    from cvmaker.services.photos import PhotoService

    if not isinstance(blobs, (FolderBlobStore, S3BlobStore)):
        raise TypeError("photos need a blob store that lists its keys (a folder or S3)")
    return PhotoService(blobs, blobs, cvs, quotas)


def build_expiry(settings: Settings, files: FolderBlobStore | None, services: Services) -> ExpiryService | None:
    """The sweep, where a store keeps what it holds until told: files in a folder, idempotency keys in SQLite."""
    from cvmaker.services.expiry import ExpiryService

    sqlite_keys = settings.storage == "sqlite"
    if files is None and not sqlite_keys:
        return None
    return ExpiryService(files, (lambda: services.idempotency) if sqlite_keys else None)


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
    quotas = build_quotas(settings, database)
    matching_parts = cache(lambda: build_matching(settings, database, cvs, quotas))
    services = Services(
        cvs,
        ServiceFactories(
            rendering=lambda: build_rendering(settings, blobs, cvs, pools, quotas=quotas),
            imports=lambda: build_imports(blobs, cvs, pools, quotas, settings),
            jobs=lambda: matching_parts().jobs,
            matching=lambda: matching_parts().matching,
            tailoring=lambda: matching_parts().tailoring,
            letters=lambda: build_letters(
                matching_parts(), cvs, lambda: services.rendering, lambda owner, id_: forget_letter(owner, id_)
            ),
            idempotency=lambda: build_idempotency(settings, database),
            privacy=lambda: build_privacy(blobs, services, owner_stores, identities, settle_seconds),
            shares=lambda: build_shares(settings, database, cvs, services),
            applications=lambda: build_applications(settings, database, services),
            readability=lambda: build_readability(blobs, services),
            photos=lambda: build_photos(blobs, cvs, quotas),
        ),
        quotas,
    )
    # Every store keyed by owner, emptied when an account is deleted (`OwnerData`): a new one is added here.
    owner_stores: dict[str, Callable[[], OwnerData]] = {
        "cvs": lambda: repository,
        "jobs": lambda: matching_parts().jobs.repository,
        "coverLetters": lambda: matching_parts().letters,
        "quotas": lambda: services.quotas.store,
        "idempotencyKeys": lambda: services.idempotency.store,
        "shareLinks": lambda: services.shares.links,
        "applications": lambda: services.applications.repository,
    }

    def forget_cv(owner: str, cv_id: str) -> None:
        from cvmaker.services.rendering import rendered_files_prefix

        # A deleted CV takes its rendered files (so its download links stop working), its cover letters and its
        # vectors with it.
        blobs.delete_prefix(rendered_files_prefix(owner, cv_id))
        for letter in services.letters.letters.list_for_cv(owner, cv_id):  # before the letters go
            services.shares.forget_letter(owner, letter.id)
        services.letters.forget_cv(owner, cv_id)
        services.matching.forget_cv(owner, cv_id)
        services.shares.forget_cv(owner, cv_id)  # its public links stop answering
        services.photos.forget_cv(owner, cv_id)  # its photo, unless another CV shows it

    def forget_letter(owner: str, letter_id: str) -> None:
        services.shares.forget_letter(owner, letter_id)  # a deleted letter's public links stop answering

    cvs.on_delete.append(forget_cv)
    local_accounts: LocalAccounts | None = None
    local_issuer: LocalTokenIssuer | None = None
    password_resets: PasswordResets | None = None
    revocations: TokenRevocations | None = None
    identities: Identities | None = None
    settle_seconds = 0.0
    if verifier is None and settings.auth == "local":
        from cvmaker.adapters.auth.local_accounts import LocalAccounts
        from cvmaker.adapters.auth.local_issuer import LocalTokenIssuer
        from cvmaker.adapters.auth.password_resets import LocalPasswordResets
        from cvmaker.adapters.auth.token_revocations import SqliteTokenRevocations

        assert database is not None
        from cvmaker.adapters.auth.throttle import SignInThrottle

        local_accounts = LocalAccounts(database, throttle=SignInThrottle(sign_up_limit=settings.sign_ups_per_hour))
        local_issuer = LocalTokenIssuer(
            settings.data_dir, issuer=settings.local_issuer, web_client_id=settings.local_client_id
        )
        token_revocations = SqliteTokenRevocations(database)
        from cvmaker.adapters.privacy.local_identities import AccountBoundRevocations, LocalIdentities

        # Also refuses the tokens of a deleted account, whose row is gone.
        revocations = AccountBoundRevocations(token_revocations)
        identities = LocalIdentities(local_accounts, token_revocations)
        password_resets = LocalPasswordResets(local_accounts, build_outbox(settings), token_revocations)
    if verifier is None and settings.auth == "cognito":
        identities = build_cloud_identities(settings, database)
        revocations, settle_seconds = cutoffs_of(identities)
    # Names the user on the request's log lines once a token is verified.
    verifier = IdentifyingVerifier(verifier or build_verifier(settings, local_accounts, local_issuer, revocations))
    return Runtime(
        settings=settings,
        services=services,
        verifier=verifier,
        local_accounts=local_accounts,
        local_issuer=local_issuer,
        password_resets=password_resets,
        blobs=blobs,
        database=database,
        pools=pools,
        folder_blobs=_folder_blobs(blobs),
        expiry=build_expiry(settings, _folder_blobs(blobs), services),
    )
