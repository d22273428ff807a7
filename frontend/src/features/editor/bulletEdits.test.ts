import { describe, expect, it } from "vitest";
import { bulletsAfterBackspace, bulletsAfterEnter, bulletsAfterPaste } from "./bulletEdits";

describe("bullet edits", () => {
  it("Enter at the end adds an empty bullet after and focuses it", () => {
    expect(bulletsAfterEnter(["Led audits", "Trained staff"], 0, 10, 10)).toEqual({
      values: ["Led audits", "", "Trained staff"],
      focus: 1,
      caret: 0,
    });
  });

  it("Enter in the middle splits the bullet, and a selection is replaced", () => {
    expect(bulletsAfterEnter(["Led audits and trained staff"], 0, 10, 15).values).toEqual([
      "Led audits",
      "trained staff",
    ]);
  });

  it("Backspace at the start joins a bullet to the one before, caret at the join", () => {
    expect(bulletsAfterBackspace(["Led audits", " weekly", "Trained"], 1)).toEqual({
      values: ["Led audits weekly", "Trained"],
      focus: 0,
      caret: 10,
    });
    expect(bulletsAfterBackspace(["", "Trained"], 0)).toEqual({ values: ["Trained"], focus: 0, caret: 0 });
  });

  it("pasting lines makes one bullet per line, markers left out, text around the caret kept", () => {
    const pasted = "• Cut costs by 12%\r\n\r\n- Hired 4 nurses\n2) Ran the ward rota";
    expect(bulletsAfterPaste(["Before  after"], 0, 7, 7, pasted)).toEqual({
      values: ["Before Cut costs by 12%", "Hired 4 nurses", "Ran the ward rota after"],
      focus: 2,
      caret: 17,
    });
  });

  it("pasting only blank lines changes nothing", () => {
    expect(bulletsAfterPaste(["Kept"], 0, 4, 4, "\n \n").values).toEqual(["Kept"]);
  });
});
