import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import type { ExportMyDataMutation as ExportResult } from "../../gql/graphql";
import { saveUrl } from "../../ui/download";
import { Spinner } from "../../ui/States";
import { describeAccountError, formatBytes } from "./errors";
import "./account.css";
import { ExportMyDataMutation } from "./operations";

type Export = ExportResult["exportMyData"];

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

/** "until 13:05", or vaguer words should the time not read (formatting NaN would throw). */
function until(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? "for a few minutes" : `until ${clock.format(at)}`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function summary({ counts }: Export): string {
  return [
    plural(counts.cvs, "CV", "CVs"),
    plural(counts.revisions, "saved version", "saved versions"),
    plural(counts.jobs, "job", "jobs"),
    plural(counts.coverLetters, "cover letter", "cover letters"),
    plural(counts.files, "file", "files"),
  ].join(", ");
}

/** "Download all my data": the server packs a zip and answers a short-lived link, which the browser saves. */
export function ExportSection() {
  const [exportMyData, { loading }] = useMutation(ExportMyDataMutation);
  const [done, setDone] = useState<Export | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setError(null);
    setDone(null);
    try {
      const { data } = await exportMyData();
      if (!data) throw new Error("The export could not be prepared. Please try again.");
      saveUrl(data.exportMyData.url, data.exportMyData.filename);
      setDone(data.exportMyData);
    } catch (failure) {
      setError(`Your data could not be downloaded. ${describeAccountError(failure)}`);
    }
  }

  return (
    <section className="card account-section" aria-labelledby="account-export-title">
      <h2 id="account-export-title" className="card__title">
        Download all my data
      </h2>
      <p>
        One zip file with everything you keep here: your account details, every CV with all its saved versions, your
        jobs and cover letters, and the files you uploaded or rendered. CVs are in CV Maker's JSON, which you can import
        again.
      </p>
      <button type="button" className="button button--primary" onClick={() => void download()} disabled={loading}>
        {loading && <Spinner label="" />}
        {loading ? "Preparing your data…" : "Download all my data"}
      </button>
      <div role="status" aria-live="polite">
        {loading && <p className="visually-hidden">Preparing your data…</p>}
        {done && (
          <p className="account-section__done">
            Your download has started: {done.filename} ({formatBytes(done.bytes)}) with {summary(done)}.
            {` The link works ${until(done.expiresAt)}; download again for a new one.`}
          </p>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
