"""The services an adapter set has been wired into (by `api.composition`), handed to every request.

Only the CV service is built at start-up. The others bring heavier adapters (a render worker, a parser worker,
embeddings), so each is built on first use from the factory the composition root gives: a Lambda cold start
pays only for what its first request needs. The service types are imported for annotations only, for the same
reason.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from cvmaker.services.cvs import CvService
from cvmaker.services.quotas import QuotaService, unmetered

if TYPE_CHECKING:
    from cvmaker.services.applications import ApplicationService
    from cvmaker.services.idempotency import IdempotencyService
    from cvmaker.services.imports import ImportService
    from cvmaker.services.jobs import JobService
    from cvmaker.services.letters import LetterService
    from cvmaker.services.matching import MatchingService
    from cvmaker.services.photos import PhotoService
    from cvmaker.services.privacy import PrivacyService
    from cvmaker.services.readability import ReadabilityService
    from cvmaker.services.rendering import RenderService
    from cvmaker.services.shares import ShareService
    from cvmaker.services.tailoring import TailoringService

T = TypeVar("T")


@dataclass(frozen=True)
class ServiceFactories:
    rendering: Callable[[], RenderService]
    imports: Callable[[], ImportService]
    jobs: Callable[[], JobService]
    matching: Callable[[], MatchingService]
    tailoring: Callable[[], TailoringService]
    letters: Callable[[], LetterService]
    idempotency: Callable[[], IdempotencyService]
    privacy: Callable[[], PrivacyService] | None = None
    applications: Callable[[], ApplicationService] | None = None
    shares: Callable[[], ShareService] | None = None
    readability: Callable[[], ReadabilityService] | None = None
    photos: Callable[[], PhotoService] | None = None


class Services:
    def __init__(self, cvs: CvService, factories: ServiceFactories, quotas: QuotaService | None = None) -> None:
        self.cvs = cvs
        self._factories = factories
        # Built at start-up: light (one table), and every expensive use case is charged to it.
        self.quotas = quotas or unmetered()
        self._lock = threading.RLock()

    def _build(self, factory: Callable[[], T]) -> T:
        # One build at a time: two first requests must not start two render workers.
        with self._lock:
            return factory()

    @cached_property
    def rendering(self) -> RenderService:
        return self._build(self._factories.rendering)

    @cached_property
    def imports(self) -> ImportService:
        return self._build(self._factories.imports)

    @cached_property
    def jobs(self) -> JobService:
        return self._build(self._factories.jobs)

    @cached_property
    def matching(self) -> MatchingService:
        return self._build(self._factories.matching)

    @cached_property
    def tailoring(self) -> TailoringService:
        return self._build(self._factories.tailoring)

    @cached_property
    def letters(self) -> LetterService:
        return self._build(self._factories.letters)

    @cached_property
    def idempotency(self) -> IdempotencyService:
        return self._build(self._factories.idempotency)

    @cached_property
    def privacy(self) -> PrivacyService:
        if self._factories.privacy is None:
            raise RuntimeError("privacy is not wired (api.composition.build_privacy)")
        return self._build(self._factories.privacy)

    @cached_property
    def readability(self) -> ReadabilityService:
        if self._factories.readability is None:
            raise RuntimeError("readability is not wired (api.composition.build_readability)")
        return self._build(self._factories.readability)

    @cached_property
    def photos(self) -> PhotoService:
        if self._factories.photos is None:
            raise RuntimeError("photos are not wired (api.composition.build_photos)")
        return self._build(self._factories.photos)

    @cached_property
    def shares(self) -> ShareService:
        if self._factories.shares is None:
            raise RuntimeError("shares are not wired (api.composition.build_shares)")
        return self._build(self._factories.shares)

    @cached_property
    def applications(self) -> ApplicationService:
        if self._factories.applications is None:
            raise RuntimeError("applications are not wired (api.composition.build_applications)")
        return self._build(self._factories.applications)
