"""One way to make an OpenAI client: lazily (the SDK is heavy to import), with no automatic retries and a
timeout equal to the caller's time budget, so a slow or rate-limited API never holds a request past it."""

from __future__ import annotations

from typing import Any


class LazyOpenAiClient:
    def __init__(self, api_key: str | None, base_url: str | None, time_budget: float, client: Any = None) -> None:
        self._api_key = api_key
        self._base_url = base_url
        self.time_budget = time_budget
        self._client = client

    def client(self) -> Any:
        if self._client is None:
            from openai import OpenAI

            self._client = OpenAI(
                api_key=self._api_key, base_url=self._base_url, max_retries=0, timeout=self.time_budget
            )
        return self._client
