/**
 * Undo and redo of the edits of this session (Ctrl+Z, Ctrl+Shift+Z), apart from the saved history: each step
 * is a whole draft, and a burst of typing (edits less than `groupMs` apart) is one step, as in a text editor.
 */
import type { Draft } from "./draft";

export class UndoHistory {
  private past: Draft[] = [];
  private future: Draft[] = [];
  private lastEdit = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly groupMs = 1000,
    private readonly limit = 200,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** An edit changed `before` into something else: `before` is a step back, unless this edit continues a burst. */
  record(before: Draft): void {
    const at = this.now();
    if (at - this.lastEdit > this.groupMs || this.past.length === 0) {
      this.past.push(before);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.lastEdit = at;
    this.future = [];
  }

  /** The draft before the last step (and `current` becomes redoable), or null when there is nothing to undo. */
  undo(current: Draft): Draft | null {
    const previous = this.past.pop();
    if (!previous) return null;
    this.future.push(current);
    this.lastEdit = Number.NEGATIVE_INFINITY; // the next edit starts a new step
    return previous;
  }

  redo(current: Draft): Draft | null {
    const next = this.future.pop();
    if (!next) return null;
    this.past.push(current);
    this.lastEdit = Number.NEGATIVE_INFINITY;
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.lastEdit = Number.NEGATIVE_INFINITY;
  }
}
