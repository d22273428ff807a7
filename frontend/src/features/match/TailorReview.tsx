import { useState } from "react";
import type { Draft } from "../../cv/draft";
import { describePath, type TailorChange } from "./applyChanges";
import { wordDiff } from "../../ui/wordDiff";

function Diff({ before, after }: { before: string; after: string }) {
  return (
    <p className="diff">
      {wordDiff(before, after).map((part, index) =>
        part.kind === "same" ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === "added" ? (
          <ins key={index}>{part.text}</ins>
        ) : (
          <del key={index}>{part.text}</del>
        ),
      )}
    </p>
  );
}

function ChangeBody({ change }: { change: TailorChange }) {
  const before = change.before ?? "";
  const after = change.after ?? "";
  if (change.path.endsWith(".bullets")) {
    return (
      <div className="diff-columns">
        <div>
          <p className="diff-columns__label">Before</p>
          <ol>
            {before.split("\n").map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ol>
        </div>
        <div>
          <p className="diff-columns__label">After</p>
          <ol>
            {after.split("\n").map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ol>
        </div>
      </div>
    );
  }
  if (change.path.endsWith(".visible"))
    return <p>{after === "false" ? "Hidden from the CV (not deleted)." : "Shown on the CV."}</p>;
  if (change.path.endsWith(".keywords") || /\.items$/.test(change.path)) {
    return (
      <dl className="order-change">
        <dt>Before</dt>
        <dd>{before}</dd>
        <dt>After</dt>
        <dd>{after}</dd>
      </dl>
    );
  }
  const flat = (text: string) => text.replace(/\s+/g, " ").trim();
  return <Diff before={flat(before)} after={flat(after)} />;
}

/** Every change the tailoring made, as a diff, each accepted or rejected by the person. */
export function TailorReview({
  original,
  changes,
  rejected,
  busy,
  onSave,
  onDiscard,
  onDecide,
}: {
  original: Draft;
  /** Called with each accept/reject decision, so the preview can show the result. */
  onDecide?: (accepted: boolean[]) => void;
  changes: TailorChange[];
  rejected: TailorChange[];
  busy: boolean;
  onSave: (accepted: boolean[]) => void;
  onDiscard: () => void;
}) {
  const [accepted, setAcceptedState] = useState(() => changes.map(() => true));
  const setAccepted = (next: boolean[]) => {
    setAcceptedState(next);
    onDecide?.(next);
  };
  const count = accepted.filter(Boolean).length;
  return (
    <section className="card tailor" aria-labelledby="tailor-heading">
      <h2 id="tailor-heading" className="card__title">
        Review the tailored CV
      </h2>
      <p className="muted">
        Nothing was invented: every change rearranges or rewords what your CV already says. Keep what helps, reject the
        rest.
      </p>
      {changes.length === 0 ? (
        <p>Your CV already puts the job's requirements first; there is nothing to change.</p>
      ) : (
        <ol className="changes">
          {changes.map((change, index) => (
            <li key={index} className={`change ${accepted[index] ? "" : "change--rejected"}`}>
              <div className="change__head">
                <div>
                  <p className="change__title">
                    {describePath(change.path, original, change.sourceItemIds, change.after)}
                  </p>
                  <p className="muted change__reason">{change.reason}</p>
                </div>
                {/* biome-ignore lint/a11y/useSemanticElements: a segmented Accept / Reject switch, styled as one control */}
                <div className="segmented" role="group" aria-label={`Change ${index + 1}`}>
                  <button
                    type="button"
                    aria-pressed={accepted[index]}
                    className={accepted[index] ? "is-selected" : ""}
                    onClick={() => setAccepted(accepted.map((a, i) => (i === index ? true : a)))}
                  >
                    Accept
                  </button>
                  <button
                    type="button"
                    aria-pressed={!accepted[index]}
                    className={!accepted[index] ? "is-selected" : ""}
                    onClick={() => setAccepted(accepted.map((a, i) => (i === index ? false : a)))}
                  >
                    Reject
                  </button>
                </div>
              </div>
              <ChangeBody change={change} />
            </li>
          ))}
        </ol>
      )}
      {rejected.length > 0 && (
        <details className="tailor__dropped">
          <summary>
            {rejected.length} suggested {rejected.length === 1 ? "change was" : "changes were"} left out by the
            no-invention check
          </summary>
          <ul>
            {rejected.map((change, index) => (
              <li key={index}>
                <strong>{describePath(change.path, original, change.sourceItemIds, change.after)}:</strong>{" "}
                {change.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="tailor__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => onSave(accepted)}>
          {busy ? "Saving…" : `Save tailored CV (${count} of ${changes.length} changes)`}
        </button>
        <button type="button" className="button button--danger-ghost" disabled={busy} onClick={onDiscard}>
          Discard
        </button>
      </div>
    </section>
  );
}
