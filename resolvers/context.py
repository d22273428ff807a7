"""The per-request context every resolver receives: who is calling, the services, and the request id."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from cvmaker.domain.cv.model import Cv
from cvmaker.domain.errors import Unauthenticated
from cvmaker.ports import Principal
from cvmaker.services.container import Services


@dataclass
class Context:
    services: Services
    principal: Principal | None
    request_id: str
    # Per-request loader (a DataLoader in the API): several fields that need the same CV read it once.
    load_cv: Callable[[str], Awaitable[Cv | None]] | None = field(default=None)

    @property
    def owner(self) -> str:
        """The caller's `sub`, the key every read and write is scoped by."""
        if self.principal is None:
            raise Unauthenticated("Sign in to do this.")
        return self.principal.sub
