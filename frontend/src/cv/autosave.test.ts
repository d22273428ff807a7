import { describe, expect, it } from "vitest";
import type { CvInput } from "../gql/graphql";
import { Autosave, type AutosaveTimers, type SaveOutcome } from "./autosave";
import type { Draft } from "./draft";
import { sampleDraft } from "./testDrafts";

/** Timers run by hand, so each test decides when a pause in typing has happened. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timers: AutosaveTimers = {
    set(callback) {
      pending.set(next, callback);
      return next++;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  const fire = async () => {
    const callbacks = [...pending.values()];
    pending.clear();
    for (const callback of callbacks) callback();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { timers, fire, count: () => pending.size };
}

/** A fake server holding one CV with a version check, like the real updateCv. */
function fakeServer(initial: Draft) {
  const state = {
    version: 1,
    input: null as CvInput | null,
    latest: initial,
    saves: [] as { version: number; input: CvInput }[],
    offline: false,
  };
  return {
    state,
    ports: {
      async save(version: number, input: CvInput): Promise<SaveOutcome> {
        if (state.offline) throw new TypeError("Failed to fetch");
        if (version !== state.version) return { kind: "conflict" };
        if (input.basics?.email === "not-an-email") {
          return {
            kind: "invalid",
            message: "Invalid",
            fields: [{ path: "basics.email", message: "must be an email address" }],
          };
        }
        state.version += 1;
        state.saves.push({ version, input });
        return { kind: "saved", version: state.version };
      },
      async loadLatest() {
        return { draft: state.latest, version: state.version };
      },
    },
  };
}

describe("Autosave", () => {
  it("saves once after a pause in typing, naming the version it edits", async () => {
    const server = fakeServer(sampleDraft());
    const clock = manualTimers();
    const autosave = new Autosave({ draft: sampleDraft(), version: 1 }, server.ports, 800, clock.timers);
    for (const name of ["A", "Ad", "Ada"]) autosave.edit((d) => ({ ...d, basics: { ...d.basics, name } }));
    expect(autosave.current.status).toBe("pending");
    await clock.fire();
    expect(server.state.saves).toHaveLength(1);
    expect(server.state.saves[0]).toMatchObject({ version: 1, input: { basics: { name: "Ada" } } });
    expect(autosave.current).toMatchObject({ status: "saved", version: 2 });
  });

  it("after a conflict, merges onto the newest version and saves again without losing typed text", async () => {
    const start = sampleDraft();
    const server = fakeServer(start);
    const clock = manualTimers();
    const autosave = new Autosave({ draft: start, version: 1 }, server.ports, 800, clock.timers);
    // Another tab saves a new headline first.
    server.state.version = 2;
    server.state.latest = { ...start, basics: { ...start.basics, headline: "Lead analyst" } };
    autosave.edit((d) => ({ ...d, summary: "Text typed in this tab." }));
    await clock.fire(); // conflict, merge
    await clock.fire(); // immediate re-save of the merged draft
    expect(server.state.saves).toHaveLength(1);
    expect(server.state.saves[0]!.version).toBe(2);
    expect(server.state.saves[0]!.input).toMatchObject({
      summary: "Text typed in this tab.",
      basics: { headline: "Lead analyst" },
    });
    expect(autosave.current.notice).toMatch(/another tab/);
    expect(autosave.current.status).toBe("saved");
  });

  it("shows the server's field problems and keeps the draft", async () => {
    const server = fakeServer(sampleDraft());
    const clock = manualTimers();
    const autosave = new Autosave({ draft: sampleDraft(), version: 1 }, server.ports, 800, clock.timers);
    autosave.edit((d) => ({ ...d, basics: { ...d.basics, email: "not-an-email" } }));
    await clock.fire();
    expect(autosave.current.status).toBe("invalid");
    expect(autosave.current.fieldErrors).toEqual({ "basics.email": "must be an email address" });
    expect(autosave.current.draft.basics.email).toBe("not-an-email");
    expect(clock.count()).toBe(0); // the same draft is not retried
    autosave.edit((d) => ({ ...d, basics: { ...d.basics, email: "ada@example.com" } }));
    await clock.fire();
    expect(autosave.current).toMatchObject({ status: "saved", fieldErrors: {} });
  });

  it("retries after a network failure, and the typed text survives", async () => {
    const server = fakeServer(sampleDraft());
    const clock = manualTimers();
    const autosave = new Autosave({ draft: sampleDraft(), version: 1 }, server.ports, 800, clock.timers);
    server.state.offline = true;
    autosave.edit((d) => ({ ...d, summary: "Written on a train." }));
    await clock.fire();
    expect(autosave.current.status).toBe("retrying");
    server.state.offline = false;
    await clock.fire();
    expect(autosave.current.status).toBe("saved");
    expect(server.state.saves[0]!.input.summary).toBe("Written on a train.");
  });

  it("flush saves at once, for leaving the page or restoring a revision", async () => {
    const server = fakeServer(sampleDraft());
    const autosave = new Autosave({ draft: sampleDraft(), version: 1 }, server.ports, 800, manualTimers().timers);
    autosave.edit((d) => ({ ...d, title: "Renamed" }));
    await autosave.flush();
    expect(server.state.saves.map((s) => s.input.title)).toEqual(["Renamed"]);
    expect(autosave.dirty).toBe(false);
  });
});

describe("Autosave.refreshIfIdle", () => {
  it("takes a newer version saved in another tab when nothing is pending here", async () => {
    const start = sampleDraft();
    const server = fakeServer(start);
    const autosave = new Autosave({ draft: start, version: 1 }, server.ports, 800, manualTimers().timers);
    server.state.version = 2;
    server.state.latest = { ...start, summary: "From the other tab." };
    expect(await autosave.refreshIfIdle()).toBe(true);
    expect(autosave.current).toMatchObject({ version: 2, status: "saved", draft: { summary: "From the other tab." } });
  });

  it("leaves pending edits alone: they are merged at the next save instead", async () => {
    const start = sampleDraft();
    const server = fakeServer(start);
    const autosave = new Autosave({ draft: start, version: 1 }, server.ports, 800, manualTimers().timers);
    server.state.version = 2;
    autosave.edit((d) => ({ ...d, summary: "Typing here." }));
    expect(await autosave.refreshIfIdle()).toBe(false);
    expect(autosave.current.draft.summary).toBe("Typing here.");
  });
});
