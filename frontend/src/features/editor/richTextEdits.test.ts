import { describe, expect, it } from "vitest";
import { emphasisForKey, insertLink, toggleEmphasis, toggleList } from "./richTextEdits";

const at = (text: string) => {
  // "a [b] c": the brackets mark the selection; "a | c" a caret.
  const caret = text.indexOf("|");
  if (caret >= 0) return { value: text.replace("|", ""), start: caret, end: caret };
  const start = text.indexOf("[");
  const end = text.indexOf("]") - 1;
  return { value: text.replace("[", "").replace("]", ""), start, end };
};

const bold = (text: string) => {
  const { value, start, end } = at(text);
  return toggleEmphasis(value, start, end, "bold");
};
const italic = (text: string) => {
  const { value, start, end } = at(text);
  return toggleEmphasis(value, start, end, "italic");
};

describe("bold and italic", () => {
  it("wraps the selection and keeps it selected", () => {
    expect(bold("Led [audits] daily")).toEqual({ value: "Led **audits** daily", start: 6, end: 12 });
    expect(italic("Led [audits] daily")).toEqual({ value: "Led *audits* daily", start: 5, end: 11 });
  });

  it("keeps spaces at the selection's edges outside the markers", () => {
    expect(bold("Led[ audits ]daily").value).toBe("Led **audits** daily");
  });

  it("removes markers around the selection, or inside it", () => {
    expect(bold("Led **[audits]** daily")).toEqual({ value: "Led audits daily", start: 4, end: 10 });
    expect(bold("Led [**audits**] daily")).toEqual({ value: "Led audits daily", start: 4, end: 10 });
    expect(italic("Led *[audits]* daily").value).toBe("Led audits daily");
  });

  it("tells bold from italic around the same words", () => {
    expect(italic("Led **[audits]** daily").value).toBe("Led ***audits*** daily");
    expect(italic("Led ***[audits]*** daily").value).toBe("Led **audits** daily");
    expect(bold("Led ***[audits]*** daily").value).toBe("Led *audits* daily");
    expect(bold("Led *[audits]* daily").value).toBe("Led ***audits*** daily");
  });

  it("gives a caret an empty pair to type into, and takes an empty pair away", () => {
    expect(bold("Led |")).toEqual({ value: "Led ****", start: 6, end: 6 });
    expect(bold("Led **|**")).toEqual({ value: "Led ", start: 4, end: 4 });
    expect(italic("Led |")).toEqual({ value: "Led **", start: 5, end: 5 });
  });

  it("is undone by doing it again", () => {
    const once = bold("Cut falls by [30%] in a year");
    expect(toggleEmphasis(once.value, once.start, once.end, "bold").value).toBe("Cut falls by 30% in a year");
  });
});

describe("links", () => {
  it("wraps the selection and puts the caret where the address goes", () => {
    const edit = insertLink("See my site now", 4, 11);
    expect(edit.value).toBe("See [my site](https://) now");
    expect(edit.start).toBe(edit.end);
    expect(edit.value.slice(0, edit.start)).toBe("See [my site](https://");
  });

  it("with nothing selected, selects a text to type over", () => {
    const edit = insertLink("See ", 4, 4);
    expect(edit.value).toBe("See [link text](https://)");
    expect(edit.value.slice(edit.start, edit.end)).toBe("link text");
  });

  it("makes a selected address the link's address", () => {
    const edit = insertLink("At https://ada.dev today", 3, 18);
    expect(edit.value).toBe("At [ada.dev](https://ada.dev) today");
    expect(edit.value.slice(edit.start, edit.end)).toBe("ada.dev");
  });
});

describe("bulleted lists", () => {
  it("starts each selected line with a marker, and takes them off again", () => {
    const text = "Duties:\nTriage\nAudits\n\nAfter";
    const listed = toggleList(text, 8, 21);
    expect(listed.value).toBe("Duties:\n- Triage\n- Audits\n\nAfter");
    expect(listed.value.slice(listed.start, listed.end)).toBe("- Triage\n- Audits");
    expect(toggleList(listed.value, listed.start, listed.end).value).toBe(text);
  });

  it("works on the caret's line and moves the caret with its text", () => {
    expect(toggleList("One\nTwo", 5, 5)).toEqual({ value: "One\n- Two", start: 7, end: 7 });
    expect(toggleList("One\n- Two", 7, 7)).toEqual({ value: "One\nTwo", start: 5, end: 5 });
  });

  it("starts a list on a blank line with the caret after the marker", () => {
    expect(toggleList("Duties:\n\n", 9, 9)).toEqual({ value: "Duties:\n\n- ", start: 11, end: 11 });
    expect(toggleList("", 0, 0)).toEqual({ value: "- ", start: 2, end: 2 });
  });

  it("leaves blank lines blank and treats * lines as list lines", () => {
    expect(toggleList("a\n\nb", 0, 4).value).toBe("- a\n\n- b");
    expect(toggleList("* a\n* b", 0, 7).value).toBe("a\nb");
  });
});

describe("keys", () => {
  const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey" | "shiftKey", boolean>> = {}) =>
    emphasisForKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

  it("reads Ctrl or Cmd with B and I, and nothing else", () => {
    expect(key("b", { ctrlKey: true })).toBe("bold");
    expect(key("B", { metaKey: true })).toBe("bold");
    expect(key("i", { ctrlKey: true })).toBe("italic");
    expect(key("b")).toBeNull();
    expect(key("b", { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(key("z", { ctrlKey: true })).toBeNull();
  });
});
