"""CV use cases: create, read, list, edit with version checks, duplicate, delete, revisions.

Each edit loads the current CV, applies a pure edit from `cvmaker.domain.cv.editing`, validates the whole result and
saves it with `expected_version`, so a stale edit fails with `VersionConflict` and a failed one writes nothing.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from cvmaker.domain.clock import utc_now
from cvmaker.domain.cv import editing, lenient
from cvmaker.domain.cv.model import Cv, CvDocument, Page, Revision
from cvmaker.domain.errors import FieldProblem, InvalidInput, NotFound, VersionConflict
from cvmaker.domain.ids import new_ulid
from cvmaker.ports import CvRepository

MAX_PAGE_SIZE = 50


@dataclass(frozen=True)
class ImportedJsonResume:
    cv: Cv
    warnings: list[FieldProblem]


@dataclass
class CvService:
    repository: CvRepository
    templates: Collection[str] = ()
    clock: Callable[[], datetime] = field(default=utc_now)
    # Called after a CV is deleted, with (owner, cv_id): what other services keep about it goes too.
    on_delete: list[Callable[[str, str], None]] = field(default_factory=list)

    # ---------------------------------------------------------------- reads

    def get(self, owner: str, cv_id: str) -> Cv:
        cv = self.repository.get(owner, cv_id)
        if cv is None:
            raise NotFound()
        return cv

    def find(self, owner: str, cv_id: str) -> Cv | None:
        return self.repository.get(owner, cv_id)

    def list(self, owner: str, first: int, after: str | None = None) -> Page:
        return self.repository.list(owner, max(1, min(first, MAX_PAGE_SIZE)), after)

    def revision(self, owner: str, cv_id: str, version: int) -> Cv:
        """The CV as it was saved at `version`."""
        current = self.get(owner, cv_id)
        found = self.repository.revision(owner, cv_id, version)
        if found is None:
            raise NotFound("Revision")
        return replace(current, version=found.version, updated_at=found.saved_at, document=found.document)

    def revisions(self, owner: str, cv_id: str) -> builtins.list[Revision]:
        self.get(owner, cv_id)
        return self.repository.revisions(owner, cv_id)

    # ---------------------------------------------------------------- whole-CV writes

    def create(self, owner: str, changes: dict[str, Any], source_cv_id: str | None = None) -> Cv:
        return self._create_from_dict(owner, editing.new_document(changes), source_cv_id)

    def create_from_document(self, owner: str, document: CvDocument, source_cv_id: str | None = None) -> Cv:
        return self._create_from_dict(owner, document.to_dict(), source_cv_id)

    def _create_from_dict(self, owner: str, doc: dict[str, Any], source_cv_id: str | None) -> Cv:
        doc = self._readable(doc)
        now = self.clock()
        cv = Cv(
            id=new_ulid(),
            owner=owner,
            version=1,
            created_at=now,
            updated_at=now,
            document=CvDocument.from_dict(doc),
            source_cv_id=source_cv_id,
        )
        self.repository.add(cv)
        return cv

    def update(self, owner: str, cv_id: str, version: int, changes: dict[str, Any]) -> Cv:
        return self._edit(owner, cv_id, version, lambda doc: editing.apply_changes(doc, changes))

    def duplicate(self, owner: str, cv_id: str, title: str | None = None) -> Cv:
        source = self.get(owner, cv_id)
        doc = source.document.to_dict()
        doc["title"] = (title or f"{source.title} (copy)")[:200].strip() or source.title
        return self._create_from_dict(owner, doc, source.source_cv_id)

    def delete(self, owner: str, cv_id: str) -> None:
        if not self.repository.delete(owner, cv_id):
            raise NotFound()
        for forget in self.on_delete:
            forget(owner, cv_id)

    def restore_revision(self, owner: str, cv_id: str, version: int) -> Cv:
        """Restoring writes the old content as a new version: history only grows, nothing is lost."""
        current = self.get(owner, cv_id)
        revision = self.repository.revision(owner, cv_id, version)
        if revision is None:
            raise NotFound("Revision")
        return self._save(current, revision.document.to_dict())

    # ---------------------------------------------------------------- JSON Resume

    def import_json_resume(self, owner: str, data: Any, title: str | None = None) -> ImportedJsonResume:
        """A new CV from a JSON Resume document as people write it; what could not be read comes back as warnings."""
        from cvmaker.domain.json_resume import read_json_resume

        if isinstance(data, (str, bytes)):
            from cvmaker.domain.json_resume import parse_json_text

            data, text_warnings = parse_json_text(data)
        else:
            text_warnings = []
        imported = read_json_resume(data, templates=self.templates)
        document = imported.document
        if title and title.strip():
            document.title = title.strip()
        document.imported = imported.kept or None
        warnings = [*text_warnings, *imported.warnings]
        try:
            cv = self.create_from_document(owner, document)
        except InvalidInput as refused:
            if document.imported is None or any(problem.path for problem in refused.problems):
                raise
            # Only the size limit refused it: the CV itself fits, what JSON Resume alone holds does not.
            document.imported = None
            cv = self.create_from_document(owner, document)
            warnings.append(
                FieldProblem(
                    "",
                    "Fields CV Maker has no place for were too large to keep: "
                    "they will be missing from the JSON Resume export.",
                )
            )
        return ImportedJsonResume(cv, warnings)

    def export_json_resume(self, owner: str, cv_id: str) -> dict[str, Any]:
        document = self.get(owner, cv_id).document
        from cvmaker.domain.json_resume import to_json_resume

        return to_json_resume(document, kept=document.imported)

    # ---------------------------------------------------------------- section and item edits

    def add_section(self, owner: str, cv_id: str, version: int, changes: dict[str, Any], position: int | None) -> Cv:
        return self._edit(owner, cv_id, version, lambda doc: editing.add_section(doc, changes, position)[0])

    def update_section(self, owner: str, cv_id: str, version: int, section_id: str, changes: dict[str, Any]) -> Cv:
        return self._edit(owner, cv_id, version, lambda doc: editing.update_section(doc, section_id, changes))

    def remove_section(self, owner: str, cv_id: str, version: int, section_id: str) -> Cv:
        return self._edit(owner, cv_id, version, lambda doc: editing.remove_section(doc, section_id))

    def move_section(self, owner: str, cv_id: str, version: int, section_id: str, position: int) -> Cv:
        return self._edit(owner, cv_id, version, lambda doc: editing.move_section(doc, section_id, position))

    def add_item(
        self, owner: str, cv_id: str, version: int, section_id: str, changes: dict[str, Any], position: int | None
    ) -> Cv:
        return self._edit(owner, cv_id, version, lambda doc: editing.add_item(doc, section_id, changes, position)[0])

    def update_item(self, owner: str, cv_id: str, version: int, item_id: str, changes: dict[str, Any]) -> Cv:
        return self._edit(owner, cv_id, version, lambda doc: editing.update_item(doc, item_id, changes))

    def remove_item(self, owner: str, cv_id: str, version: int, item_id: str) -> Cv:
        return self._edit(owner, cv_id, version, lambda doc: editing.remove_item(doc, item_id))

    def move_item(self, owner: str, cv_id: str, version: int, item_id: str, section_id: str, position: int) -> Cv:
        return self._edit(owner, cv_id, version, lambda doc: editing.move_item(doc, item_id, section_id, position))

    # ---------------------------------------------------------------- the one write path

    def _edit(self, owner: str, cv_id: str, version: int, edit: Callable[[dict[str, Any]], dict[str, Any]]) -> Cv:
        current = self.get(owner, cv_id)
        if current.version != version:
            # Fail before editing: the edit was made against content the caller has not seen.
            raise VersionConflict(current.version)
        return self._save(current, edit(current.document.to_dict()))

    def _save(self, current: Cv, doc: dict[str, Any]) -> Cv:
        doc = self._readable(doc)
        updated = current.next_version(CvDocument.from_dict(doc), self.clock())
        self.repository.save(updated, expected_version=current.version)
        return updated

    def _readable(self, doc: dict[str, Any]) -> dict[str, Any]:
        # A date, email or link that cannot be read is kept as a draft and the rest saves (`lenient`).
        return lenient.readable(doc, self.templates)
