"""Fixtures of the rendering suites: one warm render worker for the whole session, an in-memory blob store, and
the render service wired from the real adapters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cvmaker.adapters.rendering.docx_writer import PythonDocxWriter
from cvmaker.adapters.rendering.rasterizer import PdfiumRasterizer
from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.adapters.rendering.weasyprint import WeasyPrintRenderer, default_renderer
from cvmaker.ports import UploadTarget
from cvmaker.services.rendering import RenderService, StoredFiles


class MemoryBlobStore:
    """A `BlobStore` in a dict, counting writes so tests can tell a cached render from a new one."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[bytes, str]] = {}
        self.puts = 0

    def put(self, key: str, data: bytes, content_type: str) -> None:
        self.puts += 1
        self.files[key] = (data, content_type)

    def get(self, key: str) -> bytes | None:
        found = self.files.get(key)
        return found[0] if found else None

    def exists(self, key: str) -> bool:
        return key in self.files

    def delete(self, key: str) -> None:
        self.files.pop(key, None)

    def delete_prefix(self, prefix: str) -> int:
        doomed = [key for key in self.files if key.startswith(prefix)]
        for key in doomed:
            del self.files[key]
        return len(doomed)

    def download_url(self, key: str, filename: str, expires_in: int = 900) -> str:
        return f"memory://{key}?filename={filename}"

    def upload_target(self, key: str, content_type: str, max_bytes: int, expires_in: int = 300) -> UploadTarget:
        return UploadTarget(url=f"memory://{key}", method="POST", fields={}, expires_at=0, max_bytes=max_bytes)


@pytest.fixture(scope="session")
def renderer() -> Iterator[WeasyPrintRenderer]:
    renderer = default_renderer(workers=1)
    yield renderer
    renderer.pool.close()


@pytest.fixture
def blobs() -> MemoryBlobStore:
    return MemoryBlobStore()


@pytest.fixture
def service(blobs: MemoryBlobStore, renderer: WeasyPrintRenderer) -> RenderService:
    from cvmaker.domain.json_resume import to_json_resume

    return RenderService(StoredFiles(blobs, PdfiumRasterizer()), renderer, PythonDocxWriter(), REGISTRY, to_json_resume)
