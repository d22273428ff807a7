import { describe, expect, it } from "vitest";
import { Autosave, type AutosaveTimers, type SaveOutcome } from "./autosave";
import type { Draft } from "./draft";
import { sampleDraft } from "./testDrafts";
import { UndoHistory } from "./undoHistory";

const named = (name: string): Draft => ({ ...sampleDraft(), basics: { ...sampleDraft().basics, name } });

describe("UndoHistory", () => {
  it("makes a burst of typing one step, and a pause starts the next", () => {
    let now = 0;
    const history = new UndoHistory(1000, 200, () => now);
    const drafts = ["", "A", "Ad", "Ada"].map(named);
    history.record(drafts[0]); // "A"
    now = 300;
    history.record(drafts[1]); // "Ad"
    now = 2000;
    history.record(drafts[2]); // "Ada", after a pause
    expect(history.undo(drafts[3])).toBe(drafts[2]);
    expect(history.undo(drafts[2])).toBe(drafts[0]); // "A" and "Ad" were one step
    expect(history.undo(drafts[0])).toBeNull();
    expect(history.redo(drafts[0])).toBe(drafts[2]);
    expect(history.redo(drafts[2])).toBe(drafts[3]);
    expect(history.canRedo).toBe(false);
  });

  it("a new edit after undoing drops what could be redone", () => {
    const history = new UndoHistory(0);
    history.record(named("a"));
    history.undo(named("b"));
    expect(history.canRedo).toBe(true);
    history.record(named("a"));
    expect(history.canRedo).toBe(false);
  });
});

describe("Autosave undo and redo", () => {
  it("are edits like any other: they save, and a restored revision starts afresh", async () => {
    const pending: (() => void)[] = [];
    const timers: AutosaveTimers = { set: (cb) => pending.push(cb), clear: () => undefined };
    const fire = async () => {
      for (const cb of pending.splice(0)) cb();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    };
    const saved: string[] = [];
    let version = 1;
    const ports = {
      async save(_v: number, input: { basics?: { name?: string | null } | null }): Promise<SaveOutcome> {
        saved.push(input.basics?.name ?? "");
        version += 1;
        return { kind: "saved", version };
      },
      async loadLatest() {
        return null;
      },
    };
    const autosave = new Autosave({ draft: named("Ada"), version: 1 }, ports, 800, timers, 4000, new UndoHistory(0));
    autosave.edit((d) => ({ ...d, basics: { ...d.basics, name: "Ada L" } }));
    await fire();
    expect(autosave.current.canUndo).toBe(true);
    expect(autosave.undo()).toBe(true);
    expect(autosave.current.draft.basics.name).toBe("Ada");
    expect(autosave.current.canRedo).toBe(true);
    await fire();
    expect(saved).toEqual(["Ada L", "Ada"]);
    expect(autosave.redo()).toBe(true);
    expect(autosave.current.draft.basics.name).toBe("Ada L");
    autosave.reset(named("Restored"), 9);
    expect(autosave.current).toMatchObject({ canUndo: false, canRedo: false });
    expect(autosave.undo()).toBe(false);
  });
});

describe("Autosave undo back to what is stored", () => {
  it("is saved at once, with nothing to send", async () => {
    const timers: AutosaveTimers = { set: () => 0, clear: () => undefined };
    const ports = {
      async save(): Promise<SaveOutcome> {
        throw new Error("nothing should be sent");
      },
      async loadLatest() {
        return null;
      },
    };
    const autosave = new Autosave({ draft: named("Ada"), version: 1 }, ports, 800, timers, 4000, new UndoHistory(0));
    autosave.edit((d) => ({ ...d, summary: "typed" }));
    expect(autosave.current.status).toBe("pending");
    autosave.undo();
    expect(autosave.current.status).toBe("saved");
    expect(autosave.dirty).toBe(false);
  });
});
