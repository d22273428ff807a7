import { useMutation } from "@apollo/client/react";
import { useRef, useState } from "react";
import { describeError } from "../../ui/States";
import { useToasts } from "../../ui/Toasts";
import { ImportJsonResumeMutation } from "./operations";

const MAX_JSON_BYTES = 1_000_000;

/** Import a JSON Resume file (https://jsonresume.org) as a new CV. */
export function ImportButton({ onImported }: { onImported: (cvId: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const [importJsonResume] = useMutation(ImportJsonResumeMutation);

  async function importFile(file: File) {
    if (file.size > MAX_JSON_BYTES) {
      toasts.show({ message: "That file is too large for a JSON Resume (over 1 MB).", tone: "error" });
      return;
    }
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      toasts.show({ message: `“${file.name}” is not a JSON file.`, tone: "error" });
      return;
    }
    setBusy(true);
    try {
      const name = (document as { basics?: { name?: unknown } } | null)?.basics?.name;
      const title = typeof name === "string" && name.trim() ? `${name.trim()} CV` : file.name.replace(/\.json$/i, "");
      const { data } = await importJsonResume({ variables: { document, title } });
      const result = data?.importJsonResume;
      if (result?.__typename === "Cv") onImported(result.id);
      else if (result?.__typename === "ValidationError") {
        const first = result.fields[0];
        toasts.show({
          message: `That JSON Resume could not be read${first ? `: ${first.path} ${first.message}` : "."}`,
          tone: "error",
        });
      } else toasts.show({ message: result && "message" in result ? result.message : "Import failed.", tone: "error" });
    } catch (failure) {
      toasts.show({ message: `Import failed. ${describeError(failure)}`, tone: "error" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) void importFile(file);
        }}
      />
      <button type="button" className="button" onClick={() => input.current?.click()} disabled={busy}>
        {busy ? "Importing…" : "Import JSON Resume"}
      </button>
    </>
  );
}
