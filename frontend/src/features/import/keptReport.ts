/**
 * The review of an import stays with its CV until the person dismisses it ("Looks good" or discarding the
 * import): kept in localStorage by CV id, so closing the CV, reloading or coming back tomorrow still shows the
 * warnings and the text that was left out.
 */
import type { ImportReport } from "./report";

const key = (cvId: string) => `cvmaker.importReview.${cvId}`;

export function keepImportReport(cvId: string, report: ImportReport | null, storage: Storage = localStorage): void {
  try {
    if (report) storage.setItem(key(cvId), JSON.stringify(report));
    else storage.removeItem(key(cvId));
  } catch {
    // Storage full or disabled: the review stays on screen for this visit.
  }
}

export function readImportReport(cvId: string, storage: Storage = localStorage): ImportReport | null {
  try {
    const raw = storage.getItem(key(cvId));
    const report = raw ? (JSON.parse(raw) as Partial<ImportReport>) : null;
    return report && Array.isArray(report.warnings) && Array.isArray(report.sources)
      ? { warnings: report.warnings, sources: report.sources, read: report.read }
      : null;
  } catch {
    return null;
  }
}
