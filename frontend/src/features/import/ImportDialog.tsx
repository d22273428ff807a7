import { useApolloClient } from "@apollo/client/react";
import { useRef, useState, type DragEvent } from "react";
import { graphql } from "../../gql";
import { Dialog } from "../../ui/Dialog";
import { describeError } from "../../ui/States";
import { contentTypeOf, uploadFile } from "./upload";

export const CreateUploadMutation = graphql(`
  mutation CreateUpload($filename: String!, $contentType: String!, $size: Int!) {
    createUpload(filename: $filename, contentType: $contentType, size: $size) {
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
  mutation ImportCv($uploadId: ID!) {
    importCv(uploadId: $uploadId) {
      __typename
      ... on Imported {
        cv {
          id
          title
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

export interface ImportWarning {
  message: string;
  text?: string | null;
}

/** What the editor needs to review an import: the warnings, and where each field was read in the file. */
export interface ImportReport {
  warnings: ImportWarning[];
  sources: { path: string; source: string }[];
}

type Phase =
  | { kind: "choose" }
  | { kind: "uploading"; fraction: number }
  | { kind: "reading" }
  | { kind: "failed"; message: string };

const MAX_BYTES = 5 * 1024 * 1024;

/** Import a PDF or Word CV: upload with a progress bar, then the server reads it into a new CV. */
export function ImportDialog({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: (cvId: string, report: ImportReport) => void;
}) {
  const client = useApolloClient();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "choose" });
  const [dragging, setDragging] = useState(false);
  const busy = phase.kind === "uploading" || phase.kind === "reading";

  async function importFile(file: File) {
    const contentType = contentTypeOf(file);
    if (!contentType) {
      setPhase({ kind: "failed", message: `“${file.name}” is not a PDF, Word (.docx) or JSON Resume (.json) file.` });
      return;
    }
    if (file.size > MAX_BYTES) {
      setPhase({ kind: "failed", message: "That file is larger than 5 MB; a CV is much smaller." });
      return;
    }
    try {
      setPhase({ kind: "uploading", fraction: 0 });
      const { data } = await client.mutate({
        mutation: CreateUploadMutation,
        variables: { filename: file.name, contentType, size: file.size },
      });
      const ticket = data?.createUpload;
      if (ticket?.__typename !== "UploadTicket")
        throw new Error(ticket && "message" in ticket ? ticket.message : "The upload was refused.");
      if (file.size > ticket.maxBytes)
        throw new Error(`That file is larger than ${Math.floor(ticket.maxBytes / 1048576)} MB; a CV is much smaller.`);
      await uploadFile(
        { url: ticket.url, method: ticket.method, fields: (ticket.fields ?? {}) as Record<string, string> },
        file,
        (fraction) => setPhase({ kind: "uploading", fraction }),
      );
      setPhase({ kind: "reading" });
      const { data: imported } = await client.mutate({
        mutation: ImportCvMutation,
        variables: { uploadId: ticket.uploadId },
      });
      const result = imported?.importCv;
      if (result?.__typename !== "Imported")
        throw new Error(result && "message" in result ? result.message : "The file could not be read.");
      onImported(result.cv.id, {
        warnings: result.warnings.map(({ message, text }) => ({ message, text })),
        sources: result.sources.map(({ path, source }) => ({ path, source })),
      });
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
        Upload a PDF or Word file. We read it into an editable CV and show you anything we were unsure of.
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
        <input
          ref={input}
          id="import-file"
          type="file"
          accept=".pdf,.docx,.json,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void importFile(file);
          }}
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
            <p className="muted">PDF, Word (.docx) or JSON Resume (.json), up to 5 MB</p>
            {/* biome-ignore lint/a11y/noAutofocus: the dialog opens on its one action, so Enter picks a file */}
            <button type="button" className="button button--primary" onClick={() => input.current?.click()} autoFocus>
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
