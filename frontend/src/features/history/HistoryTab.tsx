import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { graphql, type FragmentType } from "../../gql";
import type { EditorCvFragment } from "../editor/draft";
import { formatWhen } from "../../ui/format";
import { describeError, EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { useToasts } from "../../ui/Toasts";

export const CvRevisionsQuery = graphql(`
  query CvRevisions($id: ID!) {
    cvRevisions(id: $id) {
      version
      savedAt
      title
    }
  }
`);

export const RestoreRevisionMutation = graphql(`
  mutation RestoreRevision($id: ID!, $version: Int!) {
    restoreCvRevision(id: $id, version: $version) {
      __typename
      ... on Cv {
        id
        ...EditorCv_cv
      }
      ... on Error {
        message
      }
    }
  }
`);

interface HistoryTabProps {
  cvId: string;
  currentVersion: number;
  /** Save pending edits first, so restoring never discards them (they become a revision of their own). */
  beforeRestore: () => Promise<void>;
  getCurrentVersion: () => number;
  onRestored: (cv: FragmentType<typeof EditorCvFragment>) => void;
}

export function HistoryTab({ cvId, currentVersion, getCurrentVersion, beforeRestore, onRestored }: HistoryTabProps) {
  const { data, loading, error, refetch } = useQuery(CvRevisionsQuery, { variables: { id: cvId }, fetchPolicy: "network-only" });
  const [restore] = useMutation(RestoreRevisionMutation);
  const [busy, setBusy] = useState<number | null>(null);
  const toasts = useToasts();
  useEffect(() => {
    void refetch();
  }, [currentVersion, refetch]);

  async function restoreVersion(version: number, undoable: boolean) {
    setBusy(version);
    try {
      await beforeRestore();
      const undoTo = undoable ? getCurrentVersion() : null;
      const { data: result } = await restore({ variables: { id: cvId, version } });
      const outcome = result?.restoreCvRevision;
      if (outcome?.__typename === "Cv") {
        onRestored(outcome);
        toasts.show({
          message: `Restored version ${version}. It is now the current version.`,
          ...(undoTo !== null ? { actionLabel: "Undo", onAction: () => void restoreVersion(undoTo, false) } : {}),
        });
        await refetch();
      } else {
        toasts.show({ message: outcome && "message" in outcome ? outcome.message : "Not restored.", tone: "error" });
      }
    } catch (failure) {
      toasts.show({ message: `Not restored. ${describeError(failure)}`, tone: "error" });
    } finally {
      setBusy(null);
    }
  }

  if (loading && !data) return <LoadingState>Loading the history…</LoadingState>;
  if (error && !data)
    return (
      <ErrorState title="The history could not be loaded." onRetry={() => void refetch()}>
        {describeError(error)}
      </ErrorState>
    );
  const revisions = data?.cvRevisions ?? [];
  if (revisions.length === 0) return <EmptyState title="No earlier versions yet">Every save is kept here.</EmptyState>;
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading" className="card__title">
        History
      </h2>
      <p className="muted">Every save is kept. Restoring a version saves it as the newest one; nothing is lost.</p>
      <ol className="revisions">
        {revisions.map((revision) => {
          const isCurrent = revision.version === currentVersion;
          return (
            <li key={revision.version} className="revision">
              <div>
                <p className="revision__title">
                  Version {revision.version}
                  {isCurrent && <span className="badge badge--accent">Current</span>}
                </p>
                <p className="muted revision__meta">
                  {formatWhen(revision.savedAt)} · {revision.title}
                </p>
              </div>
              {!isCurrent && (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Restore version ${revision.version}`}
                  disabled={busy !== null}
                  onClick={() => void restoreVersion(revision.version, true)}
                >
                  {busy === revision.version ? "Restoring…" : "Restore"}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
