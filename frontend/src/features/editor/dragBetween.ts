/**
 * Dragging an entry within its section or into another one, as pure functions of a layout (which entry is in
 * which section while the drag lasts). The drag shows the entry in its new section as soon as it is over it;
 * the drop commits one edit, so the move is one undo step and one save.
 */
import type { DraftSection } from "../../cv/draft";
import { moveItem, moveItemToSection, type Edit } from "../../cv/edits";

export interface Column {
  sectionId: string;
  itemIds: readonly string[];
}

/** Each section's entries by id, in order. */
export type Layout = readonly Column[];

/** A section and an index in its entries, counted as if the entry being dragged were not there. */
export interface Place {
  sectionId: string;
  index: number;
}

/** What the dragged entry is over: another entry, or a section with no entries (its drop zone). */
export type Target = { kind: "item"; id: string } | { kind: "section"; sectionId: string };

export function layoutOf(sections: readonly DraftSection[]): Layout {
  return sections.map((section) => ({ sectionId: section.id, itemIds: section.items.map((item) => item.id) }));
}

export function placeOf(layout: Layout, itemId: string): Place | null {
  for (const column of layout) {
    const index = column.itemIds.indexOf(itemId);
    if (index >= 0) return { sectionId: column.sectionId, index };
  }
  return null;
}

/** The layout with `itemId` taken out of its section and put at `to`; unchanged if either is unknown. */
export function moveInLayout(layout: Layout, itemId: string, to: Place): Layout {
  if (!placeOf(layout, itemId) || !layout.some((c) => c.sectionId === to.sectionId)) return layout;
  return layout.map((column) => {
    const itemIds = column.itemIds.filter((id) => id !== itemId);
    if (column.sectionId !== to.sectionId)
      return itemIds.length === column.itemIds.length ? column : { ...column, itemIds };
    itemIds.splice(Math.max(0, Math.min(to.index, itemIds.length)), 0, itemId);
    return { ...column, itemIds };
  });
}

/**
 * Where the dragged entry lands when dropped on `target`. Over an entry of its own section it takes that entry's
 * place (the list makes room on the side it comes from); over an entry of another section it goes before that
 * entry, or after it when `after` (the pointer is past the entry's middle, or the keyboard came up from below);
 * over an empty section it goes at the end.
 */
export function placeFor(layout: Layout, activeId: string, target: Target | null, after: boolean): Place | null {
  const current = placeOf(layout, activeId);
  if (!current || !target) return null;
  if (target.kind === "section") {
    const column = layout.find((c) => c.sectionId === target.sectionId);
    if (!column) return null;
    if (column.sectionId === current.sectionId) return current;
    return { sectionId: column.sectionId, index: column.itemIds.length };
  }
  const over = placeOf(layout, target.id);
  if (!over) return null;
  if (over.sectionId === current.sectionId) return over;
  return { sectionId: over.sectionId, index: over.index + (after ? 1 : 0) };
}

/** How many entries the section at `place` has once the dragged entry is in it (for "position 2 of 3"). */
export function countAt(layout: Layout, activeId: string, place: Place): number {
  const column = layout.find((c) => c.sectionId === place.sectionId);
  if (!column) return 0;
  return column.itemIds.filter((id) => id !== activeId).length + 1;
}

/**
 * The one edit that moves `itemId` from where it is in `sections` to `to`, or null when it would not move.
 * Between sections it is the menu's move (which decides what the entry keeps), put at the drop index.
 */
export function dropEdit(sections: readonly DraftSection[], itemId: string, to: Place): Edit | null {
  const from = placeOf(layoutOf(sections), itemId);
  if (!from || !sections.some((s) => s.id === to.sectionId)) return null;
  if (from.sectionId !== to.sectionId) return moveItemToSection(from.sectionId, itemId, to.sectionId, to.index);
  return from.index === to.index ? null : moveItem(from.sectionId, from.index, to.index);
}

/** The sections as the layout shows them while an entry is dragged: the same sections, entries rearranged. */
export function arrange(sections: readonly DraftSection[], layout: Layout | null): readonly DraftSection[] {
  if (!layout) return sections;
  const byId = new Map(sections.flatMap((s) => s.items.map((item) => [item.id, item] as const)));
  const placed = new Set(layout.flatMap((c) => c.itemIds));
  return sections.map((section) => {
    const column = layout.find((c) => c.sectionId === section.id);
    if (!column) return section;
    // An entry added while the drag lasts (a merge from another tab) shows where the draft has it.
    const items = [
      ...column.itemIds.flatMap((id) => byId.get(id) ?? []),
      ...section.items.filter((item) => !placed.has(item.id)),
    ];
    const same = items.length === section.items.length && items.every((item, i) => item === section.items[i]);
    return same ? section : { ...section, items };
  });
}
