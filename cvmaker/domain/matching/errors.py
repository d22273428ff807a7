"""Expected failures of matching and tailoring."""

from __future__ import annotations

from cvmaker.domain.errors import DomainError


class GenerationUnavailable(DomainError):
    """The text generator did not answer within its time budget, or is rate limited. Retryable."""

    def __init__(self, message: str = "The writing service is busy or slow right now. Try again in a minute.",
                 retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
