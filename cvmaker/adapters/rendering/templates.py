"""The CV templates: a registry of their names, titles, descriptions, versions and asset folders.

Each template is a folder with `meta.toml` (name, title, description), `layout.html.j2` and `style.css.j2`, and
a `thumbnail.png` made from a sample CV (`python -m cvmaker.adapters.rendering.thumbnails`). Templates share the partials and base
stylesheet in `_shared/`, so a new template is mostly layout and CSS.

A template's version is a hash of everything its output depends on (its files, the shared files and the code
that builds the HTML), so a rendered file cached under that version is never served after the template changed.
"""

from __future__ import annotations

import hashlib
import tomllib
from functools import cached_property
from pathlib import Path

from cvmaker.domain.cv.model import CvDocument, Design
from cvmaker.domain.errors import NotFound
from cvmaker.domain.letters.layout import LetterContent
from cvmaker.domain.rendering.templates import TemplateInfo

# The templates are data (layouts, stylesheets, metadata, thumbnails) in the top-level `templates/` folder.
_ROOT = Path(__file__).resolve().parents[3]
TEMPLATES_DIR = _ROOT / "templates"
SHARED_DIR = TEMPLATES_DIR / "_shared"
DEFAULT_TEMPLATE = "classic"
# Code whose changes change every template's output.
_CODE_FILES = (
    Path(__file__).resolve().parent / "html.py",
    _ROOT / "cvmaker" / "domain" / "rendering" / "plain_text.py",
)
_SOURCE_SUFFIXES = (".j2", ".toml", ".css", ".svg")


def _digest(paths: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        label = str(path.relative_to(root)) if path.is_relative_to(root) else path.name
        digest.update(label.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _sources(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and path.suffix in _SOURCE_SUFFIXES]


class TemplateRegistry:
    """The templates found in a folder: each subfolder with a `meta.toml` (folders starting with _ are shared)."""

    def __init__(self, root: Path = TEMPLATES_DIR) -> None:
        self.root = root

    @cached_property
    def _templates(self) -> dict[str, TemplateInfo]:
        shared = _sources(self.root / "_shared") + [path for path in _CODE_FILES if path.is_file()]
        found = {}
        for meta_path in sorted(self.root.glob("*/meta.toml")):
            folder = meta_path.parent
            if folder.name.startswith("_"):
                continue
            meta = tomllib.loads(meta_path.read_text("utf-8"))
            found[folder.name] = TemplateInfo(
                name=folder.name,
                title=meta["title"],
                description=meta["description"],
                version=_digest(_sources(folder) + shared, self.root),
                asset_dir=folder,
                two_columns=meta.get("columns") == 2,
            )
        return found

    def names(self) -> list[str]:
        return list(self._templates)

    def all(self) -> list[TemplateInfo]:
        return list(self._templates.values())

    def get(self, name: str) -> TemplateInfo:
        """Raise `NotFound` for a name that is not a template (never fall back silently to another)."""
        try:
            return self._templates[name]
        except KeyError:
            raise NotFound("Template") from None

    def html(self, document: CvDocument, design: Design | None = None) -> str:
        """The HTML of `document` in the template its design names (or `design`, when given)."""
        from cvmaker.adapters.rendering.html import render_html

        effective = design or document.design
        self.get(effective.template)
        return render_html(effective.template, document, effective)

    def letter_html(self, template: str, document: CvDocument, design: Design, letter: LetterContent) -> str:
        """A cover letter's HTML in `template`'s style, with the CV's letterhead."""
        from cvmaker.adapters.rendering.html import render_letter_html

        self.get(template)
        return render_letter_html(template, document, design, letter)


REGISTRY = TemplateRegistry()


def template_names() -> list[str]:
    return REGISTRY.names()
