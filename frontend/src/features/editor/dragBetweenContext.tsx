/**
 * One drag context for the Content tab: sections reorder among themselves by their handles, and entries move
 * within a section or into another one (an empty one too) by pointer, touch or keyboard, with spoken
 * announcements that name the section and the position. While an entry is dragged the sections show it where it
 * would land (a layout in local state); the drop commits one edit.
 */
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  pointerWithin,
  TouchSensor,
  useDndContext,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type Modifier,
  type Over,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import type { DraftSection } from "../../cv/draft";
import { moveSection, type Edit } from "../../cv/edits";
import {
  arrange,
  countAt,
  dropEdit,
  type Layout,
  layoutOf,
  moveInLayout,
  type Place,
  placeFor,
  placeOf,
  type Target,
} from "./dragBetween";
import { itemName } from "./ItemCard";
import { dropData } from "./sortable";

const once = { once: true, capture: true } as const;

const kindOf = (active: Active) => dropData(active.data.current)?.kind;

/** An entry goes among entries and into empty sections; a section among sections. */
const fitsDragged = (kind: string | undefined, over: Record<string, unknown> | undefined) => {
  const data = dropData(over);
  return kind === "section" ? data?.kind === "section" : data?.kind === "item" || data?.kind === "zone";
};

/** What is under the pointer (for the mouse and touch), else the nearest centre (for the keyboard). */
const nearest: CollisionDetection = (args) => {
  const kind = kindOf(args.active);
  const fitting = {
    ...args,
    droppableContainers: args.droppableContainers.filter((c) => fitsDragged(kind, c.data.current)),
  };
  const under = pointerWithin(fitting);
  return under.length > 0 ? under : closestCenter(fitting);
};

function targetOf(over: Over | null): Target | null {
  const data = dropData(over?.data.current);
  if (!over || !data) return null;
  if (data.kind === "zone") return { kind: "section", sectionId: data.sectionId };
  return data.kind === "item" ? { kind: "item", id: String(over.id) } : null;
}

interface DragBetweenSectionsProps {
  /** The draft's sections; what is rendered is `children(shown)`, the same sections as the drag arranges them. */
  sections: readonly DraftSection[];
  edit: (e: Edit) => void;
  children: (shown: readonly DraftSection[]) => ReactNode;
}

export function DragBetweenSections({ sections, edit, children }: DragBetweenSectionsProps) {
  // Moved into another section by a key, the entry sits in its new place until the next key: the keyboard
  // sensor's coordinates still count from its old place, so the offset they give is dropped meanwhile (the
  // collision rectangle, and so the next key's search, start from where the entry is seen).
  const settled = useRef(false);
  // Just moved into another section, the entry is over itself until the next move of the pointer or key: the
  // lists are measured again meanwhile, and by the old measures the entry it was put beside could be taken for a
  // sort target (which would swap the two) or the section it left for where it goes (and back, and again).
  const changedSection = useRef(false);
  const release = useCallback(() => {
    changedSection.current = false;
  }, []);
  const keyboardCoordinates = useCallback<KeyboardCoordinateGetter>((event, args) => {
    // Where the entry is now (its place in its new section, measured again), not where it was picked up.
    const slot = settled.current ? args.context.droppableRects.get(args.active) : undefined;
    const next = sortableKeyboardCoordinates(
      event,
      slot ? { ...args, context: { ...args.context, collisionRect: slot } } : args,
    );
    if (next) {
      settled.current = false;
      changedSection.current = false;
    }
    return next;
  }, []);
  const settle = useCallback<Modifier>(
    ({ transform }) => (settled.current ? { ...transform, x: 0, y: 0 } : transform),
    [],
  );
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );
  const [layout, setLayoutState] = useState<Layout | null>(null);
  // The handlers run before the announcements of the same event, and both before the next render: they share
  // the layout of the moment and the place the handler worked out.
  const layoutNow = useRef<Layout | null>(null);
  const setLayout = (next: Layout | null) => {
    layoutNow.current = next;
    setLayoutState(next);
  };
  const currentLayout = () => layoutNow.current ?? layoutOf(sections);
  const shown = arrange(sections, layout);
  const placeNow = useRef<Place | null>(null);
  // The last place announced, so a drag that stays put is not announced again.
  const spokenPlace = useRef("");
  const collisionDetection: CollisionDetection = (args) =>
    changedSection.current ? [{ id: args.active.id }] : nearest(args);

  const sectionIds = sections.map((s) => s.id);
  const sectionTitle = (id: UniqueIdentifier) => sections.find((s) => s.id === String(id))?.title || "Untitled section";
  const sectionPosition = (id: UniqueIdentifier) =>
    `position ${sectionIds.indexOf(String(id)) + 1} of ${sectionIds.length}`;
  const entryName = (id: UniqueIdentifier) => {
    const item = sections.flatMap((s) => s.items).find((i) => i.id === String(id));
    return item ? itemName(item) : "entry";
  };
  const where = (active: Active, place: Place) =>
    `${sectionTitle(place.sectionId)}, position ${place.index + 1} of ${countAt(currentLayout(), String(active.id), place)}`;

  /** Below the entry it is over: past its middle with the pointer, or come up from a later section by keys. */
  const after = (current: Layout, active: Active, over: Over, byKeyboard: boolean): boolean => {
    if (byKeyboard) {
      const from = current.findIndex((c) => c.itemIds.includes(String(active.id)));
      const to = current.findIndex((c) => c.itemIds.includes(String(over.id)));
      return to < from;
    }
    const moved = active.rect.current.translated;
    return moved !== null && moved.top + moved.height / 2 > over.rect.top + over.rect.height / 2;
  };
  const placeOver = (active: Active, over: Over | null, activator: Event | null): Place | null => {
    const current = currentLayout();
    const below = over !== null && after(current, active, over, activator instanceof KeyboardEvent);
    return placeFor(current, String(active.id), targetOf(over), below);
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      if (kindOf(active) === "section")
        return `Picked up section ${sectionTitle(active.id)}, ${sectionPosition(active.id)}.`;
      const place = placeOf(currentLayout(), String(active.id));
      if (!place) return undefined;
      spokenPlace.current = `${entryName(active.id)} is in ${where(active, place)}.`;
      return `Picked up ${entryName(active.id)}, in ${where(active, place)}.`;
    },
    onDragOver: ({ active, over }) => {
      if (kindOf(active) === "section")
        return over ? `Section ${sectionTitle(active.id)} is over ${sectionPosition(over.id)}.` : undefined;
      const words = placeNow.current ? `${entryName(active.id)} is in ${where(active, placeNow.current)}.` : "";
      if (!words || words === spokenPlace.current) return undefined;
      spokenPlace.current = words;
      return words;
    },
    onDragEnd: ({ active, over }) => {
      if (kindOf(active) === "section")
        return over
          ? `Dropped section ${sectionTitle(active.id)} at ${sectionPosition(over.id)}.`
          : `Dropped section ${sectionTitle(active.id)}.`;
      const place = placeNow.current;
      return place ? `Dropped ${entryName(active.id)} in ${where(active, place)}.` : `Dropped ${entryName(active.id)}.`;
    },
    onDragCancel: ({ active }) =>
      `Moving ${kindOf(active) === "section" ? `section ${sectionTitle(active.id)}` : entryName(active.id)} was cancelled.`,
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    settled.current = false;
    if (kindOf(active) === "item") setLayout(layoutOf(sections));
  };
  const stop = () => setLayout(null);

  const onDragOver = ({ active, over, activatorEvent }: DragOverEvent) => {
    if (kindOf(active) !== "item") return;
    const current = currentLayout();
    const from = placeOf(current, String(active.id));
    const to = placeOver(active, over, activatorEvent);
    placeNow.current = to;
    // Within its own section the sortable list makes room; only a change of section moves it in the layout.
    if (!from || !to || to.sectionId === from.sectionId) return;
    changedSection.current = true;
    settled.current = activatorEvent instanceof KeyboardEvent;
    // The next key clears it in `keyboardCoordinates`; the pointer's next move here.
    if (!settled.current) for (const type of ["pointermove", "touchmove"]) window.addEventListener(type, release, once);
    setLayout(moveInLayout(current, String(active.id), to));
  };

  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    if (kindOf(active) === "section") {
      if (over && active.id !== over.id)
        edit(moveSection(sectionIds.indexOf(String(active.id)), sectionIds.indexOf(String(over.id))));
      return;
    }
    // Let go away from every entry, it stays where it was last shown.
    const to = over ? placeOver(active, over, activatorEvent) : placeOf(currentLayout(), String(active.id));
    placeNow.current = to;
    stop();
    const change = to ? dropEdit(sections, String(active.id), to) : null;
    if (change) edit(change);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      // Entries change section while dragged: every droppable is measured again as the lists change.
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      modifiers={[settle]}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={stop}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            "To move, press Space to pick up, use the arrow keys to move, also into another section, Space again to drop, or Escape to cancel.",
        },
      }}
    >
      <SortableContext items={sectionIds} strategy={verticalListSortingStrategy}>
        {children(shown)}
      </SortableContext>
      <MeasureAfterMove layout={layout} />
    </DndContext>
  );
}

/**
 * dnd-kit measures the drop targets when they register and when the pointer moves; an entry moved into another
 * section shifts every entry after it without either (a key press moves nothing until the next one), so they
 * are measured again once the moved layout is on the page.
 */
function MeasureAfterMove({ layout }: { layout: Layout | null }) {
  const { measureDroppableContainers, droppableContainers } = useDndContext();
  const measure = useRef({ measureDroppableContainers, droppableContainers });
  measure.current = { measureDroppableContainers, droppableContainers };
  useEffect(() => {
    if (!layout) return;
    measure.current.measureDroppableContainers([...measure.current.droppableContainers.keys()]);
  }, [layout]);
  return null;
}
