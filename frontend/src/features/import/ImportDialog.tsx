import { useApolloClient } from "@apollo/client/react";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { newIdempotencyKey } from "../../ui/idempotency";
import { graphql } from "../../gql";
import { Dialog } from "../../ui/Dialog";
import { describeError } from "../../ui/States";
import { type ImportReport, summarize } from "./report";
import { ACCEPT, FILE_KINDS, kindOf, refusalOf, uploadFile } from "./upload";
import "./import.css";
import { HiddenFileInput } from "../../ui/HiddenFileInput";

export type { ImportReport, ImportWarning } from "./report";

export const CreateUploadMutation = graphql(`
  mutation CreateUpload($filename: String!, $contentType: String!, $size: Int!, $idempotencyKey: String) {
    createUpload(filename: $filename, contentType: $contentType, size: $size, idempotencyKey: $idempotencyKey) {
      __typename
      ... on UploadTicket {
        uploadId
        url
        method
        fields
        maxBytes
      }
      ... on Error {
        message
      }
    }
  }
`);

export const ImportCvMutation = graphql(`
  mutation ImportCv($uploadId: ID!, $idempotencyKey: String) {
    importCv(uploadId: $uploadId, idempotencyKey: $idempotencyKey) {
      __typename
      ... on Imported {
        cv {
          id
          title
          basics {
            name
            headline
            email
            phone
            location
            links {
              label
              url
            }
          }
          summary
          sections {
            id
            title
            items {
              id
              title
              organization
            }
          }
        }
        warnings {
          message
          text
        }
        sources {
          path
          source
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

type Phase =
  | { kind: "choose" }
  | { kind: "uploading"; fraction: number }
  | { kind: "reading" }
  | { kind: "failed"; message: string };

/** Import a CV file (PDF, Word, JSON Resume, Reactive Resume, a LinkedIn data export): upload with a progress
 * bar, then the server reads it into a new CV, handed over with a report of what was read and its warnings. */
export function ImportDialog({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: (cvId: string, report: ImportReport) => void;
}) {
  const client = useApolloClient();
  const input = useRef<HTMLInputElement>(null);
  const choose = useRef<HTMLButtonElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "choose" });
  const [dragging, setDragging] = useState(false);
  const busy = phase.kind === "uploading" || phase.kind === "reading";
  // Read while rendering, before the dialog takes the focus: the control that opened the dialog.
  const [trigger] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    // The dialog opens on its one action, so Enter picks a file. Not `autoFocus`: React focuses before the
    // <dialog> is shown (the Dialog's effect runs before this one), and showModal() then focuses "Close".
    choose.current?.focus();
  }, []);
  useEffect(
    // Closed, the dialog gives the focus back to what opened it (gone when the import moved to the new CV).
    () => () => {
      if (trigger?.isConnected && trigger !== document.body) trigger.focus();
    },
    [trigger],
  );

  async function importFile(file: File) {
    const kind = kindOf(file);
    if (!kind) {
      setPhase({ kind: "failed", message: refusalOf(file) });
      return;
    }
    const contentType = FILE_KINDS[kind].contentType;
    try {
      setPhase({ kind: "uploading", fraction: 0 });
      const { data } = await client.mutate({
        mutation: CreateUploadMutation,
        variables: { filename: file.name, contentType, size: file.size, idempotencyKey: newIdempotencyKey() },
      });
      const ticket = data?.createUpload;
      if (ticket?.__typename !== "UploadTicket")
        throw new Error(ticket && "message" in ticket ? ticket.message : "The upload was refused.");
      if (file.size > ticket.maxBytes)
        throw new Error(`That file is larger than ${Math.floor(ticket.maxBytes / 1048576)} MB, the most we read.`);
      await uploadFile(
        { url: ticket.url, method: ticket.method, fields: (ticket.fields ?? {}) as Record<string, string> },
        file,
        (fraction) => setPhase({ kind: "uploading", fraction }),
      );
      setPhase({ kind: "reading" });
      const { data: imported } = await client.mutate({
        mutation: ImportCvMutation,
        variables: { uploadId: ticket.uploadId, idempotencyKey: newIdempotencyKey() },
      });
      const result = imported?.importCv;
      if (result?.__typename !== "Imported")
        throw new Error(result && "message" in result ? result.message : "The file could not be read.");
      const report: ImportReport = {
        warnings: result.warnings.map(({ message, text }) => ({ message, text })),
        sources: result.sources.map(({ path, source }) => ({ path, source })),
        read: summarize(result.cv, { fileName: file.name, fileKind: FILE_KINDS[kind].label }),
      };
      onImported(result.cv.id, report);
    } catch (failure) {
      setPhase({ kind: "failed", message: describeError(failure) });
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) void importFile(file);
  };

  return (
    <Dialog open title="Import a CV" onClose={busy ? () => undefined : onClose}>
      <p className="muted">
        Upload your CV as a PDF or Word file, a JSON Resume or Reactive Resume file, or your LinkedIn data export. We
        read it into an editable CV and show you what we read and anything we were unsure of.
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the keyboard uses the "Choose a file" button inside */}
      <div
        className={`dropzone ${dragging ? "is-dragging" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <HiddenFileInput
          inputRef={input}
          id="import-file"
          accept={ACCEPT}
          disabled={busy}
          onFile={(file) => void importFile(file)}
        />
        {phase.kind === "uploading" || phase.kind === "reading" ? (
          <div className="import-progress">
            <label htmlFor="import-progress">{phase.kind === "uploading" ? "Uploading…" : "Reading your CV…"}</label>
            <progress
              id="import-progress"
              max={100}
              value={phase.kind === "uploading" ? Math.round(phase.fraction * 100) : undefined}
              aria-valuetext={
                phase.kind === "uploading" ? `${Math.round(phase.fraction * 100)}% uploaded` : "Reading the file"
              }
            />
          </div>
        ) : (
          <>
            <p className="dropzone__title">Drop your CV here</p>
            <p className="muted">PDF, Word (.docx), JSON (.json) or LinkedIn export (.zip)</p>
            <button
              ref={choose}
              type="button"
              className="button button--primary"
              onClick={() => input.current?.click()}
            >
              Choose a file
            </button>
          </>
        )}
      </div>
      {phase.kind === "failed" && (
        <p className="form-error" role="alert">
          {phase.message}
        </p>
      )}
    </Dialog>
  );
}
