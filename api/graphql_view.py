"""The GraphQL endpoint: Strawberry's ASGI view with our typed per-request context."""

from __future__ import annotations

from typing import Any

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.dataloader import DataLoader

from api.json_bodies import MalformedBody, parse_json_body
from cvmaker.domain.cv.model import Cv
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

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Strawberry answers a request it cannot take with plain text; ours is a typed GraphQL error body.
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response: Response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as error:
            response = JSONResponse(
                {"errors": [{"message": error.reason, "extensions": {"code": "BAD_REQUEST"}}]},
                status_code=error.status_code,
            )
        await response(scope, receive, send)

    def parse_json(self, data: str | bytes) -> Any:
        try:
            document = parse_json_body(data)
        except MalformedBody as error:
            raise HTTPException(400, str(error)) from None
        if not isinstance(document, dict | list):
            raise HTTPException(400, "The body must be a JSON object with a `query`.")
        return document

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
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
