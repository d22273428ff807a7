import type { UnsavedWork } from "../../cv/unsavedBackup";

/** Offers the edits a lost connection or a closed page left in the backup. */
export function UnsavedWorkBanner({
  work,
  onRestore,
  onDiscard,
}: {
  work: UnsavedWork;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  return (
    <div className="notice" role="alert">
      <p>
        Edits you made on {new Date(work.savedAt).toLocaleString()} were not saved (the connection or the page was
        lost). Restore them?
      </p>
      <div className="notice__actions">
        <button type="button" className="button button--small button--primary" onClick={onRestore}>
          Restore my edits
        </button>
        <button type="button" className="button button--small" onClick={onDiscard}>
          Discard them
        </button>
      </div>
    </div>
  );
}
