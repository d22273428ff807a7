"""One way to make an OpenAI client: lazily (the SDK is heavy to import), with no automatic retries and a
timeout equal to the caller's time budget, so a slow or rate-limited API never holds a request past it."""

from __future__ import annotations

import json
import logging
from typing import Any

from cvmaker.domain.errors import GenerationUnavailable

log = logging.getLogger(__name__)


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

    def parse(self, model: str, instructions: str, content: str, schema: type, max_tokens: int) -> Any:
        """One structured-output call. A refusal, a cut-short answer or one that does not fit `schema` is None;
        a rate limit, a timeout, a failed or unreachable service (or no key) raises `GenerationUnavailable`
        saying which."""
        import openai
        import pydantic

        try:
            completion = self.client().chat.completions.parse(
                model=model,
                messages=[{"role": "system", "content": instructions}, {"role": "user", "content": content}],
                response_format=schema,
                max_completion_tokens=max_tokens,
                timeout=self.time_budget,
            )
        except (openai.LengthFinishReasonError, openai.ContentFilterFinishReasonError) as stopped:
            log.info("model answer not used: %s", type(stopped).__name__)
            return None
        except (pydantic.ValidationError, json.JSONDecodeError, ValueError) as malformed:
            log.info("model answer did not fit the schema: %s", type(malformed).__name__)
            return None
        except openai.RateLimitError as limited:
            raise GenerationUnavailable("The model is rate limited.", _retry_after(limited)) from limited
        except openai.APITimeoutError as slow:
            raise GenerationUnavailable(f"The model did not answer within {self.time_budget:g} s.") from slow
        except (openai.APIConnectionError, openai.APIStatusError) as failed:
            status = getattr(failed, "status_code", None)
            raise GenerationUnavailable(
                f"The model service failed (HTTP {status})." if status else "The model service could not be reached."
            ) from failed
        except openai.OpenAIError as failed:  # no key configured, or anything else the SDK raises
            raise GenerationUnavailable(f"The model could not be called ({type(failed).__name__}).") from failed
        choice = completion.choices[0] if completion.choices else None
        if choice is None or choice.message.refusal or choice.message.parsed is None:
            log.info("model refused or gave no answer")
            return None
        return choice.message.parsed


def _retry_after(error: Any) -> float | None:
    try:
        return float(error.response.headers.get("retry-after"))
    except (AttributeError, TypeError, ValueError):
        return None
