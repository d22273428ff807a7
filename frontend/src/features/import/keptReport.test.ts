import { describe, expect, it } from "vitest";
import { keepImportReport, readImportReport } from "./keptReport";

describe("the import review kept with its CV", () => {
  it("is read back until dismissed, per CV", () => {
    const report = { warnings: [{ path: "sections.0", message: "left out: Page 1" }], sources: [] };
    keepImportReport("cv-1", report);
    expect(readImportReport("cv-1")).toEqual({ ...report, read: undefined });
    expect(readImportReport("cv-2")).toBeNull();
    keepImportReport("cv-1", null);
    expect(readImportReport("cv-1")).toBeNull();
  });

  it("ignores what is not a report", () => {
    localStorage.setItem("cvmaker.importReview.cv-3", "{not json");
    expect(readImportReport("cv-3")).toBeNull();
    localStorage.setItem("cvmaker.importReview.cv-3", JSON.stringify({ warnings: "x" }));
    expect(readImportReport("cv-3")).toBeNull();
  });
});
