/**
 * Autosave of one letter: edits are sent a moment after typing stops, against the version last saved, one save at a
 * time. A version conflict stops saving until the person chooses (keep theirs or load the saved one); a rejected
 * edit stays on screen with the reason; a network failure is retried.
 */
import { useApolloClient } from "@apollo/client/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { getFragmentData } from "../../gql";
import { LetterFieldsFragment, UpdateLetterMutation } from "./operations";

export const AUTOSAVE_DELAY_MS = 800;
const RETRY_MS = 3000;

export type LetterSaveStatus = "saved" | "pending" | "saving" | "invalid" | "conflict" | "retrying";

export interface LetterContent {
  title: string;
  text: string;
}

export interface LetterSaveState extends LetterContent {
  version: number;
  status: LetterSaveStatus;
  warnings: string[];
  /** Why the last save was refused (invalid) or stopped (conflict). */
  message: string | null;
  /** The version saved elsewhere, when a save met a conflict. */
  theirVersion: number | null;
}

export function useLetterAutosave(letterId: string, initial: LetterContent & { version: number; warnings: string[] }) {
  const client = useApolloClient();
  const [state, setState] = useState<LetterSaveState>({
    ...initial,
    status: "saved",
    message: null,
    theirVersion: null,
  });
  const current = useRef(state);
  current.current = state;
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const sent = useRef<LetterContent>({ title: initial.title, text: initial.text });

  /** Send what is on screen, unless it is what was last sent (`force`: send it anyway, over a conflict). */
  const save = useCallback(
    async (force = false): Promise<void> => {
      window.clearTimeout(timer.current);
      if (inFlight.current) {
        await inFlight.current;
      }
      const now = current.current;
      const unchanged = now.title === sent.current.title && now.text === sent.current.text;
      if (now.status === "conflict" || (unchanged && !force)) return;
      const content = { title: now.title, text: now.text };
      setState((s) => ({ ...s, status: "saving" }));
      const work = (async () => {
        try {
          const { data } = await client.mutate({
            mutation: UpdateLetterMutation,
            variables: { id: letterId, version: now.version, input: content },
          });
          const result = data?.updateCoverLetter;
          if (result?.__typename === "CoverLetter") {
            const saved = getFragmentData(LetterFieldsFragment, result);
            sent.current = content;
            setState((s) => ({
              ...s,
              version: saved.version,
              warnings: saved.warnings,
              message: null,
              status: s.title === content.title && s.text === content.text ? "saved" : "pending",
            }));
          } else if (result?.__typename === "VersionConflictError") {
            setState((s) => ({
              ...s,
              status: "conflict",
              message: result.message,
              theirVersion: result.currentVersion,
            }));
          } else {
            sent.current = content; // the same content would be refused again: wait for the next edit
            setState((s) => ({ ...s, status: "invalid", message: result?.message ?? "The letter was not saved." }));
          }
        } catch {
          setState((s) => ({ ...s, status: "retrying", message: "Not saved yet: retrying…" }));
          timer.current = window.setTimeout(() => void save(), RETRY_MS);
        }
      })();
      inFlight.current = work;
      await work;
      inFlight.current = null;
      const after = current.current;
      if (after.status === "pending") timer.current = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [client, letterId],
  );

  const edit = useCallback(
    (change: Partial<LetterContent>) => {
      setState((s) => ({ ...s, ...change, status: s.status === "conflict" ? "conflict" : "pending" }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [save],
  );

  /** Replace what is on screen with a saved letter (after loading the other version, or restoring a revision). */
  const reset = useCallback((saved: LetterContent & { version: number; warnings: string[] }) => {
    window.clearTimeout(timer.current);
    sent.current = { title: saved.title, text: saved.text };
    setState({ ...saved, status: "saved", message: null, theirVersion: null });
  }, []);

  /** Keep the text on screen: save it over the version saved elsewhere. */
  const keepMine = useCallback(() => {
    setState((s) => ({ ...s, version: s.theirVersion ?? s.version, theirVersion: null, status: "pending" }));
    window.setTimeout(() => void save(true), 0); // after the state above is on screen (and in `current`)
  }, [save]);

  // Leaving the letter (another tab, the list) sends what is still waiting for its delay.
  useEffect(() => () => void save(), [save]);
  // Closing the window with an edit not saved yet asks first; Ctrl+S / Cmd+S saves now.
  const unsaved = state.status !== "saved";
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (unsaved) event.preventDefault();
    };
    const saveNow = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener("beforeunload", warn);
    window.addEventListener("keydown", saveNow);
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("keydown", saveNow);
    };
  }, [unsaved, save]);
  const flush = useCallback(() => save(), [save]);
  return useMemo(() => ({ state, edit, flush, reset, keepMine }), [state, edit, flush, reset, keepMine]);
}
