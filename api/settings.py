"""Settings from environment variables. The defaults run the embedded shape: no network, no account, no key."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path


def _bool(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path(".cvmaker")
    public_url: str = "http://127.0.0.1:8000"
    # Each row of the design's table is chosen on its own.
    storage: str = "sqlite"  # sqlite | dynamodb
    blobs: str = "folder"  # folder | s3
    auth: str = "local"  # local | cognito
    graphiql: bool = True
    introspection: bool = True
    max_body_bytes: int = 6 * 1024 * 1024  # Lambda's synchronous payload limit
    render_workers: int = 1  # warm WeasyPrint processes, about 80 MB each
    # Local accounts: sign-ups allowed from one address per hour (a shared office or a test run may need more).
    sign_ups_per_hour: int = 20
    # Per-user quotas replacing the defaults of the kinds named (cvmaker/domain/quotas.py), e.g.
    # "render=3/minute,50/day; model_call=1/minute"; empty keeps every default.
    quotas: str = ""
    # The local issuer's token shape mimics a Cognito user pool's.
    local_issuer: str = "https://cvmaker.local/local_pool"
    local_client_id: str = "cvmaker-web"
    # Cognito (cloud shape). The JWKS URL is its own setting: an emulator serves it elsewhere than `iss`.
    cognito_issuer: str = ""
    cognito_jwks_url: str = ""
    cognito_client_ids: tuple[str, ...] = ()
    # What the web app needs to sign in with Cognito (served to it at /config.json, see api/web_config.py).
    cognito_user_pool_id: str = ""
    cognito_web_client_id: str = ""
    cognito_user_pool_endpoint: str = ""  # an emulator's Cognito endpoint; empty for AWS
    # AWS resources (cloud shape) and endpoint overrides for a local emulator.
    # Matching and writing: local, offline defaults; OpenAI (or any OpenAI-compatible base URL) and Pinecone.
    embeddings: str = "local"  # local | openai
    vectors: str = "local"  # local | pinecone
    writer: str = "rules"  # rules | openai
    # The import's optional model pass over PDF and Word files (checked against the file's text): off | openai.
    import_model: str = "off"
    openai_api_key: str = field(default="", repr=False)
    # In AWS the keys stay in Secrets Manager: the function is given the secrets' ARNs, read on first use.
    openai_secret_arn: str = ""
    openai_base_url: str = ""
    openai_model: str = "gpt-4.1-mini"
    openai_embedding_model: str = "text-embedding-3-small"
    openai_time_budget: float = 20.0
    pinecone_api_key: str = field(default="", repr=False)
    pinecone_secret_arn: str = ""
    pinecone_host: str = ""
    aws_region: str = "eu-west-1"
    aws_endpoint_url: str = ""
    dynamodb_table: str = "cvmaker"
    s3_bucket: str = "cvmaker"
    # Signs the cookies that open password-protected share links (api/share_routes.py). Empty: a random secret
    # kept in the data folder (the embedded default); the cloud shape sets one shared by every instance.
    share_secret: str = field(default="", repr=False)
    # Where share links' pages are served (<share_url>/s/<slug>): the API's own address when the web app is served
    # elsewhere (the cloud: the CloudFront distribution); empty means `public_url`.
    share_url: str = ""
    web_dist: Path = field(default_factory=lambda: Path(__file__).resolve().parent.parent / "frontend" / "dist")

    @property
    def database_path(self) -> Path:
        return self.data_dir / "cvmaker.sqlite3"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        default = cls()
        production = env.get("CVMAKER_ENV", "local") == "production"
        return cls(
            data_dir=Path(env.get("CVMAKER_DATA_DIR", str(default.data_dir))),
            public_url=env.get("CVMAKER_PUBLIC_URL", default.public_url).rstrip("/"),
            storage=env.get("CVMAKER_STORAGE", default.storage),
            blobs=env.get("CVMAKER_BLOBS", default.blobs),
            auth=env.get("CVMAKER_AUTH", default.auth),
            graphiql=_bool(env.get("CVMAKER_GRAPHIQL"), not production),
            introspection=_bool(env.get("CVMAKER_INTROSPECTION"), not production),
            max_body_bytes=int(env.get("CVMAKER_MAX_BODY_BYTES", default.max_body_bytes)),
            render_workers=int(env.get("CVMAKER_RENDER_WORKERS", default.render_workers)),
            sign_ups_per_hour=int(env.get("CVMAKER_SIGN_UPS_PER_HOUR", default.sign_ups_per_hour)),
            quotas=env.get("CVMAKER_QUOTAS", default.quotas),
            local_issuer=env.get("CVMAKER_LOCAL_ISSUER", default.local_issuer),
            local_client_id=env.get("CVMAKER_LOCAL_CLIENT_ID", default.local_client_id),
            cognito_issuer=env.get("CVMAKER_COGNITO_ISSUER", ""),
            cognito_jwks_url=env.get("CVMAKER_COGNITO_JWKS_URL", ""),
            cognito_client_ids=_list(env.get("CVMAKER_COGNITO_CLIENT_IDS")),
            cognito_user_pool_id=env.get("CVMAKER_COGNITO_USER_POOL_ID", ""),
            cognito_web_client_id=env.get("CVMAKER_COGNITO_WEB_CLIENT_ID", ""),
            cognito_user_pool_endpoint=env.get("CVMAKER_COGNITO_USER_POOL_ENDPOINT", ""),
            embeddings=env.get("CVMAKER_EMBEDDINGS", default.embeddings),
            vectors=env.get("CVMAKER_VECTORS", default.vectors),
            writer=env.get("CVMAKER_WRITER", default.writer),
            import_model=env.get("CVMAKER_IMPORT_MODEL", default.import_model),
            openai_api_key=env.get("OPENAI_API_KEY", ""),
            openai_secret_arn=env.get("CVMAKER_OPENAI_SECRET_ARN", ""),
            openai_base_url=env.get("OPENAI_BASE_URL", ""),
            openai_model=env.get("CVMAKER_OPENAI_MODEL", default.openai_model),
            openai_embedding_model=env.get("CVMAKER_OPENAI_EMBEDDING_MODEL", default.openai_embedding_model),
            openai_time_budget=float(env.get("CVMAKER_OPENAI_TIME_BUDGET", default.openai_time_budget)),
            pinecone_api_key=env.get("PINECONE_API_KEY", ""),
            pinecone_secret_arn=env.get("CVMAKER_PINECONE_SECRET_ARN", ""),
            pinecone_host=env.get("CVMAKER_PINECONE_HOST", ""),
            aws_region=env.get("AWS_REGION", env.get("AWS_DEFAULT_REGION", default.aws_region)),
            aws_endpoint_url=env.get("CVMAKER_AWS_ENDPOINT_URL", ""),
            dynamodb_table=env.get("CVMAKER_DYNAMODB_TABLE", default.dynamodb_table),
            s3_bucket=env.get("CVMAKER_S3_BUCKET", default.s3_bucket),
            share_secret=env.get("CVMAKER_SHARE_SECRET", ""),
            share_url=env.get("CVMAKER_SHARE_URL", "").rstrip("/"),
            web_dist=Path(env.get("CVMAKER_WEB_DIST", str(default.web_dist))),
        )

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]
