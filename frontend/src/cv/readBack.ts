/**
 * What the server read from typed values, taken back into the editor: "March 2020" is stored as "2020-03", an
 * end date of "present" makes the entry current, "linkedin.com/in/ada" gains https://. Only where the person has
 * not typed since the save was sent, never into the field they are typing in, and never where the server kept
 * the value as typed (a draft: the person's text stays in the field).
 */
import type { Draft, DraftItem } from "./draft";

const ITEM_FIELDS = ["startDate", "endDate", "current", "url"] as const;

/**
 * `current` with the server's reading of `sent` applied. `kept` holds the paths (in `sent`'s order) the server kept
 * as drafts; `focused(path)` says whether a field is being typed in.
 */
export function adoptReadValues(
  sent: Draft,
  current: Draft,
  saved: Draft,
  kept: ReadonlySet<string>,
  focused: (path: string) => boolean = () => false,
): Draft {
  let changed = false;
  const basics = { ...current.basics };
  const email = "basics.email";
  if (
    !kept.has(email) &&
    !focused(email) &&
    current.basics.email === sent.basics.email &&
    saved.basics.email !== sent.basics.email
  ) {
    basics.email = saved.basics.email;
    changed = true;
  }
  if (
    saved.basics.links.length === sent.basics.links.length &&
    current.basics.links.length === sent.basics.links.length
  ) {
    basics.links = current.basics.links.map((link, index) => {
      const before = sent.basics.links[index];
      const read = saved.basics.links[index];
      const path = `basics.links.${index}.url`;
      if (link.url !== before.url || read.url === before.url || focused(path)) return link;
      changed = true;
      return { ...link, url: read.url };
    });
  }
  const sentPaths = itemPaths(sent);
  const savedItems = itemsById(saved);
  const sentItems = itemsById(sent);
  const sections = current.sections.map((section) => {
    const items = section.items.map((item) => {
      const before = sentItems.get(item.id);
      const read = savedItems.get(item.id);
      const path = sentPaths.get(item.id);
      if (!before || !read || path === undefined) return item;
      let next = item;
      for (const field of ITEM_FIELDS) {
        const fieldPath = `${path}.${field}`;
        if (kept.has(fieldPath) || focused(fieldPath) || (field === "current" && focused(`${path}.endDate`))) continue;
        if (item[field] !== before[field] || read[field] === before[field]) continue;
        next = { ...next, [field]: read[field] };
      }
      if (next !== item) changed = true;
      return next;
    });
    return items.some((item, i) => item !== section.items[i]) ? { ...section, items } : section;
  });
  return changed ? { ...current, basics, sections } : current;
}

function itemsById(draft: Draft): Map<string, DraftItem> {
  return new Map(draft.sections.flatMap((section) => section.items.map((item) => [item.id, item] as const)));
}

function itemPaths(draft: Draft): Map<string, string> {
  return new Map(
    draft.sections.flatMap((section, s) => section.items.map((item, i) => [item.id, `sections.${s}.items.${i}`])),
  );
}
