/** How a score part reads in the breakdown: what it measured and its share, or that there was nothing to measure. */
export interface ScoreTallyView {
  label: string;
  shown: number;
  asked: number;
}

export interface ScorePartView {
  score: number;
  weight: number;
  measured: boolean;
  tallies: readonly ScoreTallyView[];
}

const percent = (value: number) => Math.round(value * 100);

/** "required technical skills: 2 of 7 shown · 29% · counts 40%", or "not measured" with no percentage. */
export function partStatus(part: ScorePartView): string {
  if (!part.measured || part.weight <= 0) return "not measured: counts nothing";
  const counts = part.tallies.map((t) => `${t.label}: ${t.shown} of ${t.asked}`);
  return [...counts, `${percent(part.score)}%`, `counts ${percent(part.weight)}%`].join(" · ");
}
