"""The ASGI application: GraphQL, health, the local issuer's endpoints, files, and the built web app."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from api.auth_gate import AuthGate, gate_routes
from api.composition import Runtime, build_runtime
from api.graphql_view import GraphQLView
from api.middleware import LimitBodySize, RequestId, UnexpectedErrors
from api.observability import RequestLogContext
from api.settings import Settings
from api.web_config import web_config_route
from cvmaker.domain.errors import NotFound
from schema.schema import build_schema

NOT_BUILT = """<!doctype html><meta charset="utf-8"><title>CV Maker</title>
<p>The web app is not built. Run <code>make run</code>, or explore the API in <a href="/graphql">GraphiQL</a>.</p>"""


async def healthz(request: Request) -> Response:
    return JSONResponse({"ok": True})


async def template_thumbnail(request: Request) -> Response:
    from api.composition import template_catalog

    try:
        thumbnail = template_catalog().get(request.path_params["name"]).thumbnail
    except NotFound:
        thumbnail = None
    if thumbnail is None:
        return JSONResponse({"error": "No such template."}, status_code=404)
    return FileResponse(thumbnail, media_type="image/png", headers={"cache-control": "public, max-age=3600"})


def _web_app_routes(settings: Settings) -> list[BaseRoute]:
    if (settings.web_dist / "index.html").is_file():
        from api.web_app import SinglePageApp

        emulator = (settings.cognito_user_pool_endpoint,) if settings.cognito_user_pool_endpoint else ()
        return [Mount("/", app=SinglePageApp(settings.web_dist, emulator))]
    return [Route("/", lambda request: HTMLResponse(NOT_BUILT))]


def create_app(settings: Settings | None = None, runtime: Runtime | None = None) -> Starlette:
    settings = settings or (runtime.settings if runtime else Settings.from_env())
    runtime = runtime or build_runtime(settings)
    schema = build_schema(introspection=settings.introspection)
    graphql = GraphQLView(schema, runtime.services, graphiql=settings.graphiql)
    routes: list[BaseRoute] = [
        Route("/healthz", healthz),
        Route("/templates/{name}/thumbnail.png", template_thumbnail),
        Route("/config.json", web_config_route(settings)),
        Route("/graphql", AuthGate(graphql, runtime.verifier)),
    ]
    if runtime.local_accounts is not None:
        from api.local_auth_routes import local_auth_routes

        routes += local_auth_routes(*runtime.local_sign_in())
    if runtime.password_resets is not None:
        from api.password_reset_routes import password_reset_routes

        routes += password_reset_routes(runtime.password_resets)
    if runtime.folder_blobs is not None:
        from api.file_routes import file_routes
        from cvmaker.domain.limits import MAX_UPLOAD_BYTES

        routes += gate_routes(file_routes(runtime.folder_blobs, MAX_UPLOAD_BYTES), runtime.verifier)
    from api.share_routes import share_routes

    # Public (no sign-in) and before the web app's catch-all.
    share_origin = settings.share_url or settings.public_url
    routes += share_routes(runtime.services, secure_cookies=share_origin.startswith("https://"))
    routes += _web_app_routes(settings)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with anyio.create_task_group() as background:
            if runtime.expiry is not None:
                from api.sweeper import sweep_periodically

                background.start_soon(sweep_periodically, runtime.expiry)
            yield
            background.cancel_scope.cancel()
        runtime.close()

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.runtime = runtime
    app.add_middleware(LimitBodySize, max_bytes=settings.max_body_bytes)
    app.add_middleware(UnexpectedErrors)
    app.add_middleware(RequestLogContext)  # the request id on every log line of the request
    app.add_middleware(RequestId)
    # Objects made at start-up live for the whole process: keep them out of the collector's full passes
    # (they caused the uncached GraphQL path's p99 spikes).
    gc.freeze()
    return app
