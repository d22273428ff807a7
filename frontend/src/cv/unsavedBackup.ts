/**
 * A copy of unsaved edits in localStorage, so text typed while offline survives a closed tab or a crash.
 * Kept with the saved content it was edited from, so it can later be merged onto whatever is current.
 */
import type { Draft } from "./draft";

export interface UnsavedWork {
  base: Draft;
  draft: Draft;
  version: number;
  savedAt: number;
}

const key = (cvId: string) => `cvmaker.unsaved.${cvId}`;

export function keepUnsaved(
  cvId: string,
  work: Omit<UnsavedWork, "savedAt"> | null,
  storage: Storage = window.localStorage,
): void {
  try {
    if (work) storage.setItem(key(cvId), JSON.stringify({ ...work, savedAt: Date.now() }));
    else storage.removeItem(key(cvId));
  } catch {
    // Storage full or disabled: the server copy and the live page still hold the text.
  }
}

export function readUnsaved(cvId: string, storage: Storage = window.localStorage): UnsavedWork | null {
  try {
    const raw = storage.getItem(key(cvId));
    return raw ? (JSON.parse(raw) as UnsavedWork) : null;
  } catch {
    return null;
  }
}
