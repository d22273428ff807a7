import { useEffect, useRef } from "react";
import type { Draft } from "../../cv/draft";
import { wordDiff } from "../../ui/wordDiff";
import { formatWhen } from "../../ui/format";
import { changesSince } from "./revisionChanges";

/** An earlier version beside the current one: what restoring it would change, word by word. */
export function RevisionPreview({
  version,
  savedAt,
  earlier,
  current,
  restoring,
  onRestore,
  onClose,
}: {
  version: number;
  savedAt: string;
  earlier: Draft;
  current: Draft;
  restoring: boolean;
  onRestore: () => void;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each revision opened moves the focus to its heading
  useEffect(() => heading.current?.focus(), [version]);
  const changes = changesSince(earlier, current);
  const headingId = `revision-${version}-heading`;
  return (
    <section className="revision-preview" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1} className="revision-preview__title">
        Version {version} as it was ({formatWhen(savedAt)})
      </h3>
      {changes.length === 0 ? (
        <p>Its content is the same as now.</p>
      ) : (
        <>
          <p className="muted">
            Restoring it would change {changes.length === 1 ? "one part" : `${changes.length} parts`}:{" "}
            <del>struck through</del> is in the current version, <ins>marked</ins> in version {version}.
          </p>
          <dl className="revision-changes">
            {changes.map((change, index) => (
              <div key={index} className="revision-change">
                <dt>{change.where}</dt>
                <dd className="diff">
                  {change.now && !change.then ? (
                    <del>{change.now}</del>
                  ) : change.then && !change.now ? (
                    <ins>{change.then}</ins>
                  ) : (
                    wordDiff(change.now, change.then).map((part, index) =>
                      part.kind === "same" ? (
                        <span key={index}>{part.text}</span>
                      ) : part.kind === "added" ? (
                        <ins key={index}>{part.text}</ins>
                      ) : (
                        <del key={index}>{part.text}</del>
                      ),
                    )
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <div className="revision-preview__actions">
        <button type="button" className="button button--primary button--small" disabled={restoring} onClick={onRestore}>
          {restoring ? "Restoring…" : "Restore this version"}
        </button>
        <button type="button" className="button button--small" onClick={onClose}>
          Close preview
        </button>
      </div>
    </section>
  );
}
