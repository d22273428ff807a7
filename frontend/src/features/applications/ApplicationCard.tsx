import type { KeyboardEvent } from "react";
import { getFragmentData, type FragmentType } from "../../gql";
import type { ApplicationStage } from "../../gql/graphql";
import { asDay } from "./day";
import { ApplicationCardFragment } from "./operations";
import { followUpDue, formatDay, neighbourStage, STAGE_LABELS, STAGES } from "./stages";

export interface ApplicationCardActions {
  onMove(id: string, version: number, stage: ApplicationStage): void;
  onEdit(id: string): void;
}

/** One application on the board or in the list: what was sent where, the match score at applying, the follow-up,
 * and the ways to move it: a menu of stages, buttons to the neighbouring columns, and Alt+Left / Alt+Right. */
export function ApplicationCard({
  application: ref,
  actions,
  busy = false,
}: {
  application: FragmentType<typeof ApplicationCardFragment>;
  actions: ApplicationCardActions;
  busy?: boolean;
}) {
  const application = getFragmentData(ApplicationCardFragment, ref);
  const { id, version, stage, jobTitle } = application;
  const previous = neighbourStage(stage, -1);
  const next = neighbourStage(stage, 1);
  const followUp = asDay(application.followUp);
  const appliedOn = asDay(application.appliedOn);
  const due = followUpDue(followUp);

  function onKeyDown(event: KeyboardEvent) {
    if (!event.altKey || busy) return;
    const target = event.key === "ArrowLeft" ? previous : event.key === "ArrowRight" ? next : null;
    if (target) {
      event.preventDefault();
      actions.onMove(id, version, target);
    }
  }

  return (
    <li
      className="application-card"
      data-application-id={id}
      data-stage={stage}
      aria-busy={busy || undefined}
      onKeyDown={onKeyDown}
      aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight"
    >
      <h3 className="application-card__title">
        <button
          type="button"
          className="application-card__open"
          onClick={() => actions.onEdit(id)}
          aria-label={`Edit the application for ${jobTitle}${application.company ? ` at ${application.company}` : ""}`}
        >
          {jobTitle}
        </button>
      </h3>
      {application.company && <p className="application-card__company">{application.company}</p>}
      <p className="application-card__meta muted">
        CV: {application.cvTitle} (version {application.cvRevision})
        {appliedOn ? ` · applied ${formatDay(appliedOn)}` : ""}
      </p>
      <p className="application-card__badges">
        {application.matchScore == null ? (
          <span className="badge">No match score</span>
        ) : (
          <span className="badge badge--accent">
            {appliedOn ? "Match at applying" : "Match"}: {Math.round(application.matchScore)}%
          </span>
        )}
        {followUp && (
          <span className={due ? "badge badge--bad" : "badge"}>
            {due ? "Follow up due" : "Follow up"} {formatDay(followUp)}
          </span>
        )}
        {application.warnings.length > 0 && (
          <span className="badge" title={application.warnings.map((w) => w.message).join(" ")}>
            Check contacts
          </span>
        )}
      </p>
      <div className="application-card__move">
        <button
          type="button"
          className="button button--small"
          disabled={!previous || busy}
          aria-label={previous ? `Move ${jobTitle} back to ${STAGE_LABELS[previous]}` : "Already in the first column"}
          onClick={() => previous && actions.onMove(id, version, previous)}
        >
          ←
        </button>
        <label className="application-card__stage">
          <span className="visually-hidden">Stage of {jobTitle}</span>
          <select
            value={stage}
            disabled={busy}
            onChange={(event) => actions.onMove(id, version, event.target.value as ApplicationStage)}
          >
            {STAGES.map((option) => (
              <option key={option} value={option}>
                {STAGE_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--small"
          disabled={!next || busy}
          aria-label={next ? `Move ${jobTitle} on to ${STAGE_LABELS[next]}` : "Already in the last column"}
          onClick={() => next && actions.onMove(id, version, next)}
        >
          →
        </button>
      </div>
    </li>
  );
}
