import type { Draft } from "../../cv/draft";
import { LoadingState, Spinner } from "../../ui/States";
import { usePreview } from "./usePreview";

/** The real pages of the PDF, beside the editor, following the typing. */
export function PreviewPane({ cvId, draft, title = "Preview" }: { cvId: string; draft: Draft; title?: string }) {
  const { pages, updating, problem } = usePreview(cvId, draft);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the pages scroll inside the pane, so the keyboard must be able to reach it
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
        problem ? null : (
          <LoadingState>Rendering your CV…</LoadingState>
        )
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
