import type { ApplicationStage } from "../../gql/graphql";

/** The board's columns, in the order an application moves through them. */
export const STAGES: readonly ApplicationStage[] = ["SAVED", "APPLIED", "INTERVIEW", "OFFER", "REJECTED", "WITHDRAWN"];

export const STAGE_LABELS: Record<ApplicationStage, string> = {
  SAVED: "Saved",
  APPLIED: "Applied",
  INTERVIEW: "Interview",
  OFFER: "Offer",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
};

/** The stage one column left (-1) or right (+1) of `stage`, or null at either end of the board. */
export function neighbourStage(stage: ApplicationStage, step: -1 | 1): ApplicationStage | null {
  const index = STAGES.indexOf(stage) + step;
  return index >= 0 && index < STAGES.length ? STAGES[index] : null;
}

/** Today in the person's own time zone, as a GraphQL `Date` ("2026-12-03"). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "3 Dec 2026" for a GraphQL `Date`, read as a calendar day (no time zone shifts it). */
export function formatDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(
    Date.UTC(year, month - 1, date),
  );
}

/** Whether a follow-up date is today or past. */
export function followUpDue(followUp: string | null | undefined, today: string = localToday()): boolean {
  return Boolean(followUp && followUp <= today);
}
