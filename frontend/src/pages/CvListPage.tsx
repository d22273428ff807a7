/** The CV list page: the cards (`features/cvs`) and the import dialog (`features/import`), the one way in for
 * every kind of CV file, so each import ends in the review of what was read. */
import { useMutation, useQuery } from "@apollo/client/react";
import { useRef, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { newIdempotencyKey } from "../ui/idempotency";
import { Dialog } from "../ui/Dialog";
import { describeError, EmptyState, ErrorState, LoadingState } from "../ui/States";
import { useToasts } from "../ui/Toasts";
import { useDocumentTitle } from "../ui/useDocumentTitle";
import { CvCard, type CvCardActions } from "../features/cvs/CvCard";
import { ImportDialog } from "../features/import/ImportDialog";
import { CreateCvMutation, CvListQuery, DuplicateCvMutation, RenameCvMutation } from "../features/cvs/operations";
import { DeleteCvMutation } from "../cv/operations";
import { usePendingDeletes } from "../features/cvs/usePendingDeletes";

export function CvListPage() {
  const { data, loading, error, refetch, fetchMore } = useQuery(CvListQuery);
  useDocumentTitle("Your CVs");
  const toasts = useToasts();
  const navigate = useNavigate();
  const [createCv, creating] = useMutation(CreateCvMutation);
  const [renameCv] = useMutation(RenameCvMutation);
  const [duplicateCv] = useMutation(DuplicateCvMutation);
  const [deleteCv] = useMutation(DeleteCvMutation);
  const [importing, setImporting] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; title: string; version: number } | null>(null);

  const deletes = usePendingDeletes((id) => {
    void deleteCv({ variables: { id } })
      .then(({ data: result }) => {
        if (result?.deleteCv.__typename !== "Deleted") {
          toasts.show({ message: "That CV could not be deleted: it no longer exists.", tone: "error" });
        }
      })
      .catch((failure) => toasts.show({ message: `Not deleted. ${describeError(failure)}`, tone: "error" }))
      .finally(() => {
        deletes.settle(id);
        void refetch();
      });
  });

  async function create() {
    try {
      const { data: result } = await createCv({
        variables: { input: { title: "Untitled CV" }, idempotencyKey: newIdempotencyKey() },
      });
      if (result?.createCv.__typename === "Cv") navigate(`/cv/${result.createCv.id}`);
      else toasts.show({ message: "The CV could not be created.", tone: "error" });
    } catch (failure) {
      toasts.show({ message: `The CV could not be created. ${describeError(failure)}`, tone: "error" });
    }
  }

  const actions: CvCardActions = {
    onRename: (id, title, version) => setRenaming({ id, title, version }),
    async onDuplicate(id, title) {
      try {
        const { data: result } = await duplicateCv({ variables: { id, idempotencyKey: newIdempotencyKey() } });
        if (result?.duplicateCv.__typename === "Cv") {
          toasts.show({ message: `Duplicated “${title}” as “${result.duplicateCv.title}”.` });
          await refetch();
        } else toasts.show({ message: "That CV no longer exists.", tone: "error" });
      } catch (failure) {
        toasts.show({ message: `Not duplicated. ${describeError(failure)}`, tone: "error" });
      }
    },
    onDelete(id, title) {
      deletes.schedule(id);
      toasts.show({ message: `Deleted “${title}”.`, actionLabel: "Undo", onAction: () => deletes.undo(id) }, 6000);
    },
  };

  async function rename(id: string, title: string, version: number): Promise<string | null> {
    try {
      const { data: result } = await renameCv({ variables: { id, version, title } });
      const outcome = result?.updateCv;
      if (outcome?.__typename === "VersionConflictError") {
        // A title is a single value: applying it on top of the newer version loses nothing.
        return rename(id, title, outcome.currentVersion);
      }
      if (outcome?.__typename === "Cv") return null;
      return outcome && "message" in outcome ? outcome.message : "The CV could not be renamed.";
    } catch (failure) {
      return describeError(failure);
    }
  }

  const edges = (data?.cvs.edges ?? []).filter((edge) => !deletes.pending.has(edge.node.id));
  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1>Your CVs</h1>
          <p className="muted">Write one, import one, or start from a copy.</p>
        </div>
        <div className="page__actions">
          <button type="button" className="button" onClick={() => setImporting(true)}>
            Import a CV file
          </button>
          <button type="button" className="button button--primary" onClick={create} disabled={creating.loading}>
            {creating.loading ? "Creating…" : "New CV"}
          </button>
        </div>
      </div>
      {loading && !data ? (
        <LoadingState>Loading your CVs…</LoadingState>
      ) : error && !data ? (
        <ErrorState title="Your CVs could not be loaded." onRetry={() => void refetch()}>
          {describeError(error)}
        </ErrorState>
      ) : edges.length === 0 ? (
        <EmptyState
          title="No CVs yet"
          action={
            <button type="button" className="button button--primary" onClick={create}>
              Create your first CV
            </button>
          }
        >
          Start from a blank page, or bring the CV you already have with “Import a CV file”: a PDF, a Word document, a
          JSON Resume or Reactive Resume file, or your LinkedIn data export (the zip LinkedIn sends you).
        </EmptyState>
      ) : (
        <>
          <ul className="cv-grid" aria-label="Your CVs">
            {edges.map((edge) => (
              <CvCard key={edge.node.id} cv={edge.node} actions={actions} />
            ))}
          </ul>
          {data?.cvs.pageInfo.hasNextPage && (
            <button
              type="button"
              className="button load-more"
              onClick={() =>
                void fetchMore({
                  variables: { after: data.cvs.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    cvs: { ...fetchMoreResult.cvs, edges: [...previous.cvs.edges, ...fetchMoreResult.cvs.edges] },
                  }),
                })
              }
            >
              Show more
            </button>
          )}
        </>
      )}
      {importing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onImported={(id, report) => navigate(`/cv/${id}`, { state: { importReport: report } })}
        />
      )}
      {renaming && (
        <RenameDialog
          initialTitle={renaming.title}
          onClose={() => setRenaming(null)}
          onSave={async (title) => {
            const problem = await rename(renaming.id, title, renaming.version);
            if (!problem) {
              setRenaming(null);
              toasts.show({ message: `Renamed to “${title}”.` });
            }
            return problem;
          }}
        />
      )}
    </div>
  );
}

function RenameDialog(props: {
  initialTitle: string;
  onClose: () => void;
  onSave: (title: string) => Promise<string | null>;
}) {
  const [title, setTitle] = useState(props.initialTitle);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setProblem("Give the CV a title.");
      input.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(await props.onSave(title.trim()));
    setBusy(false);
  }

  return (
    <Dialog open title="Rename CV" onClose={props.onClose}>
      <form onSubmit={submit}>
        <label className="field">
          <span>Title</span>
          <input
            ref={input}
            autoFocus
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? "rename-problem" : undefined}
          />
        </label>
        {problem && (
          <p id="rename-problem" className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog__footer">
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? "Saving…" : "Rename"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
