"""The typed `Info` every field receives: `info.context` is a `resolvers.context.Context`."""

from __future__ import annotations

from strawberry.types import Info as StrawberryInfo

from resolvers.context import Context

Info = StrawberryInfo[Context, None]
