import { describe, expect, it } from "vitest";
import type { DraftDesign } from "../../cv/draft";
import { findFit, tighterDesigns } from "./fitToPage";

const design: DraftDesign = {
  template: "classic",
  accentColor: "#24477a",
  fontFamily: "Inter",
  fontSize: 11,
  pageSize: "A4",
  margins: "18mm",
};

describe("tighterDesigns", () => {
  it("tightens spacing, lines, margins, then text, each step tighter and never past the limits", () => {
    const steps = tighterDesigns(design);
    expect(steps[0]).toBe(design);
    expect(steps[1]).toMatchObject({ sectionSpacing: "COMPACT" });
    expect(steps[2]).toMatchObject({ sectionSpacing: "COMPACT", lineHeight: "TIGHT" });
    expect(steps.map((s) => s.margins).slice(3, 6)).toEqual(["15mm", "12mm", "10mm"]);
    const last = steps[steps.length - 1];
    expect(last).toMatchObject({ fontSize: 9, margins: "10mm", lineHeight: "TIGHT", sectionSpacing: "COMPACT" });
    expect(new Set(steps.map((s) => JSON.stringify(s))).size).toBe(steps.length);
  });
});

describe("findFit", () => {
  const steps = tighterDesigns(design);
  const pagesWhenFitsFrom = (index: number) => {
    const asked: number[] = [];
    const pagesOf = async (d: DraftDesign) => {
      const at = steps.indexOf(d);
      asked.push(at);
      return at >= index ? 1 : 2;
    };
    return { pagesOf, asked };
  };

  it("finds the loosest design that fits with a few previews, not one per step", async () => {
    const { pagesOf, asked } = pagesWhenFitsFrom(4);
    expect(await findFit(steps, pagesOf)).toEqual({ kind: "fits", design: steps[4], alreadyDid: false });
    expect(asked.length).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(steps.length)));
  });

  it("says when it already fits, and when nothing within the limits does", async () => {
    expect(await findFit(steps, pagesWhenFitsFrom(0).pagesOf)).toMatchObject({ kind: "fits", alreadyDid: true });
    const never = async () => 3;
    expect(await findFit(steps, never)).toEqual({ kind: "too-long", pagesAtTightest: 3 });
  });
});
