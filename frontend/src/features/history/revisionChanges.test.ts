import { describe, expect, it } from "vitest";
import { item, sampleDraft } from "../../cv/testDrafts";
import { changesSince } from "./revisionChanges";

describe("changesSince", () => {
  it("finds nothing between a draft and itself", () => {
    expect(changesSince(sampleDraft(), sampleDraft())).toEqual([]);
  });

  it("names each changed part as the person knows it, with the current and the earlier text", () => {
    const then = sampleDraft();
    const now = sampleDraft();
    now.basics.name = "Ada King";
    now.summary = "Engineer and writer.";
    now.sections[0]!.items[0] = { ...now.sections[0]!.items[0]!, bullets: ["Built the engine"], current: true };
    now.design.template = "modern";
    expect(changesSince(then, now)).toEqual([
      { where: "Name", now: "Ada King", then: "Ada Lovelace" },
      { where: "Summary", now: "Engineer and writer.", then: "Engineer." },
      { where: "Experience › Engineer › End", now: "present", then: "" },
      { where: "Experience › Engineer › Bullets", now: "Built the engine", then: "" },
      { where: "Design › Template", now: "modern", then: "classic" },
    ]);
  });

  it("matches sections and entries by id: added, removed, renamed, hidden and reordered parts", () => {
    const then = sampleDraft();
    const now = sampleDraft();
    const experience = now.sections[0]!;
    experience.items = [
      item("e3", "Director", { organization: "Engines Ltd" }),
      experience.items[1]!,
      { ...experience.items[0]!, title: "Lead engineer" },
    ];
    now.sections[1] = { ...now.sections[1]!, visible: false };
    now.sections.reverse();
    const changes = changesSince(then, now);
    expect(changes).toContainEqual({ where: "Experience › Director", now: "Director, Engines Ltd", then: "" });
    expect(changes).toContainEqual({ where: "Experience › Engineer › Title", now: "Lead engineer", then: "Engineer" });
    expect(changes).toContainEqual({
      where: "Experience › Order",
      now: "Analyst · Lead engineer",
      then: "Engineer · Analyst",
    });
    expect(changes).toContainEqual({ where: "Skills", now: "hidden", then: "shown" });
    expect(changes).toContainEqual({ where: "Section order", now: "Skills · Experience", then: "Experience · Skills" });

    const removed = changesSince(sampleDraft(), { ...sampleDraft(), sections: [] });
    expect(removed).toEqual([
      { where: "Section Experience", now: "", then: "Experience\nEngineer\nAnalyst" },
      { where: "Section Skills", now: "", then: "Skills\nLanguages\nPython" },
    ]);
  });
});
