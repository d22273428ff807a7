import { describe, expect, it } from "vitest";
import { item, sampleDraft } from "../../cv/testDrafts";
import { describePath, withRejectedUndone, type TailorChange } from "./applyChanges";

const original = sampleDraft();
const tailored = {
  ...original,
  summary: "Analyst with experience in Python.",
  sections: [
    {
      ...original.sections[0]!,
      items: [
        { ...original.sections[0]!.items[0]!, bullets: ["b2", "b1"] },
        { ...original.sections[0]!.items[1]!, visible: false },
      ],
    },
    { ...original.sections[1]!, items: [item("s2", "Tools"), original.sections[1]!.items[0]!] },
  ],
};
const originalWithBullets = {
  ...original,
  sections: [
    {
      ...original.sections[0]!,
      items: [{ ...original.sections[0]!.items[0]!, bullets: ["b1", "b2"] }, original.sections[0]!.items[1]!],
    },
    { ...original.sections[1]!, items: [original.sections[1]!.items[0]!, item("s2", "Tools")] },
  ],
};
const changes: TailorChange[] = [
  { path: "summary", before: "Engineer.", after: "Analyst with experience in Python.", reason: "", sourceItemIds: [] },
  { path: "sections.0.items.0.bullets", before: "b1\nb2", after: "b2\nb1", reason: "", sourceItemIds: ["e1"] },
  { path: "sections.0.items.1.visible", before: "true", after: "false", reason: "", sourceItemIds: ["e2"] },
  {
    path: "sections.1.items",
    before: "Languages, Tools",
    after: "Tools, Languages",
    reason: "",
    sourceItemIds: ["s2", "s1"],
  },
];

describe("withRejectedUndone", () => {
  it("keeps every change when all are accepted", () => {
    expect(withRejectedUndone(tailored, originalWithBullets, changes, [true, true, true, true])).toEqual(tailored);
  });

  it("puts the original value back for each rejected change, found by item id", () => {
    const result = withRejectedUndone(tailored, originalWithBullets, changes, [false, true, false, false]);
    expect(result.summary).toBe("Engineer.");
    expect(result.sections[0]!.items[0]!.bullets).toEqual(["b2", "b1"]);
    expect(result.sections[0]!.items[1]!.visible).toBe(true);
    expect(result.sections[1]!.items.map((i) => i.id)).toEqual(["s1", "s2"]);
  });

  it("names each change in the person's words", () => {
    expect(describePath("sections.0.items.1.visible", original, ["e2"], "false")).toBe("Hide Analyst");
    expect(describePath("sections.1.items", original, ["s2", "s1"])).toBe("Order of Skills");
  });
});
