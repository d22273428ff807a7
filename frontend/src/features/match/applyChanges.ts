/**
 * Accepting or rejecting each change of a tailored CV. The server's tailored CV holds every change; a rejected
 * change is undone by copying the original CV's value back, found by the item ids the change cites (indices
 * can shift when skill groups are reordered, ids never do).
 */
import type { Draft, DraftItem } from "../../cv/draft";

export interface TailorChange {
  path: string;
  before: string | null;
  after: string | null;
  reason: string;
  sourceItemIds: string[];
}

const ITEM_FIELD = /^sections\.(\d+)\.items\.(\d+)\.(bullets|keywords|visible)$/;
const ITEM_ORDER = /^sections\.(\d+)\.items$/;

function findItem(draft: Draft, id: string): DraftItem | undefined {
  for (const section of draft.sections) {
    const item = section.items.find((i) => i.id === id);
    if (item) return item;
  }
  return undefined;
}

function undo(tailored: Draft, original: Draft, change: TailorChange): Draft {
  if (change.path === "summary") return { ...tailored, summary: original.summary };
  const field = ITEM_FIELD.exec(change.path);
  if (field) {
    const key = field[3] as "bullets" | "keywords" | "visible";
    const id = change.sourceItemIds[0];
    const source = id ? findItem(original, id) : undefined;
    if (!source) return tailored;
    return {
      ...tailored,
      sections: tailored.sections.map((section) => ({
        ...section,
        items: section.items.map((item) => (item.id === id ? { ...item, [key]: source[key] } : item)),
      })),
    };
  }
  const order = ITEM_ORDER.exec(change.path);
  if (order) {
    const index = Number(order[1]);
    const sourceSection = original.sections[index];
    if (!sourceSection) return tailored;
    const rank = new Map(sourceSection.items.map((item, i) => [item.id, i]));
    return {
      ...tailored,
      sections: tailored.sections.map((section, i) =>
        i === index
          ? { ...section, items: [...section.items].sort((x, y) => (rank.get(x.id) ?? 0) - (rank.get(y.id) ?? 0)) }
          : section,
      ),
    };
  }
  return tailored;
}

/** The tailored CV with every rejected change undone. */
export function withRejectedUndone(
  tailored: Draft,
  original: Draft,
  changes: TailorChange[],
  accepted: boolean[],
): Draft {
  return changes.reduce((draft, change, index) => (accepted[index] ? draft : undo(draft, original, change)), tailored);
}

/** A name a person understands for the part a change touches. */
export function describePath(path: string, original: Draft, sourceItemIds: string[], after?: string | null): string {
  if (path === "summary") return "Summary";
  const item = sourceItemIds[0] ? findItem(original, sourceItemIds[0]) : undefined;
  const name = item ? [item.title, item.organization].filter(Boolean).join(", ") || "an entry" : "an entry";
  if (path.endsWith(".bullets")) return `Highlights of ${name}`;
  if (path.endsWith(".keywords")) return `Skills of ${name}`;
  if (path.endsWith(".visible")) return `${after === "false" ? "Hide" : "Show"} ${name}`;
  const order = ITEM_ORDER.exec(path);
  if (order) return `Order of ${original.sections[Number(order[1])]?.title ?? "a section"}`;
  return path;
}
