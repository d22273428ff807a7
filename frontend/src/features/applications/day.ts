/** A GraphQL `Date` as codegen types it (`unknown`: no scalar mapping), read as the "2026-12-03" string it is. */
export function asDay(value: unknown): string | null {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}
