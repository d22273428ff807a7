import { useApolloClient } from "@apollo/client/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { graphql } from "../gql";
import { Autosave, type AutosaveState, type SaveOutcome } from "./autosave";
import { draftFromCv, type Draft } from "./draft";
import { keepUnsaved } from "./unsavedBackup";

/** Autosave's save; the job match's tailoring review saves a tailored copy with it too. */
export const SaveCvMutation = graphql(`
  mutation SaveCv($id: ID!, $version: Int!, $input: CvInput!) {
    updateCv(id: $id, version: $version, input: $input) {
      __typename
      ... on Cv {
        id
        version
        title
        updatedAt
        ...EditorCv_cv
      }
      ... on ValidationError {
        message
        fields {
          path
          message
        }
      }
      ... on VersionConflictError {
        currentVersion
      }
      ... on Error {
        message
      }
    }
  }
`);

export const LatestCvQuery = graphql(`
  query LatestCv($id: ID!) {
    cv(id: $id) {
      id
      ...EditorCv_cv
    }
  }
`);

/** The autosave of one CV, wired to the API, re-rendering on every state change. */
export function useAutosave(cvId: string, initial: { draft: Draft; version: number }) {
  const client = useApolloClient();
  // biome-ignore lint/correctness/useExhaustiveDependencies: one autosave per CV for the life of the editor; `initial` only seeds it
  const autosave = useMemo(
    () =>
      new Autosave(initial, {
        async save(version, input): Promise<SaveOutcome> {
          const { data } = await client.mutate({ mutation: SaveCvMutation, variables: { id: cvId, version, input } });
          const result = data?.updateCv;
          switch (result?.__typename) {
            case "Cv": {
              const read = draftFromCv(result);
              return { kind: "saved", version: result.version, saved: read.draft, kept: read.kept };
            }
            case "VersionConflictError":
              return { kind: "conflict" };
            case "ValidationError":
              return { kind: "invalid", fields: result.fields, message: result.message };
            case "NotFoundError":
              return { kind: "gone" };
            default:
              return { kind: "failed", message: "Unexpected answer from the server." };
          }
        },
        async loadLatest() {
          const { data } = await client.query({
            query: LatestCvQuery,
            variables: { id: cvId },
            fetchPolicy: "network-only",
          });
          return data?.cv ? draftFromCv(data.cv) : null;
        },
        focused(path) {
          return document.activeElement?.getAttribute("data-path") === path;
        },
      }),
    [client, cvId],
  );
  const [state, setState] = useState<AutosaveState>(autosave.current);
  const mounts = useRef(0);
  useEffect(() => {
    autosave.revive();
    const mount = ++mounts.current;
    setState(autosave.current);
    let lastBackup: Draft | null = null;
    const unsubscribe = autosave.subscribe((next) => {
      setState(next);
      const work = autosave.unsavedWork();
      if (work?.draft !== lastBackup) keepUnsaved(cvId, work);
      lastBackup = work?.draft ?? null;
    });
    const warnIfUnsaved = (event: BeforeUnloadEvent) => {
      if (autosave.dirty) {
        void autosave.flush();
        event.preventDefault();
      }
    };
    const refreshOnReturn = () => {
      if (document.visibilityState === "visible") void autosave.refreshIfIdle();
    };
    window.addEventListener("beforeunload", warnIfUnsaved);
    document.addEventListener("visibilitychange", refreshOnReturn);
    window.addEventListener("focus", refreshOnReturn);
    return () => {
      window.removeEventListener("beforeunload", warnIfUnsaved);
      document.removeEventListener("visibilitychange", refreshOnReturn);
      window.removeEventListener("focus", refreshOnReturn);
      unsubscribe();
      // Leaving the editor still saves what was typed; then its timers stop (a failed save stays in the backup).
      void autosave.flush().finally(() => {
        if (mounts.current === mount) autosave.dispose(); // unless the editor was mounted again meanwhile
      });
    };
  }, [autosave, cvId]);
  return { state, autosave };
}
