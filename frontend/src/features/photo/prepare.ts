/**
 * A chosen photo, ready to send: read by the browser (which turns it upright by its EXIF orientation, as the API
 * does), and, when it is larger than the API takes or far larger than a CV needs, redrawn smaller as a JPEG
 * first. The API decides what the file is by its bytes; the type here only picks the upload's content type.
 */
export const ACCEPT = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp";
export const MAX_BYTES = 5 * 1024 * 1024;
/** A side beyond this is redrawn smaller before upload: the stored photo is at most 800 pixels across. */
const MAX_SIDE = 3000;

const TYPE_OF_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

export function photoTypeOf(file: File): string | null {
  const type = file.type.toLowerCase();
  if (type === "image/jpeg" || type === "image/png" || type === "image/webp") return type;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
  return TYPE_OF_EXTENSION[extension] ?? null;
}

export interface ChosenPhoto {
  /** What is uploaded: the file as chosen, or a smaller JPEG drawn from it. */
  blob: Blob;
  contentType: string;
  filename: string;
  /** An object URL of `blob`, to show while cropping (revoke it when done). */
  url: string;
  width: number;
  height: number;
}

function loaded(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("This file could not be shown as an image."));
    image.src = url;
  });
}

export async function choosePhoto(file: File): Promise<ChosenPhoto> {
  const contentType = photoTypeOf(file);
  if (!contentType) throw new Error(`“${file.name}” is not a JPEG, PNG or WebP image.`);
  const url = URL.createObjectURL(file);
  let image: HTMLImageElement;
  try {
    image = await loaded(url);
  } catch (failure) {
    URL.revokeObjectURL(url);
    throw failure;
  }
  const width = image.naturalWidth;
  const height = image.naturalHeight;
  if (file.size <= MAX_BYTES && Math.max(width, height) <= MAX_SIDE)
    return { blob: file, contentType, filename: file.name, url, width, height };
  // Too large to send, or far larger than needed: drawn smaller (upright, and without the file's metadata).
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const drawing = canvas.getContext("2d");
  URL.revokeObjectURL(url);
  if (!drawing) throw new Error("This browser cannot prepare the photo: choose one smaller than 5 MB.");
  drawing.fillStyle = "#ffffff"; // transparency becomes white, as the API makes it
  drawing.fillRect(0, 0, canvas.width, canvas.height);
  drawing.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.9));
  if (!blob || blob.size > MAX_BYTES) throw new Error("This photo is too large: choose one smaller than 5 MB.");
  const filename = `${file.name.replace(/\.[a-z0-9]+$/i, "")}.jpg`;
  return {
    blob,
    contentType: "image/jpeg",
    filename,
    url: URL.createObjectURL(blob),
    width: canvas.width,
    height: canvas.height,
  };
}

/** Posts the photo to the signed upload target (the app's own /uploads locally, an S3 presigned POST in the
 * cloud: the same form, the file last as S3 requires). */
export async function sendPhoto(
  target: { url: string; method: string; fields: Record<string, string> },
  photo: ChosenPhoto,
): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
  form.append("file", new File([photo.blob], photo.filename, { type: photo.contentType }));
  let response: Response;
  try {
    response = await fetch(target.url, { method: target.method || "POST", body: form });
  } catch {
    throw new Error("The upload failed: the server could not be reached.");
  }
  if (!response.ok) {
    let message = "The upload was refused.";
    try {
      message = ((await response.json()) as { message?: string }).message ?? message;
    } catch {
      /* S3 answers in XML: keep the plain message */
    }
    throw new Error(message);
  }
}
