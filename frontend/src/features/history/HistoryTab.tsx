import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { graphql, type FragmentType } from "../../gql";
import { draftFromCv, type Draft, type EditorCvFragment, type PreviewOverride } from "../../cv/draft";
import { RevisionPreview } from "./RevisionPreview";
import { groupIntoSessions } from "./sessions";
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

export const CvRevisionQuery = graphql(`
  query CvRevision($id: ID!, $version: Int!) {
    cvRevision(id: $id, version: $version) {
      id
      ...EditorCv_cv
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
  /** The draft on screen, to show what restoring an earlier version would change. */
  draft: Draft;
  /** Shows an earlier version's pages in the preview, or the CV being edited again with null. */
  onPreview: (override: PreviewOverride | null) => void;
}

interface Previewed {
  version: number;
  savedAt: string;
  draft: Draft;
}

export function HistoryTab({
  cvId,
  currentVersion,
  getCurrentVersion,
  beforeRestore,
  onRestored,
  draft,
  onPreview,
}: HistoryTabProps) {
  const { data, loading, error, refetch } = useQuery(CvRevisionsQuery, {
    variables: { id: cvId },
    fetchPolicy: "network-only",
  });
  const [restore] = useMutation(RestoreRevisionMutation);
  const client = useApolloClient();
  const [busy, setBusy] = useState<number | null>(null);
  const [opening, setOpening] = useState<number | null>(null);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const toasts = useToasts();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new current version (a save, a restore) lists the revisions again
  useEffect(() => {
    void refetch();
  }, [currentVersion, refetch]);
  useEffect(() => () => onPreview(null), [onPreview]); // leaving the tab shows the CV being edited again

  function closePreview() {
    setPreviewed(null);
    onPreview(null);
  }

  async function previewVersion(version: number, savedAt: string) {
    setOpening(version);
    try {
      // Not cached: the earlier version has the CV's id and would overwrite the current CV in the cache.
      const { data: result } = await client.query({
        query: CvRevisionQuery,
        variables: { id: cvId, version },
        fetchPolicy: "no-cache",
      });
      if (!result?.cvRevision) {
        toasts.show({ message: `Version ${version} is no longer kept.`, tone: "error" });
        return;
      }
      const earlier = draftFromCv(result.cvRevision).draft;
      setPreviewed({ version, savedAt, draft: earlier });
      onPreview({ cvId, draft: earlier, label: `Preview of version ${version}` });
    } catch (failure) {
      toasts.show({ message: `Version ${version} could not be opened. ${describeError(failure)}`, tone: "error" });
    } finally {
      setOpening(null);
    }
  }

  async function restoreVersion(version: number, undoable: boolean) {
    setBusy(version);
    try {
      await beforeRestore();
      const undoTo = undoable ? getCurrentVersion() : null;
      const { data: result } = await restore({ variables: { id: cvId, version } });
      const outcome = result?.restoreCvRevision;
      if (outcome?.__typename === "Cv") {
        closePreview();
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

  function revisionRow(revision: { version: number; savedAt: string; title: string }, grouped: number) {
    const isCurrent = revision.version === currentVersion;
    return (
      <div className="revision">
        <div>
          <p className="revision__title">
            Version {revision.version}
            {isCurrent && <span className="badge badge--accent">Current</span>}
          </p>
          <p className="muted revision__meta">
            {formatWhen(revision.savedAt)} · {revision.title}
            {grouped > 0 && ` · the last of ${grouped + 1} saves`}
          </p>
        </div>
        {!isCurrent && (
          <div className="revision__actions">
            <button
              type="button"
              className="button button--small"
              aria-label={`Preview version ${revision.version}`}
              aria-pressed={previewed?.version === revision.version}
              disabled={opening !== null}
              onClick={() => void previewVersion(revision.version, revision.savedAt)}
            >
              {opening === revision.version ? "Opening…" : "Preview"}
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={`Restore version ${revision.version}`}
              disabled={busy !== null}
              onClick={() => void restoreVersion(revision.version, true)}
            >
              {busy === revision.version ? "Restoring…" : "Restore"}
            </button>
          </div>
        )}
      </div>
    );
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
      <p className="muted">
        Every save is kept; saves made close together are grouped. Preview a version to see its pages and what differs;
        restoring it saves it as the newest one, so nothing is lost.
      </p>
      {previewed && (
        <RevisionPreview
          version={previewed.version}
          savedAt={previewed.savedAt}
          earlier={previewed.draft}
          current={draft}
          restoring={busy === previewed.version}
          onRestore={() => void restoreVersion(previewed.version, true)}
          onClose={closePreview}
        />
      )}
      <ol className="revisions">
        {groupIntoSessions(revisions).map((session) => {
          const [newest, ...earlier] = session;
          return (
            <li key={newest.version} className="revision-session">
              {revisionRow(newest, earlier.length)}
              {earlier.length > 0 && (
                <details className="revision-session__earlier">
                  <summary>
                    Show the {earlier.length} earlier {earlier.length === 1 ? "save" : "saves"} of this session
                  </summary>
                  <ol className="revisions">
                    {earlier.map((revision) => (
                      <li key={revision.version}>{revisionRow(revision, 0)}</li>
                    ))}
                  </ol>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
