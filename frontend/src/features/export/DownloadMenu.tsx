import { useApolloClient } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { graphql } from "../../gql";
import { describeError, Spinner } from "../../ui/States";
import { useToasts } from "../../ui/Toasts";
import { fileNameFor, saveBlob } from "./download";

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

interface DownloadMenuProps {
  cvId: string;
  title: string;
  /** Saves pending edits first, so the file holds what is on screen. */
  beforeDownload: () => Promise<void>;
}

type Format = "JSON_RESUME";

export function DownloadMenu({ cvId, title, beforeDownload }: DownloadMenuProps) {
  const client = useApolloClient();
  const toasts = useToasts();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<Format | null>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !menu.current?.contains(event.target as Node)) {
        setOpen(false);
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
    try {
      await beforeDownload();
      const { data } = await client.mutate({ mutation: ExportJsonResumeMutation, variables: { id: cvId } });
      const result = data?.exportJsonResume;
      if (result?.__typename !== "JsonResumeDocument") throw new Error(result && "message" in result ? result.message : "Export failed.");
      saveBlob(new Blob([JSON.stringify(result.document, null, 2)], { type: "application/json" }), fileNameFor(title, "json"));
    } catch (failure) {
      toasts.show({ message: `The download failed. ${describeError(failure)}`, tone: "error" });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="menu" ref={menu}>
      <button type="button" className="button" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)} disabled={busy !== null}>
        {busy ? <Spinner label="Preparing the download" /> : null}
        {busy ? "Preparing…" : "Download"}
      </button>
      {open && (
        <ul className="menu__list" aria-label="Download formats">
          <li>
            <button type="button" className="menu__item" onClick={() => void download("JSON_RESUME")}>
              <strong>JSON Resume</strong>
              <span className="muted">For other CV tools (jsonresume.org)</span>
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
