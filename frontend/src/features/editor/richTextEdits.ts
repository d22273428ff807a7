/**
 * What the formatting buttons and Ctrl/Cmd+B, Ctrl/Cmd+I do to a rich text field: the new text and the selection
 * after it. The markup is the Markdown subset the server reads (cvmaker/domain/rich_text/parsing.py): **bold**,
 * *italic* (asterisks only), [text](address) and "- " list lines.
 */
export interface TextEdit {
  value: string;
  /** The selection after the edit (equal for a caret). */
  start: number;
  end: number;
}

export type Emphasis = "bold" | "italic";

const MARKERS: Record<Emphasis, string> = { bold: "**", italic: "*" };

/** How many asterisks run up to `index` (backwards) or from it (forwards). */
function starsBefore(value: string, index: number): number {
  let count = 0;
  while (index - count - 1 >= 0 && value[index - count - 1] === "*") count++;
  return count;
}

function starsAfter(value: string, index: number): number {
  let count = 0;
  while (value[index + count] === "*") count++;
  return count;
}

/** Whether `count` asterisks on each side make this emphasis: bold is 2 (or 3 with italic), italic 1 (or 3). */
function has(emphasis: Emphasis, count: number): boolean {
  return emphasis === "bold" ? count >= 2 : count === 1 || count >= 3;
}

/**
 * Bold or italic on the selection, or off when it already has it. Spaces at the selection's edges stay outside
 * the markers (Markdown reads "** word**" as text). A caret alone gets an empty pair to type into, or leaves an
 * empty pair it sits in.
 */
export function toggleEmphasis(value: string, start: number, end: number, emphasis: Emphasis): TextEdit {
  const marker = MARKERS[emphasis];
  let from = Math.min(start, end);
  let to = Math.max(start, end);
  while (from < to && /\s/.test(value[from])) from++;
  while (to > from && /\s/.test(value[to - 1])) to--;
  const before = starsBefore(value, from);
  const after = starsAfter(value, to);
  // Around the selection already: take the markers away.
  if (has(emphasis, Math.min(before, after))) {
    const size = marker.length;
    const unwrapped = value.slice(0, from - size) + value.slice(from, to) + value.slice(to + size);
    return { value: unwrapped, start: from - size, end: to - size };
  }
  // Inside the selection ("**word**" selected whole): take them away too.
  const selected = value.slice(from, to);
  const inner = starsAfter(selected, 0);
  const outer = starsBefore(selected, selected.length);
  if (selected.length > 2 * marker.length && has(emphasis, Math.min(inner, outer))) {
    const size = marker.length;
    const unwrapped = selected.slice(size, selected.length - size);
    return { value: value.slice(0, from) + unwrapped + value.slice(to), start: from, end: from + unwrapped.length };
  }
  const wrapped = value.slice(0, from) + marker + selected + marker + value.slice(to);
  return { value: wrapped, start: from + marker.length, end: to + marker.length };
}

/**
 * A link around the selection: "[selection](https://)" with the caret after "https://" to type the address; with
 * nothing selected, "[link text](https://)" with "link text" selected to type over. A selection that is itself an
 * address becomes the link's address, with its text selected.
 */
export function insertLink(value: string, start: number, end: number): TextEdit {
  const from = Math.min(start, end);
  const to = Math.max(start, end);
  const selected = value.slice(from, to).trim();
  const head = value.slice(0, from);
  const tail = value.slice(to);
  if (/^(https?:\/\/|mailto:|tel:|www\.)\S+$/i.test(selected)) {
    const text = selected.replace(/^(https?:\/\/|mailto:|tel:)/i, "").replace(/^www\./i, "");
    return { value: `${head}[${text}](${selected})${tail}`, start: from + 1, end: from + 1 + text.length };
  }
  if (!selected) {
    const placeholder = "link text";
    return {
      value: `${head}[${placeholder}](https://)${tail}`,
      start: from + 1,
      end: from + 1 + placeholder.length,
    };
  }
  const link = `[${selected}](https://)`;
  const caret = from + link.length - 1;
  return { value: head + link + tail, start: caret, end: caret };
}

const LIST_LINE = /^(\s*)[-*+] /;

/**
 * The lines the selection touches as a bulleted list ("- " before each non-empty line), or back to plain lines
 * when every one of them is already a list line. On a blank line it starts a list there, the caret after "- ".
 * The selection keeps covering the same lines.
 */
export function toggleList(value: string, start: number, end: number): TextEdit {
  const from = Math.min(start, end);
  const to = Math.max(start, end);
  const lineStart = value.lastIndexOf("\n", from - 1) + 1;
  const nextBreak = value.indexOf("\n", to > from && value[to - 1] === "\n" ? to - 1 : to);
  const lineEnd = nextBreak === -1 ? value.length : nextBreak;
  const lines = value.slice(lineStart, lineEnd).split("\n");
  const filled = lines.filter((line) => line.trim());
  const listed = filled.length > 0 && filled.every((line) => LIST_LINE.test(line));
  // Blank lines stay blank in a list, but a list started on a blank line needs its first marker there.
  const changed =
    filled.length === 0
      ? ["- ", ...lines.slice(1)]
      : lines.map((line) => {
          if (listed) return line.replace(LIST_LINE, "$1");
          return line.trim() ? `- ${line}` : line;
        });
  const block = changed.join("\n");
  const next = value.slice(0, lineStart) + block + value.slice(lineEnd);
  if (from === to) {
    // A caret stays where it was in its line's text.
    const shift = changed[0].length - lines[0].length;
    const caret = Math.max(lineStart, from + shift);
    return { value: next, start: caret, end: caret };
  }
  return { value: next, start: lineStart, end: lineStart + block.length };
}

/** The formatting a key press asks for: Ctrl+B or Cmd+B bold, Ctrl+I or Cmd+I italic; anything else none. */
export function emphasisForKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}): Emphasis | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const key = event.key.toLowerCase();
  if (key === "b") return "bold";
  if (key === "i") return "italic";
  return null;
}

/** The hint shown under a rich text field. */
export const RICH_TEXT_HINT = "**bold**, *italic*, [link](https://…), - list";
/** The hint under a bullet list: a bullet has no lists of its own. */
export const RICH_LINE_HINT = "**bold**, *italic*, [link](https://…)";
