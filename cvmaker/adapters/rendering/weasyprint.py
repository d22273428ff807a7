"""HTML to PDF with WeasyPrint, safely: no network, no file outside the template's own folder, a page cap, and
(through the worker pool) a time and memory limit per render.

`render_pdf` is the in-process render (what a worker runs); `WeasyPrintRenderer` is the `PdfRenderer` the
application uses, which runs `render_pdf` in a warm worker process. Every `HTML` and `CSS` object gets the
restrictive fetcher (docs/security.md §3.4: WeasyPrint builds a permissive default fetcher for any object not given
one), attachments are never passed, and presentational hints stay off.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from cvmaker.adapters.worker_pool import (
    WorkerCrashed,
    WorkerOutOfMemory,
    WorkerPool,
    WorkerTimeout,
)
from cvmaker.domain.errors import LimitExceeded
from cvmaker.ports import RenderedPdf

MAX_PAGES = 30
MAX_PDF_BYTES = 20_000_000
MAX_DATA_URL = 2_000_000
RENDER_TIMEOUT_SECONDS = 15.0
RENDER_MEMORY_BYTES = 1_500 * 1024 * 1024
RENDERER_CODE_VERSION = "1"  # bump when this module changes how a PDF comes out


class PageCapExceeded(Exception):
    """The document lays out to more pages than the cap. Plain exception: it crosses the worker pipe."""

    def __init__(self, pages: int) -> None:
        super().__init__(pages)
        self.pages = pages


class RenderFailed(Exception):
    """WeasyPrint raised while laying out the document. Plain exception with a message: it crosses the pipe."""


class BlockedResource(ValueError):
    """A URL the fetcher refuses. WeasyPrint logs it and renders without the resource."""


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


class TemplateAssetFetcher:
    """Allows `data:` URLs and files inside one template folder; refuses everything else before any socket or
    file is opened (redirects never happen: nothing is fetched over a network)."""

    def __init__(self, asset_dir: str) -> None:
        self.asset_dir = Path(asset_dir).resolve()

    def __call__(self, url: str, headers: Any = None) -> Any:
        return self.fetch(url, headers)

    def fetch(self, url: str, headers: Any = None) -> Any:
        from weasyprint.urls import URLFetcherResponse

        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            if len(url) > MAX_DATA_URL:
                raise BlockedResource("data: URL too large")
            return self._data(url)
        if scheme == "file":
            path = self._asset_path(url)
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": _mime_type(path)})
        raise BlockedResource(f"blocked resource ({scheme})")

    def _asset_path(self, url: str) -> Path:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise BlockedResource("blocked resource (remote file)")
        # Resolve symlinks and .. before checking, and check before opening anything.
        path = Path(os.path.realpath(unquote(parts.path)))
        if not _inside(path, self.asset_dir) or not path.is_file():
            raise BlockedResource("blocked resource (outside the template)")
        return path

    @staticmethod
    def _data(url: str) -> Any:
        """Decode `data:[<type>][;base64],<payload>` in memory (no urllib opener, no socket, no file)."""
        import base64
        import binascii
        from urllib.parse import unquote_to_bytes

        from weasyprint.urls import URLFetcherResponse

        header, comma, payload = url[len("data:") :].partition(",")
        if not comma:
            raise BlockedResource("malformed data: URL")
        media_type, _, flags = header.partition(";")
        raw = unquote_to_bytes(payload)
        if flags.split(";")[-1].lower() == "base64":
            try:
                raw = base64.b64decode(raw, validate=False)
            except binascii.Error:
                raise BlockedResource("malformed data: URL") from None
        return URLFetcherResponse(url, raw, {"Content-Type": media_type or "text/plain"})


_MIME_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".css": "text/css",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
}


def _mime_type(path: Path) -> str:
    return _MIME_TYPES.get(path.suffix.lower(), "application/octet-stream")


def _weasyprint_fetcher(asset_dir: str) -> Any:
    """The fetcher as a `weasyprint.urls.URLFetcher` subclass instance, which WeasyPrint ≥ 68 expects."""
    from weasyprint.urls import URLFetcher

    policy = TemplateAssetFetcher(asset_dir)

    class _Fetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(timeout=2, allowed_protocols={"data", "file"}, allow_redirects=False)

        def fetch(self, url: str, headers: Any = None) -> Any:
            return policy.fetch(url, headers)

        def open(self, *args: Any, **kwargs: Any) -> Any:  # belt and braces: urllib's opener is never used
            raise BlockedResource("blocked resource")

    return _Fetcher()


@cache
def _font_configuration() -> Any:
    """One per process: reusing it saves about a tenth of each render (docs/perf.md). Our templates declare no
    @font-face, so nothing of one document's fonts carries into the next."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_pdf(html: str, base_dir: str, max_pages: int = MAX_PAGES) -> RenderedPdf:
    """Render in this process. Raise `PageCapExceeded` past `max_pages`."""
    from weasyprint import HTML

    fetcher = _weasyprint_fetcher(base_dir)
    base_url = Path(base_dir).resolve().as_uri() + "/"
    try:
        document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
            font_config=_font_configuration(), presentational_hints=False
        )
        pages = len(document.pages)
        if pages > max_pages:
            raise PageCapExceeded(pages)
        # No attachments, not even those the HTML declares: nothing from the file system is embedded. A fixed
        # identifier makes equal input give equal bytes, so the content hash of a render is stable.
        document.metadata.attachments = []
        data = document.write_pdf(pdf_identifier=b"cvmaker")
    except (MemoryError, PageCapExceeded):
        raise
    except Exception as error:  # e.g. ZeroDivisionError on absurd CSS sizes
        raise RenderFailed(f"{type(error).__name__}: {error}") from None
    return RenderedPdf(data=data, pages=pages)


def warm_up() -> None:
    """Run once per worker: import WeasyPrint and load the fonts, so the first real render is warm."""
    render_pdf("<p style='font-family: Noto Sans'>warm</p>", str(Path(__file__).parent))


def weasyprint_version() -> str:
    from importlib.metadata import version

    return version("weasyprint")


def _limit_error(error: PageCapExceeded | RenderFailed, max_pages: int) -> LimitExceeded:
    if isinstance(error, PageCapExceeded):
        return LimitExceeded(f"The CV would be {error.pages} pages long; the limit is {max_pages}.", "render_pages")
    return LimitExceeded("The CV could not be laid out within the renderer's limits.", "render_failed")


def renderer_version() -> str:
    """Changes whenever the same HTML could render to different bytes (engine or our settings)."""
    return f"weasyprint-{weasyprint_version()}+cvmaker-{RENDERER_CODE_VERSION}"


@dataclass
class InProcessRenderer:
    """Renders in the calling process, without a time or memory limit: for the command line and tools that
    render trusted documents one at a time. The server uses `WeasyPrintRenderer`."""

    max_pages: int = MAX_PAGES

    @property
    def version(self) -> str:
        return renderer_version()

    def render(self, html: str, base_dir: str) -> RenderedPdf:
        try:
            return render_pdf(html, base_dir, self.max_pages)
        except (PageCapExceeded, RenderFailed) as error:
            raise _limit_error(error, self.max_pages) from None


@dataclass
class WeasyPrintRenderer:
    """The application's `PdfRenderer`: renders in warm worker processes under a time and memory limit."""

    pool: WorkerPool
    timeout: float = RENDER_TIMEOUT_SECONDS
    max_pages: int = MAX_PAGES

    @property
    def version(self) -> str:
        return renderer_version()

    def render(self, html: str, base_dir: str) -> RenderedPdf:
        try:
            result: RenderedPdf = self.pool.run(render_pdf, html, base_dir, self.max_pages, timeout=self.timeout)
        except (PageCapExceeded, RenderFailed) as error:
            raise _limit_error(error, self.max_pages) from None
        except WorkerTimeout:
            raise LimitExceeded(f"The CV took longer than {self.timeout:g} seconds to render.", "render_time") from None
        except WorkerOutOfMemory:
            raise LimitExceeded("The CV needed too much memory to render.", "render_memory") from None
        except WorkerCrashed:
            raise LimitExceeded("The renderer stopped while rendering this CV.", "render_crash") from None
        if len(result.data) > MAX_PDF_BYTES:
            raise LimitExceeded("The rendered PDF is too large.", "render_bytes")
        return result


def default_renderer(workers: int = 1) -> WeasyPrintRenderer:
    """A renderer with its own pool of warm workers (started lazily, on the first render)."""
    return WeasyPrintRenderer(
        pool=WorkerPool(size=workers, memory_limit=RENDER_MEMORY_BYTES, initializer=warm_up, name="render")
    )
