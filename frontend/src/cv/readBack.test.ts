import { describe, expect, it } from "vitest";
import { Autosave, type AutosaveTimers, type SaveOutcome } from "./autosave";
import type { Draft } from "./draft";
import { adoptReadValues } from "./readBack";
import { item, sampleDraft } from "./testDrafts";

function withDates(draft: Draft, start: string, end: string): Draft {
  const [experience, ...rest] = draft.sections;
  const [first, ...others] = experience.items;
  return {
    ...draft,
    sections: [{ ...experience, items: [{ ...first, startDate: start, endDate: end }, ...others] }, ...rest],
  };
}

describe("adoptReadValues", () => {
  const sent = withDates(sampleDraft(), "March 2020", "present");
  const saved = (() => {
    const read = withDates(sampleDraft(), "2020-03", "");
    read.sections[0].items[0].current = true;
    return read;
  })();

  it("takes what the server read where nothing was typed since", () => {
    const taken = adoptReadValues(sent, sent, saved, new Set());
    expect(taken.sections[0].items[0]).toMatchObject({ startDate: "2020-03", endDate: "", current: true });
    expect(taken.sections[1]).toBe(sent.sections[1]); // untouched parts keep their identity
  });

  it("never touches a field typed in since, a focused field, or a value kept as typed", () => {
    const typedSince = withDates(sent, "March 2020 ", "present");
    expect(adoptReadValues(sent, typedSince, saved, new Set()).sections[0].items[0].startDate).toBe("March 2020 ");
    const focused = adoptReadValues(sent, sent, saved, new Set(), (p) => p === "sections.0.items.0.endDate");
    expect(focused.sections[0].items[0]).toMatchObject({ startDate: "2020-03", endDate: "present", current: false });
    const kept = adoptReadValues(sent, sent, saved, new Set(["sections.0.items.0.startDate"]));
    expect(kept.sections[0].items[0].startDate).toBe("March 2020");
  });

  it("returns the same draft when the server read everything as sent", () => {
    expect(adoptReadValues(sent, sent, sent, new Set())).toBe(sent);
  });

  it("takes links and emails as read", () => {
    const typed: Draft = {
      ...sampleDraft(),
      basics: { ...sampleDraft().basics, email: " a@b.co", links: [{ label: "Site", url: "example.org" }] },
    };
    const read: Draft = {
      ...typed,
      basics: { ...typed.basics, email: "a@b.co", links: [{ label: "Site", url: "https://example.org" }] },
    };
    const taken = adoptReadValues(typed, typed, read, new Set());
    expect(taken.basics).toMatchObject({ email: "a@b.co", links: [{ url: "https://example.org" }] });
  });
});

describe("Autosave with values the server read or kept", () => {
  const timers = () => {
    const pending: (() => void)[] = [];
    const t: AutosaveTimers = { set: (cb) => pending.push(cb), clear: () => undefined };
    const fire = async () => {
      for (const cb of pending.splice(0)) cb();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    };
    return { t, fire };
  };

  it("marks kept values without blocking, and shows what was read without saving again", async () => {
    const saves: unknown[] = [];
    const ports = {
      async save(): Promise<SaveOutcome> {
        saves.push(1);
        const read = withDates(sampleDraft(), "2020-03", "");
        read.sections[0].items[1] = item("e2", "Analyst", { startDate: "" });
        return {
          kind: "saved",
          version: 2,
          saved: read,
          kept: [{ path: "sections.0.items.1.startDate", message: "must be a date like 2021-03" }],
        };
      },
      async loadLatest() {
        return null;
      },
    };
    const clock = timers();
    const autosave = new Autosave({ draft: sampleDraft(), version: 1 }, ports, 800, clock.t);
    autosave.edit((d) => {
      const next = withDates(d, "March 2020", "");
      next.sections[0].items[1] = { ...next.sections[0].items[1], startDate: "last spring" };
      return next;
    });
    await clock.fire();
    const state = autosave.current;
    expect(state.status).toBe("saved");
    expect(state.keptPaths).toEqual(["sections.0.items.1.startDate"]);
    expect(state.fieldErrors["sections.0.items.1.startDate"]).toMatch(/date/);
    expect(state.draft.sections[0].items[0].startDate).toBe("2020-03");
    expect(state.draft.sections[0].items[1].startDate).toBe("last spring");
    expect(autosave.dirty).toBe(false); // taking back what was read is not a new edit
    await clock.fire();
    expect(saves).toHaveLength(1);
  });
});
