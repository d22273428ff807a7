import type { FragmentType } from "../../gql";
import { getFragmentData } from "../../gql";
import { ApplicationCard, type ApplicationCardActions } from "./ApplicationCard";
import { ApplicationCardFragment } from "./operations";
import { STAGE_LABELS, STAGES } from "./stages";

type Card = FragmentType<typeof ApplicationCardFragment>;

/** A column per stage, each a list of cards; on a narrow screen the columns stack. */
export function ApplicationsBoard({
  applications,
  actions,
  busyId,
}: {
  applications: Card[];
  actions: ApplicationCardActions;
  busyId: string | null;
}) {
  const read = applications.map((ref) => ({ ref, application: getFragmentData(ApplicationCardFragment, ref) }));
  return (
    <>
      <p className="muted applications-board__hint">
        Move a card with its stage menu, its arrows, or Alt+← and Alt+→ while one of its controls has the focus.
      </p>
      <div className="applications-board">
        {STAGES.map((stage) => {
          const cards = read.filter(({ application }) => application.stage === stage);
          const headingId = `stage-${stage.toLowerCase()}`;
          return (
            <section key={stage} className="applications-board__column" aria-labelledby={headingId}>
              <h2 id={headingId} className="applications-board__heading">
                {STAGE_LABELS[stage]} <span className="badge">{cards.length}</span>
              </h2>
              {cards.length === 0 ? (
                <p className="muted applications-board__empty">None</p>
              ) : (
                <ul className="applications-board__cards" aria-labelledby={headingId}>
                  {cards.map(({ ref, application }) => (
                    <ApplicationCard
                      key={application.id}
                      application={ref}
                      actions={actions}
                      busy={busyId === application.id}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
