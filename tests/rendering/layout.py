"""Test helpers that look at a render the way a reader would: which entries sit on which page (from WeasyPrint's
laid-out boxes), and the text that `pdftotext` reads from the PDF."""

from __future__ import annotations

import subprocess
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.adapters.rendering.weasyprint import _weasyprint_fetcher
from cvmaker.domain.cv.model import CvDocument


@dataclass
class Inspected:
    pdf: bytes
    pages: int
    pages_of: dict[str, set[int]]  # data-entry / data-keep id -> pages it appears on
    may_split: set[str] = field(default_factory=set)  # long entries (`entry-long`) and the section starts holding one

    def split(self) -> dict[str, set[int]]:
        """What split across pages that must not: every entry but a long one, every section start."""
        return {key: pages for key, pages in self.split_any().items() if key not in self.may_split}

    def split_any(self) -> dict[str, set[int]]:
        return {key: pages for key, pages in self.pages_of.items() if len(pages) > 1}


def _walk(box: Any) -> Any:
    stack = [box]
    while stack:
        box = stack.pop()
        yield box
        stack.extend(getattr(box, "children", ()))


def render_and_inspect(document: CvDocument) -> Inspected:
    """Render in this process with the production fetcher, keeping WeasyPrint's layout for inspection."""
    from weasyprint import HTML

    info = REGISTRY.get(document.design.template)
    html = REGISTRY.html(document)
    rendered = HTML(
        string=html, base_url=info.asset_dir.as_uri() + "/", url_fetcher=_weasyprint_fetcher(str(info.asset_dir))
    ).render()
    pages_of: dict[str, set[int]] = defaultdict(set)
    may_split: set[str] = set()
    for number, page in enumerate(rendered.pages, 1):
        for box in _walk(page._page_box):
            element = getattr(box, "element", None)
            if element is None or getattr(box, "element_tag", "") in ("", None):
                continue
            for attribute in ("data-entry", "data-keep"):
                key = element.get(attribute)
                if key:
                    pages_of[f"{attribute}:{key}"].add(number)
            if "entry-long" in (element.get("class") or "").split():
                may_split.add(f"data-entry:{element.get('data-entry')}")
            if element.get("data-keep") and any("entry-long" in (c.get("class") or "").split() for c in element):
                may_split.add(f"data-keep:{element.get('data-keep')}")
    return Inspected(rendered.write_pdf(), len(rendered.pages), dict(pages_of), may_split)


def pdf_text(pdf: bytes) -> str:
    """What pdftotext reads, with whitespace folded (a long line may wrap anywhere)."""
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(unicodedata.normalize("NFKC", result.stdout.decode()).split())


def folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def squeezed(text: str) -> str:
    """`text` for containment checks: case folded, without whitespace or hyphens, because pdftotext joins a word
    hyphenated at a line end ("OR-\nTools" reads "ORTools") and templates may set headings in capitals."""
    return "".join(ch for ch in folded(text).casefold() if not ch.isspace() and ch not in "-\u00ad\u2010")
