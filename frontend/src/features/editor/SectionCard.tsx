import { memo, useCallback, useContext, useState } from "react";
import { useToasts } from "../../ui/Toasts";
import type { DraftItem, DraftSection } from "../../cv/draft";
import {
  addItem,
  insertItem,
  moveItem,
  moveItemToSection,
  removeItem,
  setItem,
  setSection,
  type Edit,
} from "../../cv/edits";
import { FieldErrorsContext } from "./fields";
import { KIND_LABELS } from "../../cv/kinds";
import { EyeIcon, EyeOffIcon, ItemCard, itemName, TrashIcon } from "./ItemCard";
import { DragHandle, EmptyDropZone, SortableGroup, SortableRow } from "./sortable";

interface SectionCardProps {
  section: DraftSection;
  index: number;
  count: number;
  handle: Parameters<typeof DragHandle>[0]["handle"];
  edit: (e: Edit) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** The other sections, where this one's entries can be moved. */
  moveTargets: readonly { id: string; title: string }[];
}

export const SectionCard = memo(function SectionCard(props: SectionCardProps) {
  const { section, index, count, edit } = props;
  const toasts = useToasts();
  const [collapsedByChoice, setCollapsed] = useState(false);
  const errors = useContext(FieldErrorsContext);
  const collapsed = collapsedByChoice && !Object.keys(errors).some((p) => p.startsWith(`sections.${index}.`));
  const labels = KIND_LABELS[section.kind];
  const path = `sections.${index}`;
  const changeSection = (change: Partial<DraftSection>) => edit(setSection(section.id, (s) => ({ ...s, ...change })));
  const changeItem = useCallback(
    (itemId: string, change: Partial<DraftItem>) =>
      edit(setItem(section.id, itemId, (item) => ({ ...item, ...change }))),
    [edit, section.id],
  );
  const remove = (item: DraftItem, at: number) => {
    edit(removeItem(section.id, item.id));
    toasts.show({
      message: `Removed ${itemName(item)}.`,
      actionLabel: "Undo",
      onAction: () => edit(insertItem(section.id, item, at)),
    });
  };
  const moveToSection = (item: DraftItem, to: string) => {
    const target = props.moveTargets.find((t) => t.id === to);
    edit(moveItemToSection(section.id, item.id, to));
    toasts.show({
      message: `Moved ${itemName(item)} to ${target?.title ?? "another section"}.`,
      actionLabel: "Undo",
      onAction: () => {
        edit(removeItem(to, item.id));
        edit(insertItem(section.id, item, section.items.indexOf(item)));
      },
    });
  };
  const headingId = `section-${section.id}`;
  return (
    <section className={`card section ${section.visible ? "" : "section--hidden"}`} aria-labelledby={headingId}>
      <div className="section__head">
        <DragHandle handle={props.handle} label={`Move section ${section.title}`} />
        <div className="section__title-field">
          <label htmlFor={`${headingId}-title`} className="visually-hidden">
            Section title
          </label>
          <input
            id={`${headingId}-title`}
            className="section__title-input"
            value={section.title}
            data-path={`${path}.title`}
            onChange={(e) => changeSection({ title: e.target.value })}
          />
          <h2 id={headingId} className="visually-hidden">
            {section.title || "Untitled section"}
          </h2>
        </div>
        {!section.visible && <span className="badge">Hidden</span>}
        <div className="section__tools">
          <button
            type="button"
            className="icon-button"
            aria-label={`Move section ${section.title} up`}
            disabled={index === 0}
            onClick={() => props.onMove(index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move section ${section.title} down`}
            disabled={index === count - 1}
            onClick={() => props.onMove(index + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-button"
            aria-pressed={!section.visible}
            aria-label={
              section.visible ? `Hide section ${section.title} from the CV` : `Show section ${section.title} on the CV`
            }
            onClick={() => changeSection({ visible: !section.visible })}
          >
            {section.visible ? <EyeIcon /> : <EyeOffIcon />}
          </button>
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label={`Remove section ${section.title}`}
            onClick={props.onRemove}
          >
            <TrashIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-expanded={!collapsed}
            aria-label={collapsed ? `Expand section ${section.title}` : `Collapse section ${section.title}`}
            onClick={() => setCollapsed(!collapsed)}
          >
            {collapsed ? "▸" : "▾"}
          </button>
        </div>
      </div>
      {!collapsed && (
        <>
          {section.items.length === 0 ? (
            <EmptyDropZone sectionId={section.id}>
              <p className="muted section__empty">Nothing here yet.</p>
            </EmptyDropZone>
          ) : (
            <SortableGroup ids={section.items.map((i) => i.id)}>
              <ul className="items">
                {section.items.map((item, itemIndex) => (
                  <SortableRow key={item.id} id={item.id} kind="item">
                    {(handle) => (
                      <ItemCard
                        item={item}
                        kind={section.kind}
                        path={`${path}.items.${itemIndex}`}
                        index={itemIndex}
                        count={section.items.length}
                        handle={handle}
                        onChange={(change) => changeItem(item.id, change)}
                        onMove={(to) => edit(moveItem(section.id, itemIndex, to))}
                        moveTargets={props.moveTargets}
                        onMoveToSection={(to) => moveToSection(item, to)}
                        onRemove={() => remove(item, itemIndex)}
                      />
                    )}
                  </SortableRow>
                ))}
              </ul>
            </SortableGroup>
          )}
          <button type="button" className="button button--small add-item" onClick={() => edit(addItem(section.id))}>
            + {labels.addLabel}
          </button>
        </>
      )}
    </section>
  );
});
