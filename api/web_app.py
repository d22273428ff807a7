"""Serves the built web app: its files, and index.html for any other path so client-side routes load."""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    # The app loads only its own scripts and styles; previews are data: or blob: images from the API.
    "content-security-policy": (
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
        "connect-src 'self' https:; frame-ancestors 'none'; object-src 'none'; base-uri 'self'"
    ),
}


def security_headers(connect_sources: tuple[str, ...] = ()) -> dict[str, str]:
    """The headers, with extra `connect-src` origins (an emulator's Cognito on http://127.0.0.1:PORT; real
    Cognito is https and already allowed)."""
    policy = SECURITY_HEADERS["content-security-policy"]
    connect = " ".join(("'self'", "https:", *connect_sources))
    return {
        **SECURITY_HEADERS,
        "content-security-policy": policy.replace("connect-src 'self' https:", f"connect-src {connect}"),
    }


class SinglePageApp(StaticFiles):
    def __init__(self, directory: Path, connect_sources: tuple[str, ...] = ()) -> None:
        super().__init__(directory=directory, html=True)
        self.security_headers = security_headers(connect_sources)

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            response = await super().get_response(path, scope)
        except HTTPException as error:
            if error.status_code != 404 or "." in path.rsplit("/", 1)[-1]:
                raise
            response = await super().get_response("index.html", scope)
        if response.status_code == 404 and "." not in path.rsplit("/", 1)[-1]:
            response = await super().get_response("index.html", scope)
        response.headers.update(self.security_headers)
        if path.startswith("assets/"):
            # Vite fingerprints asset names, so they never change: cache them for good.
            response.headers["cache-control"] = "public, max-age=31536000, immutable"
        return response
