/**
 * Saves grouped into editing sessions for the History tab: autosave keeps a revision at every pause in typing
 * (dozens in ten minutes), so consecutive saves less than `gapMs` apart, spanning at most `spanMs`, are shown as
 * one entry, its newest save first, with the earlier ones a click away. The first version (the CV as created or
 * imported) is always an entry of its own. Every revision is still kept.
 */
export interface SavedRevision {
  version: number;
  savedAt: string;
}

export function groupIntoSessions<T extends SavedRevision>(
  revisions: readonly T[],
  gapMs = 5 * 60_000,
  spanMs = 30 * 60_000,
): T[][] {
  const newestFirst = [...revisions].sort((a, b) => b.version - a.version);
  const sessions: T[][] = [];
  for (const revision of newestFirst) {
    const session = sessions.at(-1);
    const previous = session?.at(-1);
    const at = Date.parse(revision.savedAt);
    if (
      revision.version !== 1 &&
      session &&
      previous &&
      Date.parse(previous.savedAt) - at < gapMs &&
      Date.parse(session[0].savedAt) - at <= spanMs
    ) {
      session.push(revision);
    } else {
      sessions.push([revision]);
    }
  }
  return sessions;
}
