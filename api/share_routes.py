"""The public pages of share links, served without sign-in (mounted before the web app's catch-all):

GET  /s/{slug}        the document's page: its pages as images, its text for screen readers, a PDF link;
                      for a password-protected link without a valid cookie, the password form
POST /s/{slug}        password=...: right, a cookie scoped to /s/{slug} and a redirect to the page
GET  /s/{slug}/pdf    the document's PDF

A missing, revoked or expired link and a wrong password all answer the same 404 page, byte for byte. Every
answer says `noindex` (header and meta tag), sends no referrer, and runs under a CSP that allows no script, no
connection and no outside resource: the pages are inline PNGs and the one stylesheet is pinned by its hash.
A view is counted once per GET of a shown page (not HEAD, not the form, not a 404), a download once per PDF sent.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, quote

import anyio.to_thread
from anyio import CapacityLimiter
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from cvmaker.domain.errors import NotFound

if TYPE_CHECKING:  # annotations only: the share service loads on the first visit
    from cvmaker.domain.shares.model import ShareLink
    from cvmaker.services.container import Services
    from cvmaker.services.shares import SharedPage, ShareService

COOKIE = "cvmaker_share"
MAX_FORM_BYTES = 4096
PAGE_THREADS = 4  # a page renders and rasterizes, an unlock hashes (Argon2): bursts wait here

STYLE = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef0f3;color:#1b1f24}
main{max-width:860px;margin:0 auto;padding:16px}
header{display:flex;flex-wrap:wrap;gap:12px;align-items:center;justify-content:space-between;margin:8px 0 16px}
h1{font-size:1.5rem;margin:0}
.headline{margin:0;color:#444c56}
.button,button{display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px;
padding:0 18px;border-radius:6px;border:0;background:#1f5fbf;color:#fff;font:inherit;font-weight:600;
text-decoration:none;cursor:pointer}
.button:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.pages img{display:block;width:100%;height:auto;margin:0 0 16px;background:#fff;box-shadow:0 1px 4px #0003}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);
white-space:nowrap;border:0}
.text p{white-space:pre-wrap}
form{display:flex;flex-direction:column;gap:12px;max-width:360px;background:#fff;padding:20px;border-radius:8px}
label{font-weight:600}
input{min-height:44px;padding:8px 10px;font:inherit;border:1px solid #6b7480;border-radius:6px}
""".strip()
_STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
CSP = (
    f"default-src 'none'; img-src data:; style-src 'sha256-{_STYLE_HASH}'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-robots-tag": "noindex, nofollow",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
}
PRIVATE = {"cache-control": "private, no-store"}
# Counted per request: no cache in between may answer for the app.
PUBLIC = {"cache-control": "no-cache"}


def _document(title: str, body: str, head: str = "") -> str:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">'
        f"<title>{html.escape(title)}</title>{head}<style>{STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )


NOT_FOUND_PAGE = _document(
    "Not found",
    "<h1>This link does not work</h1><p>It may be mistyped, expired or revoked, or the password was wrong. "
    "Ask the person who shared it for a new one.</p>",
)
TOO_MANY_PAGE = _document("Too many attempts", "<h1>Too many attempts</h1><p>Wait a while, then try again.</p>")


def not_found() -> Response:
    return HTMLResponse(NOT_FOUND_PAGE, status_code=404, headers={**HEADERS, **PRIVATE})


def password_form(slug: str) -> str:
    # No title, name or description of the document: only someone with the password learns whose it is.
    return _document(
        "A shared document",
        '<h1>A shared document</h1><form method="post" action="/s/'
        + html.escape(slug)
        + '"><label for="password">Password</label><input id="password" name="password" type="password" required '
        'autocomplete="current-password" autofocus maxlength="256"><button type="submit">Open</button></form>',
    )


def shared_page(slug: str, page: SharedPage) -> str:
    view = page.view
    title = html.escape(view.title)
    description = html.escape(view.description)
    head = (
        f'<meta property="og:title" content="{title}"><meta property="og:type" content="profile">'
        + (f'<meta property="og:description" content="{description}">' if description else "")
        + (f'<meta name="description" content="{description}">' if description else "")
    )
    count = len(page.pages)
    images = "".join(
        f'<img src="data:image/png;base64,{base64.b64encode(p.png).decode()}" width="{p.width}" height="{p.height}" '
        f'alt="Page {p.number} of {count}">'
        for p in page.pages
    )
    paragraphs = "".join(f"<p>{html.escape(part)}</p>" for part in view.text.split("\n\n") if part.strip())
    body = (
        f'<header><div><h1>{title}</h1></div><a class="button" href="/s/{html.escape(slug)}/pdf" download>'
        "Download PDF</a></header>"
        f'<section class="pages" aria-label="Pages">{images}</section>'
        f'<section class="text sr-only" aria-label="Text"><h2>Text of the document</h2>{paragraphs}</section>'
    )
    return _document(view.title, body, head)


def share_routes(services: Services, secure_cookies: bool = False) -> list[BaseRoute]:
    threads = CapacityLimiter(PAGE_THREADS)

    def shares() -> ShareService:
        return services.shares

    def guarded(
        endpoint: Callable[[Request, ShareService, str], Awaitable[Response]],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def handle(request: Request) -> Response:
            try:
                return await endpoint(request, shares(), request.path_params["slug"])
            except NotFound:
                return not_found()

        return handle

    def unlocked(request: Request, service: ShareService, link: ShareLink) -> bool:
        return not service.needs_password(link, request.cookies.get(COOKIE))

    @guarded
    async def page(request: Request, service: ShareService, slug: str) -> Response:
        link = service.open(slug)
        headers = {**HEADERS, **(PRIVATE if link.has_password else PUBLIC)}
        if not unlocked(request, service, link):
            return HTMLResponse(password_form(slug), headers=headers)
        if request.method == "HEAD":  # the headers alone: nothing is rendered, and nothing is counted
            return Response(headers=headers, media_type="text/html; charset=utf-8")
        shown = await anyio.to_thread.run_sync(lambda: service.page(link, True), limiter=threads)
        return HTMLResponse(shared_page(slug, shown), headers=headers)

    @guarded
    async def unlock(request: Request, service: ShareService, slug: str) -> Response:
        from cvmaker.services.shares import TooManyGuesses

        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_FORM_BYTES:
                return not_found()
        fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=4)
        password = (fields.get("password") or [""])[0]
        source = request.client.host if request.client else None
        try:
            token = await anyio.to_thread.run_sync(lambda: service.unlock(slug, password, source), limiter=threads)
        except TooManyGuesses as error:
            return HTMLResponse(
                TOO_MANY_PAGE,
                status_code=429,
                headers={**HEADERS, **PRIVATE, "retry-after": str(error.retry_after)},
            )
        response = RedirectResponse(f"/s/{quote(slug)}", status_code=303, headers={**HEADERS, **PRIVATE})
        response.set_cookie(
            COOKIE,
            token,
            path=f"/s/{slug}",
            httponly=True,
            secure=secure_cookies or request.url.scheme == "https",
            samesite="lax",
        )
        return response

    @guarded
    async def pdf(request: Request, service: ShareService, slug: str) -> Response:
        link = service.open(slug)
        if not unlocked(request, service, link):
            return not_found()
        count = request.method == "GET"
        shared = await anyio.to_thread.run_sync(lambda: service.pdf(link, count), limiter=threads)
        headers = {
            **HEADERS,
            **(PRIVATE if link.has_password else PUBLIC),
            "content-disposition": f"attachment; filename*=UTF-8''{quote(shared.filename)}",
        }
        return Response(shared.data, media_type="application/pdf", headers=headers)

    return [
        Route("/s/{slug}", page, methods=["GET", "HEAD"]),
        Route("/s/{slug}", unlock, methods=["POST"]),
        Route("/s/{slug}/pdf", pdf, methods=["GET", "HEAD"]),
    ]
