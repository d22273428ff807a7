/**
 * One cover letter, edited like a CV: its title and text autosaved with a save indicator, what the CV does not
 * support shown beside the text, earlier revisions to restore, downloads in the CV's design, and deletion.
 */
import { useApolloClient, useQuery } from "@apollo/client/react";
import { type ReactNode, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { getFragmentData } from "../../gql";
import { fileNameFor, saveUrl } from "../../ui/download";
import { formatWhen } from "../../ui/format";
import { describeError, ErrorState, LoadingState } from "../../ui/States";
import { useDocumentTitle } from "../../ui/useDocumentTitle";
import {
  DeleteLetterMutation,
  LetterFieldsFragment,
  LetterQuery,
  LetterRevisionsQuery,
  RenderLetterMutation,
  RestoreLetterRevisionMutation,
} from "./operations";
import { type LetterSaveState, useLetterAutosave } from "./useLetterAutosave";
import "./letters.css";

const STATUS_WORDS: Record<LetterSaveState["status"], string> = {
  saved: "All changes saved",
  pending: "Unsaved changes",
  saving: "Saving…",
  invalid: "Not saved: see why below",
  conflict: "Not saved: changed elsewhere",
  retrying: "Not saved yet: retrying…",
};

export function LetterEditorPage({
  cvId,
  letterId,
  actions,
}: {
  cvId: string;
  letterId: string;
  actions?: LetterActions;
}) {
  const { data, loading, error, refetch } = useQuery(LetterQuery, {
    variables: { id: letterId },
    fetchPolicy: "network-only",
  });
  if (loading && !data) return <LoadingState>Opening your letter…</LoadingState>;
  if (error && !data)
    return (
      <ErrorState title="This letter could not be opened." onRetry={() => void refetch()}>
        {describeError(error)}
      </ErrorState>
    );
  const letter = getFragmentData(LetterFieldsFragment, data?.coverLetter);
  if (!letter)
    return (
      <ErrorState title="This letter does not exist.">
        It may have been deleted. <Link to={`/cv/${cvId}/letters`}>Back to the letters</Link>
      </ErrorState>
    );
  return <LetterEditor key={letter.id} cvId={cvId} letter={letter} actions={actions} />;
}

interface SavedLetter {
  id: string;
  title: string;
  text: string;
  version: number;
  warnings: string[];
}

export function LetterEditor({
  cvId,
  letter,
  actions,
}: {
  cvId: string;
  letter: SavedLetter;
  actions?: LetterActions;
}) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const { state, edit, flush, reset, keepMine } = useLetterAutosave(letter.id, letter);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(state.title || "Cover letter");
  const revisions = useQuery(LetterRevisionsQuery, { variables: { id: letter.id }, fetchPolicy: "network-only" });

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : describeError(failure));
    } finally {
      setBusy(false);
    }
  }

  const download = (format: "PDF" | "DOCX") =>
    act(async () => {
      await flush(); // the file is made from the saved text: save what is on screen first
      const { data } = await client.mutate({ mutation: RenderLetterMutation, variables: { id: letter.id, format } });
      const result = data?.renderCoverLetter;
      if (result?.__typename !== "RenderedFile")
        throw new Error(result && "message" in result ? result.message : "The letter could not be rendered.");
      saveUrl(result.url, fileNameFor(`cover letter ${state.title}`, format === "PDF" ? "pdf" : "docx"));
    });

  const loadSaved = () =>
    act(async () => {
      const { data } = await client.query({
        query: LetterQuery,
        variables: { id: letter.id },
        fetchPolicy: "network-only",
      });
      const saved = getFragmentData(LetterFieldsFragment, data?.coverLetter);
      if (!saved) throw new Error("This letter was deleted.");
      reset(saved);
    });

  const restore = (revision: number) =>
    act(async () => {
      await flush();
      const { data } = await client.mutate({
        mutation: RestoreLetterRevisionMutation,
        variables: { id: letter.id, revision, version: state.version },
      });
      const result = data?.restoreCoverLetterRevision;
      if (result?.__typename !== "CoverLetter")
        throw new Error(result && "message" in result ? result.message : "Not restored: reload and try again.");
      reset(getFragmentData(LetterFieldsFragment, result));
      void revisions.refetch();
    });

  const remove = () =>
    act(async () => {
      if (!window.confirm(`Delete the letter “${state.title}” and its history?`)) return;
      await client.mutate({ mutation: DeleteLetterMutation, variables: { id: letter.id } });
      navigate(`/cv/${cvId}/letters`);
    });

  return (
    <div className="letter-editor">
      <div className="letter-editor__bar">
        <Link to={`/cv/${cvId}/letters`} className="button button--ghost">
          ← Letters
        </Link>
        <p
          className={`save-indicator save-indicator--${state.status}`}
          role="status"
          aria-live="polite"
          data-testid="letter-save-status"
        >
          <span className="save-indicator__dot" aria-hidden="true" />
          {STATUS_WORDS[state.status]}
          <span className="visually-hidden">, version {state.version}</span>
        </p>
      </div>
      {state.status === "conflict" && (
        <div className="notice notice--warning" role="alert">
          <p>{state.message}</p>
          <button type="button" className="button" onClick={keepMine}>
            Keep my text
          </button>{" "}
          <button type="button" className="button" onClick={() => void loadSaved()}>
            Load the saved letter
          </button>
        </div>
      )}
      {state.status === "invalid" && state.message && (
        <p className="notice notice--warning" role="alert">
          {state.message}
        </p>
      )}
      {problem && (
        <p className="notice notice--warning" role="alert">
          {problem}
        </p>
      )}
      <label className="field">
        <span>Letter title</span>
        <input
          className="letter-editor__title"
          value={state.title}
          maxLength={200}
          onChange={(e) => edit({ title: e.target.value })}
        />
      </label>
      <div className="letter-editor__body">
        <label className="field">
          <span>Edit before you send it</span>
          <textarea
            rows={22}
            value={state.text}
            onChange={(e) => edit({ text: e.target.value })}
            onBlur={() => void flush()}
            className="letter-editor__text"
          />
        </label>
        <aside
          className={`card letter-editor__warnings${state.warnings.length ? " letter-editor__warnings--some" : ""}`}
          aria-labelledby="letter-warnings"
        >
          <h2 id="letter-warnings" className="card__title">
            Check before sending
          </h2>
          {state.warnings.length === 0 ? (
            <p className="muted">Everything the letter states is on your CV.</p>
          ) : (
            <ul>
              {state.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
        </aside>
      </div>
      <div className="match-tab__actions">
        <button type="button" className="button" disabled={busy} onClick={() => void download("PDF")}>
          Download PDF
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void download("DOCX")}>
          Download Word
        </button>
        {actions?.(letter.id, flush)}
        <button type="button" className="button button--danger-ghost" disabled={busy} onClick={() => void remove()}>
          Delete letter
        </button>
      </div>
      <section className="card" aria-labelledby="letter-history">
        <h2 id="letter-history" className="card__title">
          History
        </h2>
        <ul className="letter-editor__revisions">
          {(revisions.data?.coverLetterRevisions ?? []).map((revision) => (
            <li key={revision.revision}>
              <span>
                Version {revision.revision}, {formatWhen(revision.savedAt)}
              </span>{" "}
              {revision.revision === state.version ? (
                <span className="muted">Current</span>
              ) : (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  aria-label={`Restore version ${revision.revision}`}
                  onClick={() => void restore(revision.revision)}
                >
                  Restore
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** The editor's nested route `letters/:letterId`. */
/** What the page adds beside the letter's downloads (the Share button: features do not import each other). */
export type LetterActions = (letterId: string, saveFirst: () => Promise<void>) => ReactNode;

export function LetterRoute({ cvId, actions }: { cvId: string; actions?: LetterActions }) {
  const { letterId = "" } = useParams();
  return <LetterEditorPage cvId={cvId} letterId={letterId} actions={actions} />;
}
