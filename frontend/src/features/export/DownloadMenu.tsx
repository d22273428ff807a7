import { useApolloClient } from "@apollo/client/react";
import { type ComponentType, useEffect, useRef, useState } from "react";
import { graphql } from "../../gql";
import { describeError, Spinner } from "../../ui/States";
import { useToasts } from "../../ui/Toasts";
import { fileNameFor, saveBlob, saveUrl } from "../../ui/download";

export const ExportJsonResumeMutation = graphql(`
  mutation ExportJsonResume($id: ID!) {
    exportJsonResume(id: $id) {
      __typename
      ... on JsonResumeDocument {
        document
      }
      ... on Error {
        message
      }
    }
  }
`);

export const RenderCvMutation = graphql(`
  mutation RenderCv($cvId: ID!, $format: RenderFormat!) {
    renderCv(cvId: $cvId, format: $format) {
      __typename
      ... on RenderedFile {
        url
        format
        pages
        bytes
      }
      ... on Error {
        message
      }
    }
  }
`);

interface DownloadMenuProps {
  cvId: string;
  title: string;
  /** Saves pending edits first, so the file holds what is on screen. */
  beforeDownload: () => Promise<void>;
  /** "What a parser reads" (features/readability, put here by the page): offered in the menu when given. */
  parserCheck?: ComponentType<ParserCheckProps>;
}

/** What the menu gives the parser check: the file it is about, and the way back to the menu or on to a download. */
export interface ParserCheckProps {
  cvId: string;
  initialFormat: "PDF" | "DOCX";
  onClose: () => void;
  onDownload: (format: "PDF" | "DOCX") => void;
}

type Format = "PDF" | "DOCX" | "JSON_RESUME";

const FORMATS: { format: Format; label: string; help: string }[] = [
  { format: "PDF", label: "PDF", help: "Exactly as in the preview" },
  { format: "DOCX", label: "Word (DOCX)", help: "To edit in Word or Google Docs" },
  { format: "JSON_RESUME", label: "JSON Resume", help: "For other CV tools (jsonresume.org)" },
];

export function DownloadMenu({ cvId, title, beforeDownload, parserCheck: ParserCheck }: DownloadMenuProps) {
  const client = useApolloClient();
  const toasts = useToasts();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<Format | null>(null);
  const [checking, setChecking] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !menu.current?.contains(event.target as Node)) {
        setOpen(false);
        // Escape leaves the focus where the menu was opened; a click elsewhere puts it where the click was.
        if (event instanceof KeyboardEvent) trigger.current?.focus();
      }
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  async function download(format: Format) {
    setBusy(format);
    setOpen(false);
    trigger.current?.focus(); // the chosen item leaves with the menu: the focus must not fall to the page
    try {
      await beforeDownload();
      if (format === "JSON_RESUME") {
        const { data } = await client.mutate({ mutation: ExportJsonResumeMutation, variables: { id: cvId } });
        const result = data?.exportJsonResume;
        if (result?.__typename !== "JsonResumeDocument")
          throw new Error(result && "message" in result ? result.message : "Export failed.");
        saveBlob(
          new Blob([JSON.stringify(result.document, null, 2)], { type: "application/json" }),
          fileNameFor(title, "json"),
        );
        return;
      }
      const { data } = await client.mutate({ mutation: RenderCvMutation, variables: { cvId, format } });
      const result = data?.renderCv;
      if (result?.__typename !== "RenderedFile")
        throw new Error(result && "message" in result ? result.message : "Rendering failed.");
      saveUrl(result.url, fileNameFor(title, format === "PDF" ? "pdf" : "docx"));
    } catch (failure) {
      toasts.show({ message: `The download failed. ${describeError(failure)}`, tone: "error" });
    } finally {
      setBusy(null);
    }
  }

  async function check() {
    setOpen(false);
    try {
      await beforeDownload(); // the report reads the file a download would give: the saved CV
      setChecking(true);
    } catch (failure) {
      toasts.show({ message: `Your changes could not be saved. ${describeError(failure)}`, tone: "error" });
    }
  }

  function closeCheck() {
    setChecking(false);
    // The menu item that opened the dialog is gone with the menu: the focus goes back to the menu's button.
    window.setTimeout(() => trigger.current?.focus());
  }

  return (
    <div className="menu" ref={menu}>
      <button
        ref={trigger}
        type="button"
        className="button"
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        disabled={busy !== null}
      >
        {busy ? <Spinner label="Preparing the download" /> : null}
        {busy ? "Preparing…" : "Download"}
      </button>
      {open && (
        <ul className="menu__list" aria-label="Download formats">
          {FORMATS.map(({ format, label, help }) => (
            <li key={format}>
              <button type="button" className="menu__item" onClick={() => void download(format)}>
                <strong>{label}</strong>
                <span className="muted">{help}</span>
              </button>
            </li>
          ))}
          {ParserCheck && (
            <li>
              <button type="button" className="menu__item" onClick={() => void check()}>
                <strong>What a parser reads</strong>
                <span className="muted">Check what an applicant-tracking system reads from the file</span>
              </button>
            </li>
          )}
        </ul>
      )}
      {checking && ParserCheck && (
        <ParserCheck
          cvId={cvId}
          initialFormat="PDF"
          onClose={closeCheck}
          onDownload={(format) => {
            closeCheck();
            void download(format);
          }}
        />
      )}
    </div>
  );
}
