import { describe, expect, it } from "vitest";
import type { Draft } from "../../cv/draft";
import { item, sampleDraft } from "../../cv/testDrafts";
import { arrange, countAt, dropEdit, layoutOf, moveInLayout, placeFor, placeOf } from "./dragBetween";

/** Experience (e1, e2, e3), Projects (p1, p2), Awards (empty). */
function threeSections(): Draft {
  const draft = sampleDraft();
  return {
    ...draft,
    sections: [
      {
        id: "exp",
        kind: "EXPERIENCE",
        title: "Experience",
        visible: true,
        items: [
          item("e1", "Engineer", {
            organization: "Acme",
            startDate: "2020-03",
            bullets: ["Built it"],
            keywords: ["Go"],
          }),
          item("e2", "Analyst"),
          item("e3", "Intern"),
        ],
      },
      {
        id: "pro",
        kind: "PROJECTS",
        title: "Projects",
        visible: true,
        items: [item("p1", "Compiler"), item("p2", "Blog")],
      },
      { id: "awa", kind: "AWARDS", title: "Awards", visible: true, items: [] },
    ],
  };
}

const ids = (draft: Draft) => draft.sections.map((s) => s.items.map((i) => i.id));

describe("moving an entry from section A at index i to section B at index j", () => {
  it("inserts it at the drop index in the other section and keeps every field", () => {
    const draft = threeSections();
    const change = dropEdit(draft.sections, "e1", { sectionId: "pro", index: 1 });
    const after = change!(draft);
    expect(ids(after)).toEqual([["e2", "e3"], ["p1", "e1", "p2"], []]);
    expect(after.sections[1]!.items[1]).toEqual(draft.sections[0]!.items[0]);
  });

  it("puts it first, last, or into an empty section", () => {
    const draft = threeSections();
    expect(ids(dropEdit(draft.sections, "e3", { sectionId: "pro", index: 0 })!(draft))[1]).toEqual(["e3", "p1", "p2"]);
    expect(ids(dropEdit(draft.sections, "e3", { sectionId: "pro", index: 2 })!(draft))[1]).toEqual(["p1", "p2", "e3"]);
    expect(ids(dropEdit(draft.sections, "p2", { sectionId: "awa", index: 0 })!(draft))).toEqual([
      ["e1", "e2", "e3"],
      ["p1"],
      ["p2"],
    ]);
  });

  it("reorders within a section as the list does (the entry takes the place of the one it is dropped on)", () => {
    const draft = threeSections();
    expect(ids(dropEdit(draft.sections, "e1", { sectionId: "exp", index: 2 })!(draft))[0]).toEqual(["e2", "e3", "e1"]);
    expect(ids(dropEdit(draft.sections, "e3", { sectionId: "exp", index: 0 })!(draft))[0]).toEqual(["e3", "e1", "e2"]);
  });

  it("makes no edit for a drop where the entry already is, or for an unknown entry or section", () => {
    const draft = threeSections();
    expect(dropEdit(draft.sections, "e2", { sectionId: "exp", index: 1 })).toBeNull();
    expect(dropEdit(draft.sections, "nope", { sectionId: "pro", index: 0 })).toBeNull();
    expect(dropEdit(draft.sections, "e2", { sectionId: "nope", index: 0 })).toBeNull();
  });
});

describe("the layout while an entry is dragged", () => {
  const layout = layoutOf(threeSections().sections);

  it("moves the entry between sections, clamping the index", () => {
    const moved = moveInLayout(layout, "e2", { sectionId: "awa", index: 5 });
    expect(moved.map((c) => c.itemIds)).toEqual([["e1", "e3"], ["p1", "p2"], ["e2"]]);
    expect(placeOf(moved, "e2")).toEqual({ sectionId: "awa", index: 0 });
    expect(moveInLayout(layout, "e2", { sectionId: "nope", index: 0 })).toBe(layout);
  });

  it("places an entry over another section's entry before it, or after it from below", () => {
    expect(placeFor(layout, "e1", { kind: "item", id: "p2" }, false)).toEqual({ sectionId: "pro", index: 1 });
    expect(placeFor(layout, "e1", { kind: "item", id: "p2" }, true)).toEqual({ sectionId: "pro", index: 2 });
  });

  it("places an entry over one of its own section at that entry's index, and over an empty section at its end", () => {
    expect(placeFor(layout, "e1", { kind: "item", id: "e3" }, true)).toEqual({ sectionId: "exp", index: 2 });
    expect(placeFor(layout, "p1", { kind: "section", sectionId: "awa" }, false)).toEqual({
      sectionId: "awa",
      index: 0,
    });
    expect(placeFor(layout, "p1", null, false)).toBeNull();
  });

  it("counts the entries of the target section with the dragged one in it", () => {
    expect(countAt(layout, "e1", { sectionId: "pro", index: 1 })).toBe(3);
    expect(countAt(layout, "e1", { sectionId: "exp", index: 2 })).toBe(3);
    expect(countAt(layout, "e1", { sectionId: "awa", index: 0 })).toBe(1);
  });

  it("shows the sections as the layout arranges them, and the draft's own where the layout is silent", () => {
    const draft = threeSections();
    const moved = moveInLayout(layout, "e1", { sectionId: "pro", index: 0 });
    const shown = arrange(draft.sections, moved);
    expect(shown.map((s) => s.items.map((i) => i.id))).toEqual([["e2", "e3"], ["e1", "p1", "p2"], []]);
    expect(shown[2]).toBe(draft.sections[2]);
    expect(arrange(draft.sections, null)).toBe(draft.sections);
    const added = { ...draft.sections[2]!, items: [item("a1", "Prize")] };
    expect(arrange([...draft.sections.slice(0, 2), added], moved)[2]!.items.map((i) => i.id)).toEqual(["a1"]);
  });
});
