/**
 * Sends a file to the signed upload target the API hands out: an S3 presigned POST in the cloud, the app's own
 * /uploads endpoint locally (the same form shape). XMLHttpRequest, because fetch reports no upload progress.
 */
export interface UploadTarget {
  url: string;
  method: string;
  fields: Record<string, string>;
}

export class UploadError extends Error {}

export function uploadFile(
  target: UploadTarget,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(target.method || "POST", target.url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
      } else {
        let message = "The upload was refused.";
        try {
          message = (JSON.parse(request.responseText) as { message?: string }).message ?? message;
        } catch {
          /* not JSON (S3 answers XML): keep the plain message */
        }
        reject(new UploadError(message));
      }
    };
    request.onerror = () => reject(new UploadError("The upload failed: the server could not be reached."));
    request.onabort = () => reject(new UploadError("The upload was cancelled."));
    signal?.addEventListener("abort", () => request.abort());
    if ((target.method || "POST").toUpperCase() === "PUT") {
      request.setRequestHeader("content-type", file.type || "application/octet-stream");
      request.send(file);
      return;
    }
    const form = new FormData();
    for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
    form.append("file", file); // S3 requires the file to be the last field
    request.send(form);
  });
}

/** The files the importer reads, each with the content type the API is told. */
export type FileKind = "pdf" | "docx" | "json" | "zip";

export const FILE_KINDS: Record<FileKind, { contentType: string; label: string }> = {
  pdf: { contentType: "application/pdf", label: "PDF" },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "Word" },
  json: { contentType: "application/json", label: "JSON Resume or Reactive Resume" },
  zip: { contentType: "application/zip", label: "LinkedIn data export" },
};

/** The file picker's filter: extensions, and the types browsers report for them (Windows says
 * application/x-zip-compressed for a zip). */
export const ACCEPT = [
  ".pdf",
  ".docx",
  ".json",
  ".zip",
  "application/pdf",
  FILE_KINDS.docx.contentType,
  "application/json",
  "application/zip",
  "application/x-zip-compressed",
].join(",");

// Types browsers and operating systems report for these files, besides the standard ones.
const KIND_OF_TYPE: Record<string, FileKind> = {
  "application/pdf": "pdf",
  "application/x-pdf": "pdf",
  [FILE_KINDS.docx.contentType]: "docx",
  "application/json": "json",
  "text/json": "json",
  "application/zip": "zip",
  "application/x-zip-compressed": "zip",
  "application/x-zip": "zip",
};

/** What a chosen file is. The extension decides, since browsers often report an empty or generic type
 * ("" for .json, application/octet-stream); the type decides only for a name without a known extension. */
export function kindOf(file: File): FileKind | null {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
  if (Object.hasOwn(FILE_KINDS, extension)) return extension as FileKind;
  const type = file.type.split(";")[0].trim().toLowerCase();
  return KIND_OF_TYPE[type] ?? null;
}

export function contentTypeOf(file: File): string | null {
  const kind = kindOf(file);
  return kind ? FILE_KINDS[kind].contentType : null;
}

/** Why a file is refused before anything is uploaded, in words that say what to do instead. */
export function refusalOf(file: File): string {
  if (/\.doc$/i.test(file.name))
    return `“${file.name}” is an older Word file (.doc): save it as .docx in Word (File › Save As), then import that.`;
  return `“${file.name}” is not a file we can read: choose a PDF, a Word file (.docx), a JSON Resume or Reactive Resume file (.json) or a LinkedIn data export (.zip).`;
}
