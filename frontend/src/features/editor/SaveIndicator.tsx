import type { AutosaveState } from "../../cv/autosave";

const WORDS: Record<AutosaveState["status"], string> = {
  saved: "All changes saved",
  pending: "Unsaved changes",
  saving: "Saving…",
  invalid: "Not saved: check the highlighted fields",
  retrying: "Not saved yet: retrying…",
  gone: "Not saved: this CV was deleted",
};

export function SaveIndicator({ state }: { state: AutosaveState }) {
  return (
    <p
      className={`save-indicator save-indicator--${state.status}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      <span className="save-indicator__dot" aria-hidden="true" />
      {WORDS[state.status]}
      <span className="visually-hidden">, version {state.version}</span>
    </p>
  );
}
