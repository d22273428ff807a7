/**
 * The sortable parts of the editor on dnd-kit: sections and their entries are rows of one drag context
 * (dragBetweenContext.tsx), each section's entries a group of their own, and an empty section a drop zone.
 */
import { useDndContext, useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { KeyboardEvent, ReactNode } from "react";

/** What a row is; a section drags among sections only, an entry among entries and empty sections. */
export type RowKind = "section" | "item";

/** What each droppable carries, so the drag context knows a section from an entry from an empty section. */
export type DropData = { kind: "section" } | { kind: "item" } | { kind: "zone"; sectionId: string };

export function dropData(data: Record<string, unknown> | undefined): DropData | null {
  const kind = data?.kind;
  if (kind === "section" || kind === "item") return { kind };
  if (kind === "zone" && typeof data?.sectionId === "string") return { kind, sectionId: data.sectionId };
  return null;
}

export function useDraggedKind(): RowKind | null {
  const data = dropData(useDndContext().active?.data.current);
  return data?.kind === "section" || data?.kind === "item" ? data.kind : null;
}

/** One section's entries, sortable among themselves and open to entries from other sections. */
export function SortableGroup({ ids, children }: { ids: string[]; children: ReactNode }) {
  return (
    <SortableContext items={ids} strategy={verticalListSortingStrategy}>
      {children}
    </SortableContext>
  );
}

/** Where an entry is dropped into a section that has none. */
export function EmptyDropZone({ sectionId, children }: { sectionId: string; children: ReactNode }) {
  const dragged = useDraggedKind();
  const { setNodeRef, isOver } = useDroppable({
    id: `into-${sectionId}`,
    data: { kind: "zone", sectionId },
    disabled: dragged === "section",
  });
  return (
    <div
      ref={setNodeRef}
      className="drop-zone"
      style={{
        borderRadius: "var(--radius-small)",
        outline: isOver ? "2px dashed var(--primary)" : dragged === "item" ? "1px dashed var(--line-strong)" : "none",
      }}
    >
      {children}
    </div>
  );
}

type Handle = { ref: (el: HTMLElement | null) => void; props: Record<string, unknown> };

/**
 * One sortable element; `handle` gets the drag handle's props, to put on a button. An entry's handle is not a
 * Tab stop (its moves are in its menu): Left arrow from the entry's title reaches it, for a keyboard drag.
 */
export function SortableRow({
  id,
  kind,
  className,
  children,
}: {
  id: string;
  kind: RowKind;
  className?: string;
  children: (handle: Handle) => ReactNode;
}) {
  const dragged = useDraggedKind();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, node, transform, transition, isDragging } =
    useSortable({
      id,
      data: { kind },
      // Out of the way of a drag of the other kind, for the pointer and for the keyboard's next-target search.
      disabled: { draggable: false, droppable: dragged !== null && dragged !== kind },
    });
  const toHandle = (event: KeyboardEvent<HTMLLIElement>) => {
    const target = event.target as HTMLElement;
    if (kind !== "item" || event.key !== "ArrowLeft" || !target.matches("button.item__toggle")) return;
    const handle = node.current?.querySelector<HTMLElement>(".drag-handle");
    if (!handle) return;
    event.preventDefault();
    handle.focus();
  };
  return (
    <li
      ref={setNodeRef}
      className={`${className ?? ""} ${isDragging ? "is-dragging" : ""}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      onKeyDown={toHandle}
    >
      {children({ ref: setActivatorNodeRef, props: { ...attributes, ...listeners } })}
    </li>
  );
}

export function DragHandle({
  handle,
  label,
  tabbable = true,
}: {
  handle: Handle;
  label: string;
  /** False where the same moves are in a menu: the handle is then not a Tab stop (see SortableRow). */
  tabbable?: boolean;
}) {
  return (
    <button
      type="button"
      className="drag-handle"
      ref={handle.ref}
      {...handle.props}
      {...(tabbable ? {} : { tabIndex: -1 })}
      aria-label={label}
    >
      <svg viewBox="0 0 12 18" width="12" height="18" aria-hidden="true">
        {[3, 9, 15].map((y) => (
          <g key={y}>
            <circle cx="3" cy={y} r="1.5" />
            <circle cx="9" cy={y} r="1.5" />
          </g>
        ))}
      </svg>
    </button>
  );
}
