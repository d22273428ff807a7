import { describe, expect, it } from "vitest";
import { partStatus } from "./scoreParts";

describe("partStatus", () => {
  it("says what a measured part counted next to its percentage", () => {
    const text = partStatus({
      score: 0.2857,
      weight: 0.4,
      measured: true,
      tallies: [{ label: "required technical skills", shown: 2, asked: 7 }],
    });
    expect(text).toBe("required technical skills: 2 of 7 · 29% · counts 40%");
  });

  it("never puts a percentage beside a part with nothing to measure", () => {
    const text = partStatus({ score: 0.83, weight: 0, measured: false, tallies: [] });
    expect(text).toBe("not measured: counts nothing");
    expect(text).not.toMatch(/%|0 of 0/);
  });
});
