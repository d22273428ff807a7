import { useState } from "react";
import { graphql, getFragmentData, type FragmentType } from "../../gql";
import type { Draft } from "../../cv/draft";
import { partStatus } from "./scoreParts";

export const MatchResultFragment = graphql(`
  fragment MatchResult_match on Match {
    score
    summary
    matched
    missing
    cappedBy
    breakdown {
      name
      score
      weight
      explanation
      measured
      tallies {
        label
        shown
        asked
      }
    }
    requirements {
      matched
      matchedBy
      shownElsewhere
      requirement {
        text
        kind
        required
      }
      evidence {
        cvId
        sectionId
        itemId
        text
        similarity
      }
    }
  }
`);

const PART_NAMES: Record<string, string> = {
  hard_skills: "Hard skills",
  soft_skills: "Soft skills",
  title: "Job title",
  education: "Education",
  experience: "Experience",
  semantic: "Overall fit",
};

function where(
  draft: Draft,
  cvId: string,
  thisCv: string,
  sectionId: string,
  itemId: string | null | undefined,
): string {
  if (cvId !== thisCv) return "in another of your CVs";
  const section = draft.sections.find((s) => s.id === sectionId);
  const item = section?.items.find((i) => i.id === itemId);
  return [section?.title, item ? [item.title, item.organization].filter(Boolean).join(", ") : null]
    .filter(Boolean)
    .join(": ");
}

const percent = (value: number) => `${Math.round(value <= 1 ? value * 100 : value)}`;

/** The score, what it is made of, and each requirement with the CV's evidence for it. */
export function MatchResult({
  match: ref,
  draft,
  cvId,
}: {
  match: FragmentType<typeof MatchResultFragment>;
  draft: Draft;
  cvId: string;
}) {
  const match = getFragmentData(MatchResultFragment, ref);
  const [open, setOpen] = useState<string | null>(null);
  const score = Math.round(match.score);
  const met = match.requirements.filter((r) => r.matched);
  const unmet = match.requirements.filter((r) => !r.matched);
  return (
    <section className="card match-result" aria-labelledby="match-heading">
      <div className="match-result__top">
        <div
          className="score"
          style={{ ["--score" as string]: score }}
          role="img"
          aria-label={`Match score ${score} out of 100`}
        >
          <span className="score__value" data-testid="match-score">
            {score}
          </span>
          <span className="score__of">/ 100</span>
        </div>
        <div>
          <h2 id="match-heading" className="card__title">
            How well your CV matches
          </h2>
          <p>{match.summary}</p>
        </div>
      </div>
      <h3 className="subheading">Score breakdown</h3>
      <ul className="breakdown">
        {match.breakdown.map((part) => (
          <li key={part.name}>
            <div className="breakdown__row">
              <span className="breakdown__name">{PART_NAMES[part.name] ?? part.name.replace(/_/g, " ")}</span>
              <span className="muted" data-testid={`part-status-${part.name}`}>
                {partStatus(part)}
              </span>
            </div>
            {part.measured && (
              <div className="bar" aria-hidden="true">
                <span style={{ width: `${percent(part.score)}%` }} />
              </div>
            )}
            <p className="muted breakdown__explanation">{part.explanation}</p>
          </li>
        ))}
      </ul>
      <div className="requirements">
        {[
          { title: `Missing (${unmet.length})`, list: unmet, tone: "bad", testid: "missing-requirements" },
          { title: `Matched (${met.length})`, list: met, tone: "good", testid: "matched-requirements" },
        ].map((column) => (
          <div key={column.title}>
            <h3 className="subheading">{column.title}</h3>
            {column.list.length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <ul className="requirement-list" data-testid={column.testid}>
                {column.list.map((judged) => {
                  const key = `${column.tone}:${judged.requirement.text}`;
                  const expanded = open === key;
                  return (
                    <li key={key} className={`requirement requirement--${column.tone}`}>
                      <button
                        type="button"
                        className="requirement__head"
                        aria-expanded={expanded}
                        onClick={() => setOpen(expanded ? null : key)}
                      >
                        <span className={`badge badge--${column.tone}`}>{column.tone === "good" ? "✓" : "✗"}</span>
                        <span className="requirement__text">{judged.requirement.text}</span>
                        <span className="muted requirement__kind">
                          {judged.requirement.required ? "required" : "nice to have"} ·{" "}
                          {judged.requirement.kind.replace(/_/g, " ")}
                          {judged.matchedBy === "meaning" ? " · shown in other words" : ""}
                        </span>
                      </button>
                      {expanded && (
                        <div className="requirement__evidence">
                          {judged.evidence.length === 0 ? (
                            <p className="muted">Nothing in your CV speaks to this yet.</p>
                          ) : (
                            <ul>
                              {judged.evidence.map((evidence, index) => (
                                <li key={index}>
                                  <q>{evidence.text}</q>
                                  <span className="muted">
                                    {" "}
                                    — {where(draft, evidence.cvId, cvId, evidence.sectionId, evidence.itemId)} (
                                    {Math.round(evidence.similarity * 100)}% close)
                                  </span>
                                </li>
                              ))}
                            </ul>
                          )}
                          {judged.shownElsewhere && (
                            <p className="muted">Shown elsewhere in your CV, not in the best place for it.</p>
                          )}
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
