/** What Enter, Backspace and a multi-line paste do to a list of bullets: the new list, and where the caret goes. */
export interface BulletEdit {
  values: string[];
  /** The bullet that gets focus. */
  focus: number;
  /** The caret's position in it. */
  caret: number;
}

/** Enter at `start`..`end` of bullet `index`: the selection goes, the text after the caret starts a new bullet. */
export function bulletsAfterEnter(values: string[], index: number, start: number, end: number): BulletEdit {
  const text = values[index] ?? "";
  const next = [...values];
  next.splice(index, 1, text.slice(0, start), text.slice(end));
  return { values: next, focus: index + 1, caret: 0 };
}

/** Backspace at the start of bullet `index`: it joins the bullet before (the caret at the join); an empty first
 * bullet of several is removed. */
export function bulletsAfterBackspace(values: string[], index: number): BulletEdit {
  if (index === 0) return { values: values.slice(1), focus: 0, caret: 0 };
  const before = values[index - 1] ?? "";
  const next = [...values];
  next.splice(index - 1, 2, before + (values[index] ?? ""));
  return { values: next, focus: index - 1, caret: before.length };
}

/** Pasting several lines into bullet `index`: one bullet per non-empty line, list markers ("•", "-", "*", "1.")
 * left out; the text around the selection stays around the pasted lines. */
export function bulletsAfterPaste(
  values: string[],
  index: number,
  start: number,
  end: number,
  pasted: string,
): BulletEdit {
  const lines = pasted
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^\s*(?:[•●▪◦‣∙·\-*–]|\d{1,2}[.)])\s+/u, "").trim())
    .filter(Boolean);
  if (lines.length === 0) return { values, focus: index, caret: start };
  const text = values[index] ?? "";
  const head = text.slice(0, start);
  const tail = text.slice(end);
  const pastedBullets = [...lines];
  pastedBullets[0] = head + pastedBullets[0];
  const last = pastedBullets.length - 1;
  const caret = pastedBullets[last].length;
  pastedBullets[last] += tail;
  const next = [...values];
  next.splice(index, 1, ...pastedBullets);
  return { values: next, focus: index + last, caret };
}
