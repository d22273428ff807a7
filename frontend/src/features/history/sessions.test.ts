import { describe, expect, it } from "vitest";
import { groupIntoSessions } from "./sessions";

const at = (version: number, minute: number) => ({
  version,
  savedAt: new Date(Date.UTC(2026, 11, 3, 10, minute)).toISOString(),
});

describe("groupIntoSessions", () => {
  it("joins saves a few minutes apart and splits at a longer pause, newest first", () => {
    const revisions = [at(1, 0), at(2, 1), at(3, 2), at(4, 20), at(5, 21)];
    expect(groupIntoSessions(revisions).map((s) => s.map((r) => r.version))).toEqual([[5, 4], [3, 2], [1]]);
  });

  it("keeps the first version, the CV as created, an entry of its own", () => {
    expect(groupIntoSessions([at(1, 0), at(2, 0)]).map((s) => s.map((r) => r.version))).toEqual([[2], [1]]);
  });

  it("caps a session's span, so a long stretch of typing still leaves points to go back to", () => {
    const steady = Array.from({ length: 20 }, (_, i) => at(i + 1, i * 3)); // every 3 minutes for an hour
    const sessions = groupIntoSessions(steady);
    expect(sessions.length).toBeGreaterThan(1);
    for (const session of sessions) {
      expect(Date.parse(session[0].savedAt) - Date.parse(session.at(-1)!.savedAt)).toBeLessThanOrEqual(30 * 60_000);
    }
    expect(sessions.flat()).toHaveLength(20);
  });
});
