import { describe, expect, it } from "vitest";
import { ACCEPT, contentTypeOf, kindOf, refusalOf } from "./upload";

const file = (name: string, type = "") => new File(["x"], name, { type });

describe("which files the import dialog takes", () => {
  it("offers PDF, Word, JSON and zip files in the file picker, with the types Windows reports", () => {
    const accepted = ACCEPT.split(",");
    for (const wanted of [".pdf", ".docx", ".json", ".zip", "application/zip", "application/x-zip-compressed"])
      expect(accepted).toContain(wanted);
  });

  it("tells the API the standard type of each kind of file", () => {
    expect(contentTypeOf(file("cv.pdf", "application/pdf"))).toBe("application/pdf");
    expect(
      contentTypeOf(file("cv.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
    ).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(contentTypeOf(file("resume.json", "application/json"))).toBe("application/json");
    expect(contentTypeOf(file("Basic_LinkedInDataExport.zip", "application/zip"))).toBe("application/zip");
  });

  it("goes by the extension when the browser reports an empty, generic or Windows-only type", () => {
    expect(contentTypeOf(file("resume.json", ""))).toBe("application/json");
    expect(contentTypeOf(file("rxresume.JSON", "application/octet-stream"))).toBe("application/json");
    expect(contentTypeOf(file("export.zip", "application/x-zip-compressed"))).toBe("application/zip");
    expect(contentTypeOf(file("CV.PDF", "application/octet-stream"))).toBe("application/pdf");
    expect(kindOf(file("export.zip", ""))).toBe("zip");
  });

  it("goes by the type for a name without a known extension", () => {
    expect(contentTypeOf(file("my cv", "application/pdf"))).toBe("application/pdf");
    expect(contentTypeOf(file("download", "application/x-zip-compressed"))).toBe("application/zip");
    expect(contentTypeOf(file("notes", "text/json; charset=utf-8"))).toBe("application/json");
  });

  it("refuses other files, and says what to do with an old Word file", () => {
    expect(kindOf(file("holiday.gif", "image/gif"))).toBeNull();
    expect(kindOf(file("cv", ""))).toBeNull();
    expect(kindOf(file("cv.doc", "application/msword"))).toBeNull();
    expect(refusalOf(file("cv.doc"))).toMatch(/save it as \.docx/);
    expect(refusalOf(file("holiday.gif"))).toMatch(/LinkedIn data export \(\.zip\)/);
  });
});
