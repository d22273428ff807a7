/**
 * A fresh idempotency key for one user action (a click, a submitted form). Every creating mutation takes one:
 * if the request is sent again (a dropped connection, a token refresh), the API returns the first result instead
 * of creating a second CV, job, letter or upload.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID needs a secure context; a plain-http address other than localhost lacks one.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
