/**
 * What restoring an earlier version would change, part by part: the current draft against that version, with
 * sections and entries matched by id (so a renamed entry is a change, not a removal and an addition).
 */
import type { Draft, DraftItem, DraftSection } from "../../cv/draft";

export interface RevisionChange {
  /** Where, in the person's words: "Name", "Experience › Engineer › Bullets". */
  where: string;
  now: string;
  then: string;
}

const ITEM_FIELDS: [keyof DraftItem, string][] = [
  ["title", "Title"],
  ["organization", "Organisation"],
  ["location", "Location"],
  ["startDate", "Start"],
  ["endDate", "End"],
  ["description", "Description"],
  ["bullets", "Bullets"],
  ["keywords", "Keywords"],
  ["url", "Link"],
];

const DESIGN_FIELDS: [keyof Draft["design"], string][] = [
  ["template", "Template"],
  ["accentColor", "Accent colour"],
  ["fontFamily", "Font"],
  ["fontSize", "Font size"],
  ["pageSize", "Page size"],
  ["margins", "Margins"],
];

function fieldText(item: DraftItem, field: keyof DraftItem): string {
  const value = item[field];
  if (field === "bullets") return (value as string[]).join("\n");
  if (field === "keywords") return (value as string[]).join(", ");
  if (field === "endDate" && item.current) return "present";
  return String(value ?? "");
}

const itemName = (item: DraftItem): string => item.title.trim() || item.organization.trim() || "an entry";

/** An entry as one block of text, for an entry that is in only one of the two. */
function itemText(item: DraftItem): string {
  const dates = [item.startDate, item.current ? "present" : item.endDate].filter(Boolean).join(" – ");
  const head = [item.title, item.organization, item.location, dates].filter((part) => part.trim()).join(", ");
  return [head, item.description, ...item.bullets, item.keywords.join(", ")].filter((part) => part.trim()).join("\n");
}

const sectionText = (section: DraftSection): string =>
  [section.title, ...section.items.map(itemText)].filter((part) => part.trim()).join("\n");

const linksText = (draft: Draft): string =>
  draft.basics.links.map((link) => [link.label, link.url].filter(Boolean).join(" ")).join("\n");

const shown = (visible: boolean): string => (visible ? "shown" : "hidden");

function itemChanges(where: string, now: DraftSection, then: DraftSection, out: RevisionChange[]): void {
  const thenItems = new Map(then.items.map((item) => [item.id, item]));
  const nowIds = new Set(now.items.map((item) => item.id));
  for (const item of now.items) {
    const old = thenItems.get(item.id);
    const place = `${where} › ${itemName(old ?? item)}`;
    if (!old) {
      out.push({ where: `${where} › ${itemName(item)}`, now: itemText(item), then: "" });
      continue;
    }
    for (const [field, label] of ITEM_FIELDS) {
      const a = fieldText(item, field);
      const b = fieldText(old, field);
      if (a !== b) out.push({ where: `${place} › ${label}`, now: a, then: b });
    }
    if (item.visible !== old.visible) out.push({ where: place, now: shown(item.visible), then: shown(old.visible) });
  }
  for (const old of then.items) {
    if (!nowIds.has(old.id)) out.push({ where: `${where} › ${itemName(old)}`, now: "", then: itemText(old) });
  }
  const order = (items: DraftItem[]) =>
    items
      .filter((i) => nowIds.has(i.id) && thenItems.has(i.id))
      .map(itemName)
      .join(" · ");
  if (order(now.items) !== order(then.items))
    out.push({ where: `${where} › Order`, now: order(now.items), then: order(then.items) });
}

export function changesSince(then: Draft, now: Draft): RevisionChange[] {
  const out: RevisionChange[] = [];
  const compare = (where: string, a: string, b: string) => {
    if (a !== b) out.push({ where, now: a, then: b });
  };
  compare("Title", now.title, then.title);
  compare("Name", now.basics.name, then.basics.name);
  compare("Headline", now.basics.headline, then.basics.headline);
  compare("Email", now.basics.email, then.basics.email);
  compare("Phone", now.basics.phone, then.basics.phone);
  compare("Location", now.basics.location, then.basics.location);
  compare("Links", linksText(now), linksText(then));
  compare("Summary", now.summary, then.summary);

  const thenSections = new Map(then.sections.map((section) => [section.id, section]));
  const nowIds = new Set(now.sections.map((section) => section.id));
  for (const section of now.sections) {
    const old = thenSections.get(section.id);
    if (!old) {
      out.push({ where: `Section ${section.title}`, now: sectionText(section), then: "" });
      continue;
    }
    compare(`${old.title} › Section title`, section.title, old.title);
    if (section.visible !== old.visible)
      out.push({ where: old.title, now: shown(section.visible), then: shown(old.visible) });
    itemChanges(old.title, section, old, out);
  }
  for (const old of then.sections) {
    if (!nowIds.has(old.id)) out.push({ where: `Section ${old.title}`, now: "", then: sectionText(old) });
  }
  const order = (sections: DraftSection[]) =>
    sections
      .filter((s) => nowIds.has(s.id) && thenSections.has(s.id))
      .map((s) => s.title)
      .join(" · ");
  compare("Section order", order(now.sections), order(then.sections));

  for (const [field, label] of DESIGN_FIELDS)
    compare(`Design › ${label}`, String(now.design[field]), String(then.design[field]));
  return out;
}
