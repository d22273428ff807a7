import { Link } from "react-router";
import { graphql, getFragmentData, type FragmentType } from "../../gql";
import { formatWhen } from "../../ui/format";

export const CvCardFragment = graphql(`
  fragment CvCard_cv on Cv {
    id
    title
    version
    updatedAt
    sourceCvId
    basics {
      name
      headline
    }
    sections {
      id
    }
    design {
      accentColor
      template
    }
  }
`);

export interface CvCardActions {
  onRename(id: string, title: string, version: number): void;
  onDuplicate(id: string, title: string): void;
  onDelete(id: string, title: string): void;
}

export function CvCard({ cv: ref, actions }: { cv: FragmentType<typeof CvCardFragment>; actions: CvCardActions }) {
  const cv = getFragmentData(CvCardFragment, ref);
  const sectionCount = cv.sections.length;
  return (
    <li className="cv-card" style={{ ["--accent" as string]: cv.design.accentColor }}>
      <div className="cv-card__sheet" aria-hidden="true">
        <span className="cv-card__sheet-name">{cv.basics.name || "Your name"}</span>
        <span className="cv-card__sheet-line cv-card__sheet-line--accent" />
        <span className="cv-card__sheet-line" />
        <span className="cv-card__sheet-line cv-card__sheet-line--short" />
        <span className="cv-card__sheet-line" />
      </div>
      <div className="cv-card__body">
        <h2 className="cv-card__title">
          <Link to={`/cv/${cv.id}`} className="cv-card__link">
            {cv.title}
          </Link>
        </h2>
        <p className="cv-card__meta muted">
          {cv.basics.name || "No name yet"}
          {cv.basics.headline ? ` · ${cv.basics.headline}` : ""}
        </p>
        <p className="cv-card__meta muted">
          {sectionCount} {sectionCount === 1 ? "section" : "sections"} · edited {formatWhen(cv.updatedAt)}
          {cv.sourceCvId ? " · tailored" : ""}
        </p>
      </div>
      <div className="cv-card__actions">
        <button
          type="button"
          className="button button--small"
          aria-label={`Rename ${cv.title}`}
          onClick={() => actions.onRename(cv.id, cv.title, cv.version)}
        >
          Rename
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={`Duplicate ${cv.title}`}
          onClick={() => actions.onDuplicate(cv.id, cv.title)}
        >
          Duplicate
        </button>
        <button
          type="button"
          className="button button--small button--danger-ghost"
          aria-label={`Delete ${cv.title}`}
          onClick={() => actions.onDelete(cv.id, cv.title)}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
