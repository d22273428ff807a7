import { useId, useState } from "react";
import type { ApplicationStage } from "../../gql/graphql";
import { formatDay, localToday, STAGE_LABELS, STAGES } from "./stages";

/** The stages an application went through, with the days they happened, and a move to another stage on a day the
 * person gives (an interview held last Tuesday is recorded as last Tuesday). */
export function StageHistory({
  stage,
  history,
  busy,
  onMove,
}: {
  stage: ApplicationStage;
  history: { stage: ApplicationStage; on: string }[];
  busy: boolean;
  onMove: (stage: ApplicationStage, on: string) => void;
}) {
  const [target, setTarget] = useState<ApplicationStage>(STAGES.find((s) => s !== stage) ?? "APPLIED");
  const [on, setOn] = useState(localToday());
  const headingId = useId();
  return (
    <section className="stage-history" aria-labelledby={headingId}>
      <h3 id={headingId} className="stage-history__title">
        Stages
      </h3>
      <ol className="stage-history__list">
        {history.map((change) => (
          <li key={`${change.stage}-${change.on}`}>
            {STAGE_LABELS[change.stage]} <span className="muted">{formatDay(change.on)}</span>
          </li>
        ))}
      </ol>
      <div className="stage-history__move">
        <label className="field">
          <span>Move to</span>
          <select value={target} onChange={(e) => setTarget(e.target.value as ApplicationStage)}>
            {STAGES.filter((s) => s !== stage).map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>On</span>
          <input type="date" value={on} onChange={(e) => setOn(e.target.value)} />
        </label>
        <button type="button" className="button" disabled={busy || !on} onClick={() => onMove(target, on)}>
          Move
        </button>
      </div>
    </section>
  );
}
