"""What a template is, to the rest of the product: its name, words to show, version and asset folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    name: str
    title: str
    description: str
    version: str
    asset_dir: Path  # the only folder a render of this template may read files from
    two_columns: bool = False  # honours a section's chosen column (`SectionLayout.column`)

    @property
    def thumbnail(self) -> Path | None:
        path = self.asset_dir / "thumbnail.png"
        return path if path.is_file() else None
