"""The web app's run-time configuration, so one build of the web app runs against any deployment.

The app fetches `/config.json` when it starts. The embedded default serves it from settings here; Amplify
Hosting serves the same shape as a static file written from `amplify_outputs.json` at deploy time.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from api.settings import Settings


def web_config(settings: Settings) -> dict[str, Any]:
    if settings.auth != "cognito":
        return {"authMode": "local", "apiUrl": "", "cognito": None}
    region = settings.cognito_user_pool_id.split("_", 1)[0] if "_" in settings.cognito_user_pool_id else ""
    cognito: dict[str, Any] = {
        "userPoolId": settings.cognito_user_pool_id,
        "userPoolClientId": settings.cognito_web_client_id,
        "region": region or settings.aws_region,
    }
    if settings.cognito_user_pool_endpoint:
        cognito["userPoolEndpoint"] = settings.cognito_user_pool_endpoint
    return {"authMode": "cognito", "apiUrl": "", "cognito": cognito}


def web_config_route(settings: Settings) -> Any:
    body = web_config(settings)

    async def endpoint(request: Request) -> Response:
        return JSONResponse(body, headers={"cache-control": "no-cache"})

    return endpoint
