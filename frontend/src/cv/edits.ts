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

export const insertItem = (sectionId: string, item: DraftItem, index: number): Edit =>
  setSection(sectionId, (section) => {
    const items = [...section.items];
    items.splice(Math.min(index, items.length), 0, item);
    return { ...section, items };
  });

export const removeItem = (sectionId: string, itemId: string): Edit =>
  setSection(sectionId, (section) => ({ ...section, items: section.items.filter((i) => i.id !== itemId) }));

export const moveItem = (sectionId: string, from: number, to: number): Edit =>
  setSection(sectionId, (section) => ({ ...section, items: moveInList(section.items, from, to) }));

/** Moves an entry to the end of another section (fixing an import that put it in the wrong one). */
export const moveItemToSection =
  (fromSectionId: string, itemId: string, toSectionId: string): Edit =>
  (draft) => {
    const moving = draft.sections.find((s) => s.id === fromSectionId)?.items.find((i) => i.id === itemId);
    if (!moving || fromSectionId === toSectionId || !draft.sections.some((s) => s.id === toSectionId)) return draft;
    return {
      ...draft,
      sections: draft.sections.map((section) =>
        section.id === fromSectionId
          ? { ...section, items: section.items.filter((i) => i.id !== itemId) }
          : section.id === toSectionId
            ? { ...section, items: [...section.items, moving] }
            : section,
      ),
    };
  };
