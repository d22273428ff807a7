/** Pure updates of a draft, one per thing the person can do in the editor. */
import type { SectionKind } from "../gql/graphql";
import { emptyItem, emptySection, moveInList, type Draft, type DraftItem, type DraftSection } from "./draft";

export type Edit = (draft: Draft) => Draft;

export const setSection =
  (sectionId: string, change: (section: DraftSection) => DraftSection): Edit =>
  (draft) => ({ ...draft, sections: draft.sections.map((s) => (s.id === sectionId ? change(s) : s)) });

export const setItem = (sectionId: string, itemId: string, change: (item: DraftItem) => DraftItem): Edit =>
  setSection(sectionId, (section) => ({
    ...section,
    items: section.items.map((item) => (item.id === itemId ? change(item) : item)),
  }));

export const addSection =
  (kind: SectionKind): Edit =>
  (draft) => ({ ...draft, sections: [...draft.sections, { ...emptySection(kind), items: [emptyItem()] }] });

export const insertSection =
  (section: DraftSection, index: number): Edit =>
  (draft) => {
    const sections = [...draft.sections];
    sections.splice(Math.min(index, sections.length), 0, section);
    return { ...draft, sections };
  };

export const removeSection =
  (sectionId: string): Edit =>
  (draft) => ({ ...draft, sections: draft.sections.filter((s) => s.id !== sectionId) });

export const moveSection =
  (from: number, to: number): Edit =>
  (draft) => ({ ...draft, sections: moveInList(draft.sections, from, to) });

export const addItem = (sectionId: string, item: DraftItem = emptyItem()): Edit =>
  setSection(sectionId, (section) => ({ ...section, items: [...section.items, item] }));

function insertAt<T>(list: readonly T[], value: T, index: number): T[] {
  const result = [...list];
  result.splice(Math.max(0, Math.min(index, result.length)), 0, value);
  return result;
}

export const insertItem = (sectionId: string, item: DraftItem, index: number): Edit =>
  setSection(sectionId, (section) => ({ ...section, items: insertAt(section.items, item, index) }));

export const removeItem = (sectionId: string, itemId: string): Edit =>
  setSection(sectionId, (section) => ({ ...section, items: section.items.filter((i) => i.id !== itemId) }));

export const moveItem = (sectionId: string, from: number, to: number): Edit =>
  setSection(sectionId, (section) => ({ ...section, items: moveInList(section.items, from, to) }));

/** Moves an entry to another section (fixing an import that put it in the wrong one): at `index` (where it was
 * dropped), or at the end. */
export const moveItemToSection =
  (fromSectionId: string, itemId: string, toSectionId: string, index?: number): Edit =>
  (draft) => {
    const moving = draft.sections.find((s) => s.id === fromSectionId)?.items.find((i) => i.id === itemId);
    if (!moving || fromSectionId === toSectionId || !draft.sections.some((s) => s.id === toSectionId)) return draft;
    return {
      ...draft,
      sections: draft.sections.map((section) =>
        section.id === fromSectionId
          ? { ...section, items: section.items.filter((i) => i.id !== itemId) }
          : section.id === toSectionId
            ? { ...section, items: insertAt(section.items, moving, index ?? section.items.length) }
            : section,
      ),
    };
  };
