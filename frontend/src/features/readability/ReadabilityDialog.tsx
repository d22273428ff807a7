import { useQuery } from "@apollo/client/react";
import { useEffect, useId, useRef, useState } from "react";
import type { ReadableFormat, ReadStatus } from "../../gql/graphql";
import { Dialog } from "../../ui/Dialog";
import { describeError, ErrorState, LoadingState } from "../../ui/States";
import { ReadabilityReportQuery } from "./operations";
import "./readability.css";

const FORMATS: { format: ReadableFormat; label: string }[] = [
  { format: "PDF", label: "PDF" },
  { format: "DOCX", label: "Word (DOCX)" },
];

const STATUS: Record<ReadStatus, { label: string; tone: string }> = {
  READ: { label: "Read", tone: "badge--good" },
  MANGLED: { label: "Mangled", tone: "badge--warn" },
  LOST: { label: "Lost", tone: "badge--bad" },
};

interface ReadabilityDialogProps {
  cvId: string;
  initialFormat: ReadableFormat;
  onClose: () => void;
  /** Downloads the file the report was made from. */
  onDownload: (format: ReadableFormat) => void;
}

/** What an applicant-tracking system reads from the file about to be downloaded: CV Maker's own importer reads it
 * back, and every field shows as read, mangled (with both values) or lost, with a score and advice. */
export function ReadabilityDialog({ cvId, initialFormat, onClose, onDownload }: ReadabilityDialogProps) {
  const [format, setFormat] = useState<ReadableFormat>(initialFormat);
  const { data, loading, error, refetch } = useQuery(ReadabilityReportQuery, {
    variables: { cvId, format },
    fetchPolicy: "network-only",
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const groupName = useId();
  const report = data?.readabilityReport;
  const shown = useRef(false);
  useEffect(() => {
    // The first report takes the focus (its score is what the person opened this for); a later one, after a
    // change of format, leaves it on the format just chosen and is announced by the live region instead.
    if (report?.__typename === "ReadabilityReport" && !shown.current) {
      shown.current = true;
      heading.current?.focus();
    }
  }, [report]);

  return (
    <Dialog
      open
      wide
      title="What a parser reads"
      onClose={onClose}
      footer={
        <button type="button" className="button button--primary" onClick={() => onDownload(format)}>
          Download {format === "PDF" ? "PDF" : "Word (DOCX)"}
        </button>
      }
    >
      <p className="muted">
        CV Maker's own importer reads the file back, the way an applicant-tracking system would, and compares every
        field with what you wrote.
      </p>
      <fieldset className="readability__formats">
        <legend>File</legend>
        {FORMATS.map((option) => (
          <label key={option.format}>
            <input
              type="radio"
              name={groupName}
              value={option.format}
              checked={format === option.format}
              onChange={() => setFormat(option.format)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {loading && <LoadingState>Reading the {format === "PDF" ? "PDF" : "Word file"} back…</LoadingState>}
      {!loading && error && (
        <ErrorState title="The file could not be read back." onRetry={() => void refetch()}>
          {describeError(error)}
        </ErrorState>
      )}
      {!loading && report && report.__typename !== "ReadabilityReport" && (
        <ErrorState title="The file could not be read back.">{report.message}</ErrorState>
      )}
      {!loading && report?.__typename === "ReadabilityReport" && (
        <section className="readability" aria-live="polite">
          <div className="readability__top">
            <div className="score" style={{ ["--score" as string]: report.score }}>
              <span className="score__value">{report.score}</span>
              <span className="score__of">of 100</span>
            </div>
            <div>
              <h3 ref={heading} tabIndex={-1}>
                Readability {report.score} of 100
              </h3>
              <p>{report.summary}</p>
            </div>
          </div>
          <h3>Advice</h3>
          <ul className="readability__advice">
            {report.advice.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
          {/* A scrolling region: keyboard users reach it to scroll it (WAI-ARIA's pattern, axe's
              scrollable-region-focusable). */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus to scroll */}
          <section className="readability__table" aria-label="Field by field results" tabIndex={0}>
            <table>
              <caption>Field by field</caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Result</th>
                  <th scope="col">What the parser read</th>
                </tr>
              </thead>
              <tbody>
                {report.fields.map((field) => (
                  <tr key={field.path} className={`readability__row readability__row--${field.status.toLowerCase()}`}>
                    <th scope="row">{field.label}</th>
                    <td>
                      <span className={`badge ${STATUS[field.status].tone}`}>{STATUS[field.status].label}</span>
                    </td>
                    <td>
                      {field.status === "MANGLED" ? (
                        <>
                          <span className="readability__read">{field.read}</span>
                          <span className="readability__wrote">You wrote: {field.expected}</span>
                        </>
                      ) : field.status === "LOST" ? (
                        <span className="readability__wrote">Nothing (you wrote: {field.expected})</span>
                      ) : (
                        <span className="readability__read">{field.read}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>
      )}
    </Dialog>
  );
}
