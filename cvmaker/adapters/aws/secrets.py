"""API keys from AWS Secrets Manager, fetched once per process and then kept in memory.

On Lambda the OpenAI and Pinecone keys are not environment variables (anything that can read the function's
configuration, or `/proc/self/environ`, would see them): the function is given the secrets' ARNs instead, and
reads each value the first time a service needs it. A process is one cold start, so each secret costs one
`GetSecretValue` call per cold start, made by the request that first needs it, never by start-up. boto3 loads
only then. A rotated secret is seen by the next cold start.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

from cvmaker.adapters.aws.clients import aws_client


class SecretUnavailable(RuntimeError):
    """A secret could not be read. Names the secret and the reason, never a value."""

    def __init__(self, secret_id: str, reason: str) -> None:
        super().__init__(f"Secret {secret_id!r} could not be read: {reason}")
        self.secret_id = secret_id
        self.reason = reason


class SecretsManagerReader:
    """Secret strings by ARN (or name), each fetched on first request and cached for the life of the process."""

    def __init__(self, make_client: Callable[[], Any]) -> None:
        self._make_client = make_client
        self._values: dict[str, str] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:  # the cache holds keys: never show it
        return f"SecretsManagerReader(cached={len(self._values)})"

    @functools.cached_property
    def _client(self) -> Any:
        return self._make_client()

    def value(self, secret_id: str) -> str:
        if not secret_id:
            raise SecretUnavailable(secret_id, "no secret named")
        # Held across the fetch, so that two threads asking for the same secret make one call, not two.
        with self._lock:
            if secret_id not in self._values:
                self._values[secret_id] = self._fetch(secret_id)
            return self._values[secret_id]

    def _fetch(self, secret_id: str) -> str:
        client = self._client
        try:
            response = client.get_secret_value(SecretId=secret_id)
        except client.exceptions.ClientError as error:
            code = error.response.get("Error", {}).get("Code", "ClientError")
            raise SecretUnavailable(secret_id, code) from None  # the cause may quote the request: leave it out
        text = response.get("SecretString")
        if not isinstance(text, str):
            raise SecretUnavailable(secret_id, "the secret holds binary data, not a string")
        if not text.strip():
            raise SecretUnavailable(secret_id, "the secret is empty")
        return text.strip()


@functools.cache
def process_secrets(region: str, endpoint_url: str = "") -> SecretsManagerReader:
    """The one reader (and so the one cache) of this process for a region and endpoint."""
    return SecretsManagerReader(lambda: aws_client("secretsmanager", region, endpoint_url))


def key_from_value_or_secret(value: str, secret_id: str, reader: Callable[[], SecretsManagerReader]) -> str:
    """A key given directly wins (local runs, tests); else the named secret's value; else "" (no key set)."""
    if value:
        return value
    if secret_id:
        return reader().value(secret_id)
    return ""
