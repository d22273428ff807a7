import type { ApplicationStage } from "../../gql/graphql";
import { STAGE_LABELS, STAGES } from "./stages";

export interface Filters {
  stage: ApplicationStage | "";
  cvId: string;
  followUpDue: boolean;
}

export const NO_FILTERS: Filters = { stage: "", cvId: "", followUpDue: false };

/** The list's filters: one stage, one CV, and "follow-up due" (a follow-up date today or past). */
export function ApplicationsFilters({
  filters,
  cvs,
  onChange,
}: {
  filters: Filters;
  cvs: { id: string; title: string }[];
  onChange: (filters: Filters) => void;
}) {
  return (
    <fieldset className="applications-filters">
      <legend className="visually-hidden">Filter the list</legend>
      <label className="field">
        <span>Stage</span>
        <select
          value={filters.stage}
          onChange={(event) => onChange({ ...filters, stage: event.target.value as ApplicationStage | "" })}
        >
          <option value="">Every stage</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {STAGE_LABELS[stage]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>CV sent</span>
        <select value={filters.cvId} onChange={(event) => onChange({ ...filters, cvId: event.target.value })}>
          <option value="">Any CV</option>
          {cvs.map((cv) => (
            <option key={cv.id} value={cv.id}>
              {cv.title}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox applications-filters__due">
        <input
          type="checkbox"
          checked={filters.followUpDue}
          onChange={(event) => onChange({ ...filters, followUpDue: event.target.checked })}
        />
        Follow-up due
      </label>
      {(filters.stage || filters.cvId || filters.followUpDue) && (
        <button type="button" className="button button--ghost" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </fieldset>
  );
}
