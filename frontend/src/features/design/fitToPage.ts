/**
 * "Fit to one page": the design's own options tightened step by step, within the limits the Design tab offers
 * (compact section spacing, tight lines, margins down to 10 mm, text down to 9 pt), until the CV's PDF has one
 * page. Content is never changed. Pages only fall as the design tightens, so the loosest design that fits is
 * found by halving the list: a handful of previews, not one per step.
 */
import type { DraftDesign } from "../../cv/draft";
import type { LineHeight, SectionSpacing } from "../../gql/graphql";

type Design = DraftDesign & { lineHeight?: LineHeight; sectionSpacing?: SectionSpacing };

const MARGINS_MM = [30, 25, 20, 18, 15, 12, 10];
const SMALLEST_TEXT_PT = 9;

function millimetres(margins: string): number | null {
  const match = /^(\d+(?:\.\d+)?)mm$/.exec(margins.trim());
  return match ? Number(match[1]) : null;
}

/** Ever tighter designs from `design`, each one step tighter than the one before; `design` itself first. */
export function tighterDesigns(design: Design): Design[] {
  const steps: Design[] = [design];
  const last = () => steps[steps.length - 1];
  const push = (change: Partial<Design>) => steps.push({ ...last(), ...change });
  if ((design.sectionSpacing ?? "NORMAL") !== "COMPACT") push({ sectionSpacing: "COMPACT" });
  if ((design.lineHeight ?? "NORMAL") !== "TIGHT") push({ lineHeight: "TIGHT" });
  const margin = millimetres(design.margins);
  for (const mm of MARGINS_MM) if (margin === null || mm < margin) push({ margins: `${mm}mm` });
  for (let size = design.fontSize - 0.5; size >= SMALLEST_TEXT_PT; size -= 0.5) push({ fontSize: size });
  return steps;
}

export type FitOutcome =
  | { kind: "fits"; design: Design; alreadyDid: boolean }
  | { kind: "too-long"; pagesAtTightest: number };

/** The loosest of `designs` (loosest first) whose PDF has one page, asking `pagesOf` as few times as it can. */
export async function findFit(designs: Design[], pagesOf: (design: Design) => Promise<number>): Promise<FitOutcome> {
  if ((await pagesOf(designs[0])) <= 1) return { kind: "fits", design: designs[0], alreadyDid: true };
  const tightest = designs[designs.length - 1];
  const pagesAtTightest = designs.length > 1 ? await pagesOf(tightest) : 2;
  if (pagesAtTightest > 1) return { kind: "too-long", pagesAtTightest };
  let tooLong = 0; // designs[tooLong] has more than one page
  let fits = designs.length - 1; // designs[fits] has one
  while (fits - tooLong > 1) {
    const middle = Math.floor((tooLong + fits) / 2);
    if ((await pagesOf(designs[middle])) <= 1) fits = middle;
    else tooLong = middle;
  }
  return { kind: "fits", design: designs[fits], alreadyDid: false };
}
