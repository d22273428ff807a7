import { useState } from "react";
import type { SectionKind } from "../../gql/graphql";
import { useToasts } from "../../ui/Toasts";
import { BasicsForm, SummaryForm } from "./BasicsForm";
import { SECTION_KINDS, type Draft } from "../../cv/draft";
import { addSection, insertSection, moveSection, removeSection, type Edit } from "../../cv/edits";
import { SectionCard } from "./SectionCard";
import { DragBetweenSections } from "./dragBetweenContext";
import { SortableRow } from "./sortable";

export function ContentTab({ draft, edit }: { draft: Draft; edit: (e: Edit) => void }) {
  const toasts = useToasts();
  const [kind, setKind] = useState<SectionKind>("EXPERIENCE");
  const sections = draft.sections;
  const targets = sections.map((s) => ({ id: s.id, title: s.title || "Untitled section" }));
  return (
    <div className="content-tab">
      <BasicsForm basics={draft.basics} edit={edit} />
      <SummaryForm summary={draft.summary} edit={edit} />
      <DragBetweenSections sections={sections} edit={edit}>
        {(shown) => (
          <ul className="sections" aria-label="Sections">
            {shown.map((section, index) => (
              <SortableRow key={section.id} id={section.id} kind="section">
                {(handle) => (
                  <SectionCard
                    section={section}
                    index={index}
                    count={sections.length}
                    handle={handle}
                    edit={edit}
                    onMove={(to) => edit(moveSection(index, to))}
                    moveTargets={targets.filter((t) => t.id !== section.id)}
                    onRemove={() => {
                      edit(removeSection(section.id));
                      toasts.show({
                        message: `Removed the section “${section.title}”.`,
                        actionLabel: "Undo",
                        onAction: () => edit(insertSection(section, index)),
                      });
                    }}
                  />
                )}
              </SortableRow>
            ))}
          </ul>
        )}
      </DragBetweenSections>
      <div className="card add-section">
        <label htmlFor="new-section-kind">Add a section</label>
        <div className="add-section__row">
          <select id="new-section-kind" value={kind} onChange={(e) => setKind(e.target.value as SectionKind)}>
            {SECTION_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.title}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => edit(addSection(kind))}>
            Add section
          </button>
        </div>
      </div>
    </div>
  );
}
