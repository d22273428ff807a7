import { useApolloClient } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { graphql } from "../../gql";
import { draftToInput, type Draft } from "../../cv/draft";

export const PreviewCvQuery = graphql(`
  query PreviewCv($cvId: ID, $input: CvInput) {
    previewCv(cvId: $cvId, input: $input) {
      __typename
      ... on Preview {
        pageCount
        pages {
          number
          width
          height
          imageUrl
        }
      }
      ... on ValidationError {
        message
      }
      ... on Error {
        message
      }
    }
  }
`);

export interface PreviewPageImage {
  number: number;
  width: number;
  height: number;
  imageUrl: string;
}

export interface PreviewState {
  pages: PreviewPageImage[] | null;
  /** A newer preview is on its way: the pages shown are of an earlier draft. */
  updating: boolean;
  problem: string | null;
}

/**
 * Pages of the PDF for the draft on screen, before it is saved. A short pause in typing sends the draft; one
 * request is in flight at a time and, when it returns, the newest draft goes next, so a fast typist never
 * queues stale renders and the last keystroke is always rendered.
 */
export function usePreview(cvId: string, draft: Draft, pauseMs = 60): PreviewState {
  const client = useApolloClient();
  const [state, setState] = useState<PreviewState>({ pages: null, updating: true, problem: null });
  const latest = useRef(draft);
  const rendered = useRef<Draft | null>(null);
  const inFlight = useRef(false);
  const alive = useRef(true);
  latest.current = draft;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each new draft schedules a render; the effect reads it through `latest`
  useEffect(() => {
    const run = async (): Promise<void> => {
      if (inFlight.current || latest.current === rendered.current) return;
      inFlight.current = true;
      const wanted = latest.current;
      setState((s) => ({ ...s, updating: true }));
      try {
        const { data } = await client.query({
          query: PreviewCvQuery,
          variables: { cvId, input: draftToInput(wanted) },
          fetchPolicy: "no-cache",
        });
        const result = data?.previewCv;
        if (!alive.current) return;
        if (result?.__typename === "Preview") {
          setState({ pages: result.pages, updating: false, problem: null });
        } else if (result?.__typename === "ValidationError") {
          setState((s) => ({
            ...s,
            updating: false,
            problem: "The preview waits until the highlighted fields are fixed.",
          }));
        } else {
          setState((s) => ({
            ...s,
            updating: false,
            problem: result && "message" in result ? result.message : "No preview.",
          }));
        }
      } catch {
        if (alive.current)
          setState((s) => ({
            ...s,
            updating: false,
            problem: "The preview could not be made. It will try again as you type.",
          }));
      } finally {
        rendered.current = wanted;
        inFlight.current = false;
      }
      if (alive.current && latest.current !== wanted) void run();
    };
    const timer = window.setTimeout(() => void run(), rendered.current === null ? 0 : pauseMs);
    return () => window.clearTimeout(timer);
  }, [client, cvId, draft, pauseMs]);

  return state;
}
