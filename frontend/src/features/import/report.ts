/**
 * What an import read and what it warned of, shaped for a person to check at a glance: the name and contact
 * details, each section with its number of entries, and the warnings grouped by the part of the CV they concern.
 */

export interface ImportWarning {
  message: string;
  text?: string | null;
}

export interface SectionRead {
  title: string;
  entries: number;
  /** The first entries' titles (or employers), to recognise the section by. */
  firstEntries: string[];
}

/** What the importer read, as it was read (later edits do not change it). */
export interface ImportRead {
  fileName: string;
  /** The kind of file, as a person names it ("PDF", "LinkedIn data export"). */
  fileKind: string;
  name: string;
  headline: string | null;
  contact: { label: string; value: string }[];
  summary: boolean;
  sections: SectionRead[];
}

/** What the editor needs to review an import: the warnings, where each field was read in the file, and what
 * was read (absent in a report made before it was added). */
export interface ImportReport {
  warnings: ImportWarning[];
  sources: { path: string; source: string }[];
  read?: ImportRead;
}

/** The part of an imported CV the summary is made from (the `cv` of `importCv`). */
export interface ImportedCv {
  basics: {
    name: string;
    headline?: string | null;
    email?: string | null;
    phone?: string | null;
    location?: string | null;
    links: { label?: string | null; url: string }[];
  };
  summary?: string | null;
  sections: { title: string; items: { title?: string | null; organization?: string | null }[] }[];
}

const FIRST_ENTRIES = 3;

export function summarize(cv: ImportedCv, file: { fileName: string; fileKind: string }): ImportRead {
  const { basics } = cv;
  const contact: { label: string; value: string }[] = [];
  if (basics.email) contact.push({ label: "Email", value: basics.email });
  if (basics.phone) contact.push({ label: "Phone", value: basics.phone });
  if (basics.location) contact.push({ label: "Location", value: basics.location });
  for (const link of basics.links) contact.push({ label: link.label?.trim() || "Link", value: link.url });
  return {
    ...file,
    name: basics.name.trim(),
    headline: basics.headline?.trim() || null,
    contact,
    summary: Boolean(cv.summary?.trim()),
    sections: cv.sections.map((section) => ({
      title: section.title,
      entries: section.items.length,
      firstEntries: section.items
        .map((item) => item.title?.trim() || item.organization?.trim() || "")
        .filter(Boolean)
        .slice(0, FIRST_ENTRIES),
    })),
  };
}

/** A warning taken apart: the field it names (if any), what happened, and the text concerned. */
export interface ReadableWarning {
  path: string | null;
  /** The path in words within its group: "entry 2 › end date" (empty when the path is the group itself). */
  field: string;
  message: string;
  text: string | null;
}

export interface WarningGroup {
  title: string;
  warnings: ReadableWarning[];
}

// "Left out sections.0.items.1.endDate: ..." (a value the CV model refused) or "work.0.endDate: ..." (JSON).
const WITH_PATH = /^([Ll]eft out )?([a-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*): (.+)$/s;

const AREAS: Record<string, string> = {
  basics: "Name and contact details",
  title: "Title",
  summary: "Summary",
  meta: "About the file",
};

function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The area a path belongs to (a section's own title where the path names one of ours), and the rest in words. */
function place(path: string, read: ImportRead | undefined): { area: string; rest: string[] } {
  const [head = "", ...parts] = path.split(".");
  let area = AREAS[head] ?? capitalised(words(head));
  if (head === "sections" && parts[0] !== undefined) {
    // Ours name a section by position ("sections.0"), Reactive Resume's by key ("sections.experience").
    const key = parts.shift()!;
    area = /^\d+$/.test(key)
      ? read?.sections[Number(key)]?.title || `Section ${Number(key) + 1}`
      : capitalised(words(key));
    if (parts[0] === "items") parts.shift();
  }
  const rest = parts.map((part) => (/^\d+$/.test(part) ? `entry ${Number(part) + 1}` : words(part)));
  return { area, rest };
}

// "Profile.csv row 2, Industry: ..." (a LinkedIn export: the file, the row and the column).
const IN_CSV = /^([^:\n]+)\.csv(?: row (\d+))?(?:, ([^:\n]+))?: (.+)$/s;

export function readable(warning: ImportWarning, read?: ImportRead): ReadableWarning & { area: string | null } {
  const text = warning.text?.trim() || null;
  const inCsv = IN_CSV.exec(warning.message.trim());
  if (inCsv) {
    const [, file = "", row, column, said = ""] = inCsv;
    const field = [row && `row ${row}`, column?.trim()].filter(Boolean).join(" › ");
    return {
      // The file's name is the path: its row and column are the field already.
      path: `${file.trim()}.csv`,
      field,
      message: said.trim(),
      text,
      area: file.trim(),
    };
  }
  const match = WITH_PATH.exec(warning.message.trim());
  if (!match) return { path: null, field: "", message: warning.message.trim(), text, area: null };
  const [, leftOut, path = "", said = ""] = match;
  const { area, rest } = place(path, read);
  const message = leftOut ? `${said.trim()} (left out)` : said.trim();
  return {
    path,
    field: rest.join(" › "),
    // Read after its field ("end date: is after…"), or alone as a sentence when the path is the group itself.
    message: rest.length > 0 ? message : capitalised(message),
    text,
    area,
  };
}

export interface ReviewedWarnings {
  /** Warnings naming a field, grouped by the part of the CV; then those that name none, as "Other notes". */
  groups: WarningGroup[];
  /** Text the importer found no place for, grouped by why. */
  unplaced: { message: string; texts: string[] }[];
  count: number;
}

export function reviewWarnings(warnings: ImportWarning[], read?: ImportRead): ReviewedWarnings {
  const groups = new Map<string, ReadableWarning[]>();
  const notes: ReadableWarning[] = [];
  const unplaced = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const warning of warnings) {
    const key = `${warning.message}\u0000${warning.text ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { area, ...item } = readable(warning, read);
    if (area !== null) groups.set(area, [...(groups.get(area) ?? []), item]);
    else if (item.text !== null) unplaced.set(item.message, [...(unplaced.get(item.message) ?? []), item.text]);
    else notes.push(item);
  }
  const grouped = [...groups].map(([title, items]) => ({ title, warnings: items }));
  if (notes.length > 0) grouped.push({ title: grouped.length > 0 ? "Other notes" : "Notes", warnings: notes });
  return {
    groups: grouped,
    unplaced: [...unplaced].map(([message, texts]) => ({ message, texts })),
    count: seen.size,
  };
}

function isImportRead(value: unknown): value is ImportRead {
  if (typeof value !== "object" || value === null) return false;
  const read = value as Partial<ImportRead>;
  return typeof read.name === "string" && Array.isArray(read.sections) && Array.isArray(read.contact);
}

/** The summary the import dialog handed over with the navigation to the new CV (history state), if any. */
export function readFromState(state: unknown): ImportRead | undefined {
  const report = (state as { importReport?: { read?: unknown } } | null)?.importReport;
  return isImportRead(report?.read) ? report.read : undefined;
}
