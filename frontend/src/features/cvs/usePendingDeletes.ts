import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Deletion with undo: the CV disappears at once, and the real delete is sent only after the undo window.
 * Leaving the page sends what is pending straight away, so a deletion the person did not undo still happens.
 */
export function usePendingDeletes(commit: (id: string) => void, undoWindowMs = 6000) {
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef(new Map<string, number>());
  const commitRef = useRef(commit);
  commitRef.current = commit;

  const forget = useCallback((id: string) => {
    window.clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setPending((all) => {
      const rest = new Set(all);
      rest.delete(id);
      return rest;
    });
  }, []);

  const schedule = useCallback(
    (id: string) => {
      setPending((all) => new Set(all).add(id));
      timers.current.set(
        id,
        window.setTimeout(() => {
          timers.current.delete(id);
          commitRef.current(id);
        }, undoWindowMs),
      );
    },
    [undoWindowMs],
  );

  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const [id, timer] of all) {
        window.clearTimeout(timer);
        commitRef.current(id);
      }
      all.clear();
    };
  }, []);

  return { pending, schedule, undo: forget, settle: forget };
}
