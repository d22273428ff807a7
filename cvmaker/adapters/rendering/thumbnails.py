"""Make each template's thumbnail (`templates/<name>/thumbnail.png`) and its full first-page image
(`docs/templates/<name>.png`) from the long sample CV: `uv run python -m cvmaker.adapters.rendering.thumbnails`.

Rendering is deterministic, so running this again after a template change shows the change in `git diff`."""

from __future__ import annotations

import sys
from pathlib import Path

from cvmaker.adapters.rendering.rasterizer import PdfiumRasterizer
from cvmaker.adapters.rendering.templates import REGISTRY, TEMPLATES_DIR
from cvmaker.adapters.rendering.weasyprint import render_pdf
from cvmaker.domain.cv.samples import long_cv

DOCS_DIR = TEMPLATES_DIR.parent / "docs" / "templates"
THUMBNAIL_DPI = 36.0  # about 300 px wide
PAGE_DPI = 96.0


def first_page_png(template: str, dpi: float) -> bytes:
    pdf = render_pdf(REGISTRY.html(long_cv(template)), str(REGISTRY.get(template).asset_dir))
    return PdfiumRasterizer(dpi=dpi, png_compression=9).rasterize(pdf.data, max_pages=1)[0].png


def main() -> int:
    DOCS_DIR.mkdir(parents=True, exist_ok=True)
    for info in REGISTRY.all():
        (info.asset_dir / "thumbnail.png").write_bytes(first_page_png(info.name, THUMBNAIL_DPI))
        (DOCS_DIR / f"{info.name}.png").write_bytes(first_page_png(info.name, PAGE_DPI))
        print(
            f"{info.name}: {Path(info.asset_dir / 'thumbnail.png').relative_to(TEMPLATES_DIR.parent)}, "
            f"docs/templates/{info.name}.png"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
