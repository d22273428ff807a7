/** Views and downloads of one link, merged into one row per UTC day, newest first. */
export interface DayRow {
  day: string;
  views: number;
  downloads: number;
}

export function dailyRows(
  views: readonly { day: string; count: number }[],
  downloads: readonly { day: string; count: number }[],
): DayRow[] {
  const rows = new Map<string, DayRow>();
  const row = (day: string) => {
    const found = rows.get(day) ?? { day, views: 0, downloads: 0 };
    rows.set(day, found);
    return found;
  };
  for (const { day, count } of views) row(day).views += count;
  for (const { day, count } of downloads) row(day).downloads += count;
  return [...rows.values()].sort((a, b) => b.day.localeCompare(a.day));
}

export const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Expiry choices offered when a link is made, in days (null: until revoked). */
export const EXPIRY_CHOICES: readonly { label: string; days: number | null }[] = [
  { label: "Never (until revoked)", days: null },
  { label: "In 1 day", days: 1 },
  { label: "In 7 days", days: 7 },
  { label: "In 30 days", days: 30 },
  { label: "In 90 days", days: 90 },
];

export function expiryFrom(days: number | null, now: Date = new Date()): string | null {
  return days === null ? null : new Date(now.getTime() + days * 86_400_000).toISOString();
}
