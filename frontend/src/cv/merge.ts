/**
 * Three-way merge of the person's unsaved edits onto a newer version saved elsewhere (another tab, a device,
 * a tailoring run). For each field: if the person changed it since `base`, their value wins; otherwise the
 * newer saved value is taken. Lists of sections and items are matched by id. Nothing the person typed is
 * dropped: a part they edited survives even if the other side deleted it; the other side's text for a field
 * both changed stays in the revision history.
 */
import type { Draft, DraftItem, DraftSection } from "./draft";

export interface MergeResult {
  draft: Draft;
  /** Fields both sides changed to different values, where the person's text was kept. */
  overlaps: string[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function pick<T>(base: T, mine: T, theirs: T, path: string, overlaps: string[]): T {
  if (same(mine, base)) return theirs;
  if (!same(theirs, base) && !same(theirs, mine)) overlaps.push(path);
  return mine;
}

function mergeFields<T extends object>(
  base: T | undefined,
  mine: T,
  theirs: T | undefined,
  path: string,
  overlaps: string[],
  skip: (keyof T)[] = [],
): T {
  if (!theirs) return mine;
  if (!base) return mine;
  const result = { ...theirs };
  for (const key of Object.keys(mine) as (keyof T)[]) {
    if (skip.includes(key)) continue;
    result[key] = pick(base[key], mine[key], theirs[key], `${path}${String(key)}`, overlaps);
  }
  return result;
}

interface WithId {
  id: string;
}

/** Order and membership of an id-keyed list, then each element merged with `mergeOne`. */
function mergeList<T extends WithId>(
  base: T[],
  mine: T[],
  theirs: T[],
  mergeOne: (b: T | undefined, m: T, t: T | undefined) => T,
): T[] {
  const byId = (list: T[]) => new Map(list.map((x) => [x.id, x]));
  const baseById = byId(base);
  const theirsById = byId(theirs);
  const mineById = byId(mine);
  const orderChangedByMe = !same(
    mine.map((x) => x.id),
    base.map((x) => x.id),
  );
  const order = orderChangedByMe ? mine.map((x) => x.id) : theirs.map((x) => x.id);
  const ids: string[] = [];
  for (const id of order) {
    const deletedByMe = baseById.has(id) && !mineById.has(id);
    const deletedByThem = baseById.has(id) && !theirsById.has(id);
    if (deletedByMe) continue;
    if (deletedByThem && mineById.has(id) && same(mineById.get(id), baseById.get(id))) continue;
    if (!mineById.has(id) && !theirsById.has(id)) continue;
    ids.push(id);
  }
  // Parts new on the other side, or kept by me when they deleted them, that the chosen order does not hold.
  const extra = orderChangedByMe ? theirs : mine;
  extra.forEach((x, index) => {
    if (ids.includes(x.id)) return;
    const deletedByMe = baseById.has(x.id) && !mineById.has(x.id);
    const untouchedDeletedByThem = baseById.has(x.id) && !theirsById.has(x.id) && same(x, baseById.get(x.id));
    if (deletedByMe || untouchedDeletedByThem) return;
    ids.splice(Math.min(index, ids.length), 0, x.id);
  });
  return ids.map((id) => {
    const m = mineById.get(id);
    const t = theirsById.get(id);
    if (!m) return t as T;
    return mergeOne(baseById.get(id), m, t);
  });
}

export function mergeDrafts(base: Draft, mine: Draft, theirs: Draft): MergeResult {
  const overlaps: string[] = [];
  const mergeItem = (b: DraftItem | undefined, m: DraftItem, t: DraftItem | undefined) =>
    mergeFields(b, m, t, `item ${m.title || m.id}: `, overlaps);
  const mergeSection = (b: DraftSection | undefined, m: DraftSection, t: DraftSection | undefined): DraftSection => {
    const fields = mergeFields(b, m, t, `section ${m.title}: `, overlaps, ["items"]);
    return { ...fields, items: mergeList(b?.items ?? [], m.items, t?.items ?? m.items, mergeItem) };
  };
  const draft: Draft = {
    title: pick(base.title, mine.title, theirs.title, "title", overlaps),
    summary: pick(base.summary, mine.summary, theirs.summary, "summary", overlaps),
    basics: mergeFields(base.basics, mine.basics, theirs.basics, "basics.", overlaps),
    design: mergeFields(base.design, mine.design, theirs.design, "design.", overlaps),
    sections: mergeList(base.sections, mine.sections, theirs.sections, mergeSection),
  };
  return { draft, overlaps };
}
