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

export const ACCEPTED_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  json: "application/json",
};

export function contentTypeOf(file: File): string | null {
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  return ACCEPTED_TYPES[extension] ?? (Object.values(ACCEPTED_TYPES).includes(file.type) ? file.type : null);
}
