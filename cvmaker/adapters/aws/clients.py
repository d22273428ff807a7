"""boto3 clients, made on first use and then shared by the whole process.

Importing boto3 costs a Lambda cold start about 100-200 ms, so nothing here imports it at module level: the
handler pays for it only when settings choose DynamoDB or S3, and then once per process (clients are cached by
service, region and endpoint). An endpoint override points every client at a local emulator (moto)."""

from __future__ import annotations

import functools
import threading
from typing import Any, Protocol

_lock = threading.Lock()


class AwsSettings(Protocol):
    """What the AWS adapters read from `api.settings.Settings` (named here so the adapters never import `api`)."""

    @property
    def aws_region(self) -> str: ...

    @property
    def aws_endpoint_url(self) -> str: ...  # "" for AWS itself

    @property
    def dynamodb_table(self) -> str: ...

    @property
    def s3_bucket(self) -> str: ...


@functools.cache
def _cached_client(service: str, region: str, endpoint_url: str) -> Any:
    import boto3
    from botocore.config import Config

    config = Config(
        region_name=region,
        connect_timeout=3,
        read_timeout=10,
        retries={"mode": "standard", "max_attempts": 3},
        # An emulator on 127.0.0.1 has no per-bucket host names; presigned URLs must name the bucket in the path.
        s3={"addressing_style": "path" if endpoint_url else "virtual"},
        signature_version="s3v4" if service == "s3" else None,
    )
    # boto3's default session is not thread-safe to create clients from; a private session per client is.
    session = boto3.session.Session()
    return session.client(service, endpoint_url=endpoint_url or None, config=config)


def aws_client(service: str, region: str, endpoint_url: str = "") -> Any:
    """A boto3 client for `service`, the same object for the same (service, region, endpoint) in this process."""
    with _lock:  # functools.cache may run the factory twice under a race; clients are too costly for that
        return _cached_client(service, region, endpoint_url)
