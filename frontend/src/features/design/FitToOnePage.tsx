import { useApolloClient } from "@apollo/client/react";
import { useState } from "react";
import { type Draft, draftToInput } from "../../cv/draft";
import type { Edit } from "../../cv/edits";
import { graphql } from "../../gql";
import { describeError, Spinner } from "../../ui/States";
import { findFit, tighterDesigns } from "./fitToPage";

export const PageCountQuery = graphql(`
  query PageCount($cvId: ID, $input: CvInput) {
    previewCv(cvId: $cvId, input: $input) {
      __typename
      ... on Preview {
        pageCount
      }
      ... on Error {
        message
      }
    }
  }
`);

/** "Fit to one page": tightens spacing, line height, margins and text size within the design's limits. */
export function FitToOnePage({ cvId, draft, edit }: { cvId: string; draft: Draft; edit: (e: Edit) => void }) {
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);

  async function fitPage() {
    setBusy(true);
    setSaid(null);
    try {
      const pagesOf = async (design: Draft["design"]) => {
        const { data } = await client.query({
          query: PageCountQuery,
          variables: { cvId, input: draftToInput({ ...draft, design }) },
          fetchPolicy: "no-cache",
        });
        const result = data?.previewCv;
        if (result?.__typename !== "Preview") throw new Error(result && "message" in result ? result.message : "");
        return result.pageCount;
      };
      const outcome = await findFit(tighterDesigns(draft.design), pagesOf);
      if (outcome.kind === "too-long") {
        setSaid(
          `It does not fit on one page within the design's limits: ${outcome.pagesAtTightest} pages at the ` +
            "tightest. Shorten or hide some entries.",
        );
      } else if (outcome.alreadyDid) {
        setSaid("It already fits on one page.");
      } else {
        const design = outcome.design;
        edit((d) => ({ ...d, design }));
        setSaid(
          `Fits on one page now: ${design.fontSize} pt text, ${design.margins} margins` +
            `${design.lineHeight === "TIGHT" ? ", tight lines" : ""}` +
            `${design.sectionSpacing === "COMPACT" ? ", compact spacing" : ""}. Undo takes it back.`,
        );
      }
    } catch (failure) {
      setSaid(`Could not check the pages. ${describeError(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card fit-page" aria-labelledby="fit-heading">
      <h2 id="fit-heading" className="card__title">
        Fit to one page
      </h2>
      <p className="muted">Tightens spacing, lines, margins and text size, never below what stays readable.</p>
      <button type="button" className="button" disabled={busy} onClick={() => void fitPage()}>
        {busy ? (
          <>
            <Spinner label="" /> Fitting…
          </>
        ) : (
          "Fit to one page"
        )}
      </button>
      <p role="status" className="fit-page__said">
        {said}
      </p>
    </section>
  );
}
