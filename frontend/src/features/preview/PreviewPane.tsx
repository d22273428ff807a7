import type { Draft } from "../editor/draft";
import { LoadingState, Spinner } from "../../ui/States";
import { usePreview } from "./usePreview";

/** Another draft shown in the preview instead of the one being edited (a tailored CV, an earlier version). */
export interface PreviewOverride {
  cvId: string;
  draft: Draft;
  label: string;
}

/** The real pages of the PDF, beside the editor, following the typing. */
export function PreviewPane({ cvId, draft, title = "Preview" }: { cvId: string; draft: Draft; title?: string }) {
  const { pages, updating, problem } = usePreview(cvId, draft);
  return (
    <section className="preview" aria-labelledby="preview-heading" aria-busy={updating} tabIndex={0}>
      <div className="preview__head">
        <h2 id="preview-heading">{title}</h2>
        <span className="preview__status muted" role="status">
          {updating ? (
            <>
              <Spinner label="" /> Updating…
            </>
          ) : pages ? (
            `${pages.length} ${pages.length === 1 ? "page" : "pages"}`
          ) : null}
        </span>
      </div>
      {problem && <p className="notice notice--warning preview__problem">{problem}</p>}
      {pages === null ? (
        problem ? null : <LoadingState>Rendering your CV…</LoadingState>
      ) : (
        <ol className="preview__pages">
          {pages.map((page) => (
            <li key={page.number}>
              <img
                data-testid="preview-page"
                data-stale={updating ? "true" : "false"}
                src={page.imageUrl}
                width={page.width}
                height={page.height}
                alt={`Page ${page.number} of ${pages.length}`}
                className="preview__page"
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
