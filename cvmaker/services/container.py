"""The services an adapter set has been wired into (by `api.composition`), handed to every request.

Only the CV service is built at start-up. The others (rendering, import, jobs and matching) bring heavier
adapters, so each is built on first use from the factory the composition root gives: a Lambda cold start pays
only for what its first request needs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cached_property
from typing import Any

from cvmaker.services.cvs import CvService

Factory = Callable[[], Any]


class Services:
    def __init__(self, cvs: CvService, **factories: Factory) -> None:
        self.cvs = cvs
        self._factories = factories
        self._lock = threading.Lock()

    def _build(self, name: str) -> Any:
        factory = self._factories.get(name)
        if factory is None:
            raise LookupError(f"{name} is not configured")
        with self._lock:
            return factory()

    def built(self, name: str) -> Any | None:
        """The service if it was built already, else None (without building it)."""
        return self.__dict__.get(name)

    @cached_property
    def rendering(self) -> Any:
        return self._build("rendering")

    @cached_property
    def importing(self) -> Any:
        return self._build("importing")

    @cached_property
    def uploads(self) -> Any:
        return self._build("uploads")

    @cached_property
    def jobs(self) -> Any:
        return self._build("jobs")

    @cached_property
    def matching(self) -> Any:
        return self._build("matching")

    @cached_property
    def tailoring(self) -> Any:
        return self._build("tailoring")
