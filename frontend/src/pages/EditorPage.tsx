/**
 * The editor page: the CV's title bar, the Content, Design, Job match and History tabs, the import review and the
 * live preview. It puts those features together over one autosaved draft (`cv/`); they never import each other.
 */
import { useQuery } from "@apollo/client/react";
import { useCallback, useEffect, useState } from "react";
import { useApolloClient } from "@apollo/client/react";
import { Link, NavLink, Route, Routes, useLocation, useNavigate, useParams } from "react-router";
import { graphql } from "../gql";
import { describeError, ErrorState, LoadingState } from "../ui/States";
import { useDocumentTitle } from "../ui/useDocumentTitle";
import { DownloadMenu } from "../features/export/DownloadMenu";
import { ShareButton } from "../features/shares/ShareButton";
import { ReadabilityDialog } from "../features/readability/ReadabilityDialog";
import { DesignTab } from "../features/design/DesignTab";
import { MatchTab } from "../features/match/MatchTab";
import { PreviewPane } from "../features/preview/PreviewPane";
import { HistoryTab } from "../features/history/HistoryTab";
import { LettersTab } from "../features/letters/LettersTab";
import { LetterRoute } from "../features/letters/LetterEditor";
import { ContentTab } from "../features/editor/ContentTab";
import { PhotoField } from "../features/photo/PhotoField";
import { FitToOnePage } from "../features/design/FitToOnePage";
import { draftFromCv, type Draft, type PreviewOverride } from "../cv/draft";
import type { Edit } from "../cv/edits";
import { FieldErrorsContext, UncertainFieldsContext } from "../features/editor/fields";
import { ImportReview, pathsInWarnings } from "../features/import/ImportReview";
import { keepImportReport, readImportReport } from "../features/import/keptReport";
import type { ImportReport } from "../features/import/ImportDialog";
import { DeleteCvMutation } from "../cv/operations";
import { mergeDrafts } from "../cv/merge";
import { SaveIndicator } from "../features/editor/SaveIndicator";
import { UnsavedWorkBanner } from "../features/editor/UnsavedWorkBanner";
import { keepUnsaved, readUnsaved } from "../cv/unsavedBackup";
import { useAutosave } from "../cv/useAutosave";

export const EditorQuery = graphql(`
  query Editor($id: ID!) {
    cv(id: $id) {
      id
      ...EditorCv_cv
    }
  }
`);

export default function EditorPage() {
  const { cvId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(EditorQuery, {
    variables: { id: cvId },
    fetchPolicy: "network-only",
  });
  if (loading && !data) return <LoadingState>Opening your CV…</LoadingState>;
  if (error && !data)
    return (
      <div className="page">
        <ErrorState title="This CV could not be opened." onRetry={() => void refetch()}>
          {describeError(error)}
        </ErrorState>
      </div>
    );
  if (!data?.cv)
    return (
      <div className="page">
        <ErrorState title="This CV does not exist.">
          It may have been deleted. <Link to="/">Back to your CVs</Link>
        </ErrorState>
      </div>
    );
  return <Editor key={cvId} cvId={cvId} initial={draftFromCv(data.cv)} />;
}

function Editor({ cvId, initial }: { cvId: string; initial: { draft: Draft; version: number } }) {
  const [seed] = useState(initial);
  const { state, autosave } = useAutosave(cvId, seed);
  const edit = useCallback((change: Edit) => autosave.edit(change), [autosave]);
  useEffect(() => {
    // Ctrl+S / Cmd+S saves now instead of opening the browser's "save page" dialog.
    const saveNow = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void autosave.flush();
      }
      if (isUndoKey(event) && editsTheCv(event.target)) {
        event.preventDefault();
        if (event.shiftKey || event.key.toLowerCase() === "y") autosave.redo();
        else autosave.undo();
      }
    };
    window.addEventListener("keydown", saveNow);
    return () => window.removeEventListener("keydown", saveNow);
  }, [autosave]);
  useEffect(() => {
    // Leaving a field shows what the server read from it ("March 2020" as 2020-03).
    const settle = () => autosave.settle();
    document.addEventListener("focusout", settle);
    return () => document.removeEventListener("focusout", settle);
  }, [autosave]);
  const draft = state.draft;
  useDocumentTitle(draft.title || "Untitled CV");
  const [showPreview, setShowPreview] = useState(false);
  const [previewOverride, setPreviewOverride] = useState<PreviewOverride | null>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [importReport, setImportReport] = useState<ImportReport | null>(() => {
    const handed = (location.state as { importReport?: ImportReport } | null)?.importReport;
    if (handed) keepImportReport(cvId, handed); // stays with the CV until dismissed
    return handed ?? readImportReport(cvId);
  });
  const [uncertain] = useState(() => {
    if (!importReport) return new Map<string, string | null>();
    const sources = new Map(importReport.sources.map((s) => [s.path, s.source]));
    const paths = pathsInWarnings(importReport.warnings);
    if (!seed.draft.basics.name.trim()) paths.add("basics.name");
    return new Map([...paths].map((path) => [path, sources.get(path) ?? null]));
  });
  const finishReview = () => {
    keepImportReport(cvId, null);
    setImportReport(null);
    navigate(location.pathname, { replace: true, state: null });
  };
  const [leftover, setLeftover] = useState(() => {
    const found = readUnsaved(cvId);
    return found && JSON.stringify(found.draft) !== JSON.stringify(seed.draft) ? found : null;
  });
  const tabs = [
    { to: `/cv/${cvId}`, label: "Content", end: true },
    { to: `/cv/${cvId}/design`, label: "Design", end: false },
    { to: `/cv/${cvId}/match`, label: "Job match", end: false },
    { to: `/cv/${cvId}/letters`, label: "Letters", end: false },
    { to: `/cv/${cvId}/history`, label: "History", end: false },
  ];
  return (
    <FieldErrorsContext.Provider value={state.fieldErrors}>
      <UncertainFieldsContext.Provider value={importReport ? uncertain : EMPTY_MAP}>
        <div className="editor">
          <div className="editor__bar">
            <Link to="/" className="button button--ghost editor__back">
              ← Your CVs
            </Link>
            <div className="editor__title">
              <label htmlFor="cv-title" className="visually-hidden">
                CV title
              </label>
              <input
                id="cv-title"
                className="editor__title-input"
                value={draft.title}
                data-path="title"
                onChange={(e) => {
                  const title = e.target.value;
                  edit((d) => ({ ...d, title }));
                }}
              />
            </div>
            <div className="editor__actions">
              <div className="editor__undo">
                <button
                  type="button"
                  className="icon-button"
                  aria-label="Undo"
                  title="Undo (Ctrl+Z)"
                  disabled={!state.canUndo}
                  onClick={() => autosave.undo()}
                >
                  ↶
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label="Redo"
                  title="Redo (Ctrl+Shift+Z)"
                  disabled={!state.canRedo}
                  onClick={() => autosave.redo()}
                >
                  ↷
                </button>
              </div>
              <SaveIndicator state={state} />
              <button
                type="button"
                className="button only-narrow"
                aria-pressed={showPreview}
                onClick={() => setShowPreview(!showPreview)}
              >
                {showPreview ? "Edit" : "Preview"}
              </button>
              <DownloadMenu
                cvId={cvId}
                title={draft.title}
                beforeDownload={() => autosave.flush()}
                parserCheck={ReadabilityDialog}
              />
              <ShareButton target={{ cvId }} beforeOpen={() => autosave.flush()} />
            </div>
          </div>
          {leftover && (
            <UnsavedWorkBanner
              work={leftover}
              onRestore={() => {
                const { draft: merged } = mergeDrafts(leftover.base, leftover.draft, autosave.current.draft);
                autosave.edit(() => merged);
                setLeftover(null);
              }}
              onDiscard={() => {
                keepUnsaved(cvId, null);
                setLeftover(null);
              }}
            />
          )}
          {state.notice && (
            <div className="notice" role="alert">
              <p>{state.notice}</p>
              <button type="button" className="button button--small" onClick={() => autosave.dismissNotice()}>
                OK
              </button>
            </div>
          )}
          {state.status === "invalid" && (
            <div className="notice notice--warning notice--row" role="alert">
              <p>
                Not saved yet: {Object.keys(state.fieldErrors).length === 1 ? "one field needs" : "some fields need"}{" "}
                fixing.
              </p>
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  if (focusFirstProblem(state.fieldErrors)) return;
                  navigate(`/cv/${cvId}`); // the field is on the Content tab
                  window.setTimeout(() => focusFirstProblem(state.fieldErrors), 50);
                }}
              >
                Show me
              </button>
            </div>
          )}
          {state.status !== "invalid" && state.keptPaths.length > 0 && (
            <div className="notice notice--row" role="status">
              <p>
                Saved. {state.keptPaths.length === 1 ? "One field is" : `${state.keptPaths.length} fields are`} kept as
                you typed {state.keptPaths.length === 1 ? "it" : "them"} and left off the CV until{" "}
                {state.keptPaths.length === 1 ? "it reads" : "they read"} as a date, an email or a link.
              </p>
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  if (focusFirstProblem(state.fieldErrors)) return;
                  navigate(`/cv/${cvId}`);
                  window.setTimeout(() => focusFirstProblem(state.fieldErrors), 50);
                }}
              >
                Show me
              </button>
            </div>
          )}
          {state.message && (state.status === "retrying" || state.status === "gone") && (
            <p className="notice notice--warning" role="alert">
              {state.message}
            </p>
          )}
          <nav className="tabs" aria-label="Editor">
            {tabs.map((tab) => (
              <NavLink key={tab.label} to={tab.to} end={tab.end} className="tabs__tab">
                {tab.label}
              </NavLink>
            ))}
          </nav>
          <div className={`editor__body editor__body--with-preview ${showPreview ? "is-previewing" : ""}`}>
            <div className="editor__pane">
              {importReport && (
                <ImportReview
                  read={importReport.read}
                  warnings={importReport.warnings}
                  highlighted={uncertain.size}
                  onDone={finishReview}
                  onDiscard={() => {
                    keepImportReport(cvId, null);
                    void autosave.flush().finally(() => {
                      void client
                        .mutate({ mutation: DeleteCvMutation, variables: { id: cvId } })
                        .then(() => navigate("/"));
                    });
                  }}
                />
              )}
              <Routes>
                <Route
                  index
                  element={
                    <>
                      <PhotoField
                        cvId={cvId}
                        currentVersion={() => autosave.current.version}
                        beforeChange={() => autosave.flush()}
                        afterChange={() => void autosave.refreshIfIdle()}
                      />
                      <ContentTab draft={draft} edit={edit} />
                    </>
                  }
                />
                <Route
                  path="design"
                  element={
                    <>
                      <FitToOnePage cvId={cvId} draft={draft} edit={edit} />
                      <DesignTab design={draft.design} sections={draft.sections} edit={edit} />
                    </>
                  }
                />
                <Route
                  path="match"
                  element={
                    <MatchTab
                      cvId={cvId}
                      draft={draft}
                      beforeRun={() => autosave.flush()}
                      onPreview={setPreviewOverride}
                    />
                  }
                />
                <Route path="letters" element={<LettersTab cvId={cvId} />} />
                <Route
                  path="letters/:letterId"
                  element={
                    <LetterRoute
                      cvId={cvId}
                      actions={(letterId, saveFirst) => (
                        <ShareButton target={{ letterId }} beforeOpen={() => saveFirst()} />
                      )}
                    />
                  }
                />
                <Route
                  path="history"
                  element={
                    <HistoryTab
                      cvId={cvId}
                      currentVersion={state.version}
                      getCurrentVersion={() => autosave.current.version}
                      beforeRestore={() => autosave.flush()}
                      onRestored={(cv) => {
                        const restored = draftFromCv(cv);
                        autosave.reset(restored.draft, restored.version);
                      }}
                      draft={draft}
                      onPreview={setPreviewOverride}
                    />
                  }
                />
              </Routes>
            </div>
            <div className="editor__preview">
              {previewOverride ? (
                <PreviewPane
                  key={`${previewOverride.cvId}:${previewOverride.label}`}
                  cvId={previewOverride.cvId}
                  draft={previewOverride.draft}
                  title={previewOverride.label}
                />
              ) : (
                <PreviewPane key={cvId} cvId={cvId} draft={draft} />
              )}
            </div>
          </div>
        </div>
      </UncertainFieldsContext.Provider>
    </FieldErrorsContext.Provider>
  );
}

const EMPTY_MAP: ReadonlyMap<string, string | null> = new Map();

/** Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y (Cmd on a Mac). */
function isUndoKey(event: KeyboardEvent): boolean {
  const key = event.key.toLowerCase();
  return (event.ctrlKey || event.metaKey) && !event.altKey && (key === "z" || (key === "y" && !event.shiftKey));
}

/** Undo applies to the CV's own fields (they carry a `data-path`) and to the page around them; a text box that is
 * not part of the CV (a job posting, a letter) keeps the browser's own undo. */
function editsTheCv(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  const typing = target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
  return !typing || target.hasAttribute("data-path");
}

function focusFirstProblem(errors: Readonly<Record<string, string>>): boolean {
  for (const path of Object.keys(errors)) {
    const field = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
    if (field) {
      field.focus();
      field.scrollIntoView({ block: "center" });
      return true;
    }
  }
  return false;
}
