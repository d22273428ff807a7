import { describe, expect, it } from "vitest";
import { addSection, moveSection, removeItem, setItem } from "./edits";
import { mergeDrafts } from "./merge";
import { item, sampleDraft } from "./testDrafts";

describe("mergeDrafts", () => {
  it("keeps my edit and their edit when they touch different fields", () => {
    const base = sampleDraft();
    const mine = { ...base, summary: "Engineer who ships." };
    const theirs = { ...base, basics: { ...base.basics, headline: "Lead analyst" } };
    const { draft, overlaps } = mergeDrafts(base, mine, theirs);
    expect(draft.summary).toBe("Engineer who ships.");
    expect(draft.basics.headline).toBe("Lead analyst");
    expect(overlaps).toEqual([]);
  });

  it("keeps my text where both changed the same field, and says so", () => {
    const base = sampleDraft();
    const mine = { ...base, summary: "Mine." };
    const theirs = { ...base, summary: "Theirs." };
    const { draft, overlaps } = mergeDrafts(base, mine, theirs);
    expect(draft.summary).toBe("Mine.");
    expect(overlaps).toEqual(["summary"]);
  });

  it("merges items by id: my new item, their edited item, my removal", () => {
    const base = sampleDraft();
    let mine = setItem("exp", "e1", (i) => ({ ...i, bullets: ["Built the engine"] }))(base);
    mine = removeItem("exp", "e2")(mine);
    mine = setItem("ski", "s1", (i) => i)(mine);
    mine = {
      ...mine,
      sections: mine.sections.map((s) => (s.id === "ski" ? { ...s, items: [...s.items, item("s2", "Tools")] } : s)),
    };
    const theirs = setItem("exp", "e1", (i) => ({ ...i, organization: "Analytical Engines" }))(base);
    const { draft } = mergeDrafts(base, mine, theirs);
    const experience = draft.sections.find((s) => s.id === "exp")!;
    expect(experience.items.map((i) => i.id)).toEqual(["e1"]);
    expect(experience.items[0]).toMatchObject({ bullets: ["Built the engine"], organization: "Analytical Engines" });
    expect(draft.sections.find((s) => s.id === "ski")!.items.map((i) => i.id)).toEqual(["s1", "s2"]);
  });

  it("never drops an item I edited that the other side deleted", () => {
    const base = sampleDraft();
    const mine = setItem("exp", "e2", (i) => ({ ...i, description: "Important text" }))(base);
    const theirs = removeItem("exp", "e2")(base);
    const { draft } = mergeDrafts(base, mine, theirs);
    expect(draft.sections[0]!.items.find((i) => i.id === "e2")?.description).toBe("Important text");
  });

  it("takes their new section and my reordering together", () => {
    const base = sampleDraft();
    const mine = moveSection(1, 0)(base);
    const theirs = addSection("PROJECTS")(base);
    const { draft } = mergeDrafts(base, mine, theirs);
    expect(draft.sections.map((s) => s.kind)).toEqual(["SKILLS", "EXPERIENCE", "PROJECTS"]);
  });
});
