/** Save bytes or a URL as a file, the way a browser download button does. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  saveUrl(url, filename);
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveUrl(url: string, filename: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** A file name from the CV's title: letters, digits, dashes. */
export function fileNameFor(title: string, extension: string): string {
  const stem =
    title
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .slice(0, 60) || "cv";
  return `${stem}.${extension}`;
}
