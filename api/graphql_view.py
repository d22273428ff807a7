"""The GraphQL endpoint: Strawberry's ASGI view with our typed per-request context."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from strawberry.asgi import GraphQL
from strawberry.dataloader import DataLoader

from cvmaker.domain.cv import Cv
from cvmaker.services.container import Services
from resolvers.context import Context


class GraphQLView(GraphQL[Context, None]):
    def __init__(self, schema: Any, services: Services, graphiql: bool) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if graphiql else None,
            # With the IDE off, GET serves nothing: queries come as POST only (no CSRF through a GET link).
            allow_queries_via_get=graphiql,
            multipart_uploads_enabled=False,
        )
        self.services = services

    async def get_context(self, request: Request, response: Response | Any) -> Context:
        state = request.scope.get("state", {})
        principal = state.get("principal")
        services = self.services

        async def load_cvs(ids: list[str]) -> list[Cv | None]:
            return [services.cvs.find(principal.sub, cv_id) for cv_id in ids]

        loader: DataLoader[str, Cv | None] | None = DataLoader(load_fn=load_cvs) if principal else None
        return Context(
            services=services,
            principal=principal,
            request_id=state.get("request_id", "-"),
            load_cv=loader.load if loader else None,
        )
