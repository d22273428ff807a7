import { describe, expect, it } from "vitest";
import { asDay } from "./day";
import { followUpDue, formatDay, localToday, neighbourStage, STAGES } from "./stages";

describe("stages", () => {
  it("moves one column at a time and stops at either end of the board", () => {
    expect(neighbourStage("SAVED", 1)).toBe("APPLIED");
    expect(neighbourStage("APPLIED", -1)).toBe("SAVED");
    expect(neighbourStage("SAVED", -1)).toBeNull();
    expect(neighbourStage("WITHDRAWN", 1)).toBeNull();
    expect(STAGES).toHaveLength(6);
  });

  it("reads today in the person's own time zone and says when a follow-up is due", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
    expect(followUpDue("2026-01-05", "2026-01-05")).toBe(true);
    expect(followUpDue("2026-01-04", "2026-01-05")).toBe(true);
    expect(followUpDue("2026-01-06", "2026-01-05")).toBe(false);
    expect(followUpDue(null, "2026-01-05")).toBe(false);
  });

  it("shows a calendar day as that day whatever the time zone, and keeps what it cannot read", () => {
    expect(formatDay("2026-12-03")).toMatch(/3/);
    expect(formatDay("2026-12-03")).toMatch(/2026/);
    expect(formatDay("soon")).toBe("soon");
    expect(asDay("2026-12-03")).toBe("2026-12-03");
    expect(asDay(20261203)).toBeNull();
    expect(asDay(null)).toBeNull();
  });
});
