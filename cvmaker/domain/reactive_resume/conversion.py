"""What a Reactive Resume document became: a JSON Resume document for the tolerant reader, and what that reader
cannot take from JSON Resume (hidden items, section titles, a study's text, ...), put on the CV it built."""

from __future__ import annotations

import copy
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from cvmaker.domain.cv.validation import validate_document
from cvmaker.domain.errors import FieldProblem, InvalidInput


@dataclass
class Conversion:
    """`document` is JSON Resume; every other path here is the Reactive Resume file's own.

    `paths` names, for a JSON Resume path ("work.0", "work.0.startDate"), the file's path it came from
    ("sections.experience.items.2", "...items.2.period"). `item_fields` and `section_fields` hold, by JSON Resume
    entry path ("education.0") or array key ("education"), the item or section fields of ours JSON Resume has no
    place for; `design` the design settings read from the file's metadata.
    """

    version: int
    document: dict[str, Any]
    warnings: list[FieldProblem] = field(default_factory=list)
    paths: dict[str, str] = field(default_factory=dict)
    item_fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    section_fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    design: dict[str, Any] = field(default_factory=dict)

    def source(self, path: str) -> str:
        """The file's path for a JSON Resume path, by its longest known prefix."""
        parts = path.split(".") if path else []
        for n in range(len(parts), 0, -1):
            found = self.paths.get(".".join(parts[:n]))
            if found is not None:
                return ".".join([found, *parts[n:]])
        return path

    def renamed(self, warnings: list[FieldProblem]) -> list[FieldProblem]:
        return [FieldProblem(self.source(w.path), w.message) for w in warnings]

    def complete(self, doc: dict[str, Any], origins: dict[str, str], templates: Collection[str]) -> list[FieldProblem]:
        """Put the fields JSON Resume could not carry on `doc` (our document as a dict, built by the JSON Resume
        reader, `origins` naming each part's JSON Resume path). A field our rules refuse is left out, with a
        warning; the rest stays as the reader built it."""
        applied: dict[str, tuple[Any, str]] = {}  # our path -> (value before, the file's path)
        for s, section in enumerate(doc["sections"]):
            key = origins.get(f"sections.{s}")
            for name, value in (self.section_fields.get(key or "") or {}).items():
                applied[f"sections.{s}.{name}"] = (section.get(name), self.source(key or ""))
                section[name] = value
            for i, item in enumerate(section["items"]):
                where = origins.get(f"sections.{s}.items.{i}", "")
                for name, value in (self.item_fields.get(where) or {}).items():
                    applied[f"sections.{s}.items.{i}.{name}"] = (item.get(name), self.source(f"{where}.{name}"))
                    item[name] = value
        if self.design:
            for name, value in self.design.items():
                applied[f"design.{name}"] = (doc["design"].get(name), "metadata")
            doc["design"] = doc["design"] | self.design
        warnings: list[FieldProblem] = []
        for _ in range(2):
            try:
                validate_document(copy.deepcopy(doc), templates)
                return warnings
            except InvalidInput as invalid:
                undone = {
                    path: problem.message
                    for problem in invalid.problems
                    for path in applied
                    if problem.path == path or problem.path.startswith(path + ".")
                }
                if not undone:
                    raise
                for path, message in undone.items():
                    before, source = applied.pop(path)
                    _put(doc, path, before)
                    warnings.append(FieldProblem(source, f"{message}: left out"))
        validate_document(doc, templates)
        return warnings


def _put(doc: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target: Any = doc
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    target[last] = value
