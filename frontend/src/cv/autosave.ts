/**
 * Autosave of the editor's draft: a pause in typing sends the whole draft with the version it was made
 * against. A version conflict reloads the newest version and merges the person's pending edits onto it;
 * a network failure keeps the draft and retries. Framework-free so its rules are tested without a browser.
 */
import type { CvInput } from "../gql/graphql";
import { draftToInput, type Draft, type KeptValue } from "./draft";
import { mergeDrafts } from "./merge";
import { adoptReadValues } from "./readBack";
import { UndoHistory } from "./undoHistory";

export type SaveOutcome =
  | {
      kind: "saved";
      version: number;
      /** The CV as the server stored it (dates and links read), to take back what it read. */
      saved?: Draft;
      /** Values kept as typed because they could not be read: marked in their fields, never blocking. */
      kept?: KeptValue[];
    }
  | { kind: "conflict" }
  | { kind: "invalid"; fields: { path: string; message: string }[]; message: string }
  | { kind: "gone" }
  | { kind: "failed"; message: string };

export interface AutosavePorts {
  save(version: number, input: CvInput): Promise<SaveOutcome>;
  loadLatest(): Promise<{ draft: Draft; version: number } | null>;
  /** Whether the field at `path` is being typed in: what the server read is not put into it meanwhile. */
  focused?(path: string): boolean;
}

export type SaveStatus = "saved" | "pending" | "saving" | "invalid" | "retrying" | "gone";

export interface AutosaveState {
  draft: Draft;
  version: number;
  status: SaveStatus;
  fieldErrors: Readonly<Record<string, string>>;
  /** Paths of values kept as typed (a subset of `fieldErrors`): saved, but left off the CV. */
  keptPaths: readonly string[];
  message: string | null;
  /** Set after a conflict was merged, for the person to read; cleared by `dismissNotice`. */
  notice: string | null;
  /** Whether `undo` / `redo` have a step to take (edits of this session). */
  canUndo: boolean;
  canRedo: boolean;
}

export interface AutosaveTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: AutosaveTimers = {
  set: (callback, ms) => window.setTimeout(callback, ms),
  clear: (handle) => window.clearTimeout(handle as number),
};

export class Autosave {
  private state: AutosaveState;
  private base: Draft;
  private sent: Draft;
  private timer: unknown = null;
  private saving: Promise<void> | null = null;
  private conflictsInARow = 0;
  private disposed = false;
  private listeners = new Set<(state: AutosaveState) => void>();

  private lastRead: { saved: Draft; kept: ReadonlySet<string> } | null = null;

  constructor(
    initial: { draft: Draft; version: number; kept?: KeptValue[] },
    private readonly ports: AutosavePorts,
    private readonly delayMs = 800,
    private readonly timers: AutosaveTimers = browserTimers,
    private readonly retryMs = 4000,
    private readonly history = new UndoHistory(),
  ) {
    const kept = initial.kept ?? [];
    this.state = {
      draft: initial.draft,
      version: initial.version,
      status: "saved",
      fieldErrors: Object.fromEntries(kept.map((k) => [k.path, k.message])),
      keptPaths: kept.map((k) => k.path),
      message: null,
      notice: null,
      canUndo: false,
      canRedo: false,
    };
    this.base = initial.draft;
    this.sent = initial.draft;
  }

  get current(): AutosaveState {
    return this.state;
  }

  get dirty(): boolean {
    return this.state.draft !== this.sent || this.saving !== null;
  }

  /** What a crash or a closed tab would lose: the draft, with the saved content it was edited from. */
  unsavedWork(): { base: Draft; draft: Draft; version: number } | null {
    return this.state.draft !== this.sent || this.state.status === "invalid" || this.state.status === "retrying"
      ? { base: this.base, draft: this.state.draft, version: this.state.version }
      : null;
  }

  subscribe(listener: (state: AutosaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  edit(update: (draft: Draft) => Draft): void {
    if (this.state.status === "gone") return;
    const before = this.state.draft;
    const after = update(before);
    if (after === before) return;
    this.history.record(before);
    this.set({ draft: after, status: this.saving ? "saving" : "pending", ...this.steps() });
    this.schedule(this.delayMs);
  }

  /** Takes back the last step of this session's edits (a burst of typing is one step); saved like any edit. */
  undo(): boolean {
    return this.step(this.history.undo(this.state.draft));
  }

  redo(): boolean {
    return this.step(this.history.redo(this.state.draft));
  }

  private step(draft: Draft | null): boolean {
    if (!draft || this.state.status === "gone") return false;
    if (draft === this.sent && !this.saving && this.state.status !== "invalid") {
      // Back to exactly what is stored: nothing to send.
      this.cancelTimer();
      this.set({ draft, status: "saved", ...this.steps() });
      return true;
    }
    this.set({ draft, status: this.saving ? "saving" : "pending", ...this.steps() });
    this.schedule(this.delayMs);
    return true;
  }

  private steps(): { canUndo: boolean; canRedo: boolean } {
    return { canUndo: this.history.canUndo, canRedo: this.history.canRedo };
  }

  /** Save now (leaving the page, restoring a revision, downloading): resolves when the draft is stored. */
  async flush(): Promise<void> {
    this.cancelTimer();
    await this.run();
    if (this.state.draft !== this.sent && this.state.status !== "invalid" && this.state.status !== "gone") {
      await this.run();
    }
  }

  /** Replace the draft with a version saved elsewhere (a restored revision): nothing pending is kept. */
  reset(draft: Draft, version: number): void {
    this.cancelTimer();
    this.base = draft;
    this.sent = draft;
    this.history.clear(); // a restored revision is a new starting point
    this.set({ draft, version, status: "saved", fieldErrors: {}, keptPaths: [], message: null, ...this.steps() });
  }

  /** A field was left: take back what the server read from it ("March 2020" shows as "2020-03"), if nothing
   * was typed since the last save. */
  settle(): void {
    if (!this.lastRead || this.state.draft !== this.sent || this.saving) return;
    const settled = adoptReadValues(this.sent, this.sent, this.lastRead.saved, this.lastRead.kept, (path) =>
      this.ports.focused ? this.ports.focused(path) : false,
    );
    if (settled === this.sent) return;
    this.base = settled;
    this.sent = settled;
    this.set({ draft: settled });
  }

  /** When nothing is pending, take a newer version saved elsewhere (the person comes back to this tab). */
  async refreshIfIdle(): Promise<boolean> {
    if (this.dirty || this.state.status !== "saved") return false;
    let latest: { draft: Draft; version: number } | null;
    try {
      latest = await this.ports.loadLatest();
    } catch {
      return false; // offline: the next save will find out
    }
    if (!latest || latest.version <= this.state.version || this.dirty) return false;
    this.reset(latest.draft, latest.version);
    return true;
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  /** Undo `dispose` (React may unmount and mount the same editor again, as StrictMode does in development). */
  revive(): void {
    this.disposed = false;
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.listeners.clear();
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    if (this.disposed) return;
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    if (this.saving) return this.saving.then(() => this.run());
    if (this.state.draft === this.sent || this.state.status === "gone") return Promise.resolve();
    this.saving = this.saveOnce().finally(() => {
      this.saving = null;
    });
    return this.saving;
  }

  private async saveOnce(): Promise<void> {
    const snapshot = this.state.draft;
    this.set({ status: "saving" });
    let outcome: SaveOutcome;
    try {
      outcome = await this.ports.save(this.state.version, draftToInput(snapshot));
    } catch (error) {
      outcome = { kind: "failed", message: error instanceof Error ? error.message : String(error) };
    }
    const editedMeanwhile = this.state.draft !== snapshot;
    switch (outcome.kind) {
      case "saved": {
        this.conflictsInARow = 0;
        const kept = outcome.kept ?? [];
        const keptPaths = new Set(kept.map((k) => k.path));
        const focused = (path: string) => this.ports.focused?.(path) ?? false;
        this.lastRead = outcome.saved ? { saved: outcome.saved, kept: keptPaths } : null;
        // What the server read ("March 2020" -> "2020-03") counts as sent: taking it back is not a new edit.
        const settled = outcome.saved
          ? adoptReadValues(snapshot, snapshot, outcome.saved, keptPaths, focused)
          : snapshot;
        const draft =
          editedMeanwhile && outcome.saved
            ? adoptReadValues(snapshot, this.state.draft, outcome.saved, keptPaths, focused)
            : editedMeanwhile
              ? this.state.draft
              : settled;
        this.base = settled;
        this.sent = settled;
        this.set({
          draft,
          version: outcome.version,
          status: editedMeanwhile ? "pending" : "saved",
          fieldErrors: Object.fromEntries(kept.map((k) => [k.path, k.message])),
          keptPaths: [...keptPaths],
          message: null,
        });
        if (editedMeanwhile && this.timer === null) this.schedule(this.delayMs);
        return;
      }
      case "invalid":
        // Not retried until the next edit: the same draft would fail the same way.
        this.sent = snapshot;
        this.set({
          status: "invalid",
          fieldErrors: Object.fromEntries(outcome.fields.map((f) => [f.path, f.message])),
          keptPaths: [],
          message: outcome.message,
        });
        if (editedMeanwhile && this.timer === null) this.schedule(this.delayMs);
        return;
      case "gone":
        this.set({ status: "gone", message: "This CV was deleted elsewhere. Your text is still on this page." });
        return;
      case "failed":
        this.set({ status: "retrying", message: "Not saved yet: the server could not be reached. Retrying…" });
        if (this.timer === null) this.schedule(this.retryMs);
        return;
      case "conflict":
        await this.mergeWithLatest();
        return;
    }
  }

  private async mergeWithLatest(): Promise<void> {
    this.conflictsInARow += 1;
    let latest: { draft: Draft; version: number } | null;
    try {
      latest = await this.ports.loadLatest();
    } catch {
      this.set({ status: "retrying", message: "Not saved yet: the server could not be reached. Retrying…" });
      this.schedule(this.retryMs);
      return;
    }
    if (!latest) {
      this.set({ status: "gone", message: "This CV was deleted elsewhere. Your text is still on this page." });
      return;
    }
    const { draft, overlaps } = mergeDrafts(this.base, this.state.draft, latest.draft);
    this.base = latest.draft;
    this.sent = latest.draft;
    if (JSON.stringify(draft) === JSON.stringify(latest.draft)) {
      this.set({ draft: latest.draft, version: latest.version, status: "saved" });
      return;
    }
    const notice =
      overlaps.length > 0
        ? "This CV was also changed in another tab. Your edits were kept; where both changed the same text, " +
          "yours was kept and the other version is in History."
        : "This CV was also changed in another tab. Both sets of changes were combined.";
    this.set({ draft, version: latest.version, status: "pending", notice });
    // A third conflict in a row means someone is saving continuously: slow down rather than spin.
    this.schedule(this.conflictsInARow > 2 ? this.retryMs : 0);
  }

  private set(changes: Partial<AutosaveState>): void {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener(this.state);
  }
}
