/** The cover letters written from this CV, newest first, each opening in the letter editor. */
import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { formatWhen } from "../../ui/format";
import { describeError, EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { CvLettersQuery } from "./operations";
import "./letters.css";

export function LettersTab({ cvId }: { cvId: string }) {
  const { data, loading, error, refetch } = useQuery(CvLettersQuery, {
    variables: { cvId },
    fetchPolicy: "cache-and-network",
  });
  if (loading && !data) return <LoadingState>Loading your letters…</LoadingState>;
  if (error && !data)
    return (
      <ErrorState title="The letters could not be loaded." onRetry={() => void refetch()}>
        {describeError(error)}
      </ErrorState>
    );
  const letters = data?.coverLetters ?? [];
  if (letters.length === 0)
    return (
      <EmptyState
        title="No cover letters yet"
        action={
          <Link className="button" to={`/cv/${cvId}/match`}>
            Write one from a job match
          </Link>
        }
      >
        Match this CV against a job posting, then write a cover letter: it is kept here.
      </EmptyState>
    );
  return (
    <section className="card" aria-labelledby="letters-heading">
      <h2 id="letters-heading" className="card__title">
        Cover letters
      </h2>
      <ul className="letters-list">
        {letters.map((letter) => (
          <li key={letter.id}>
            <Link className="button button--ghost" to={`/cv/${cvId}/letters/${letter.id}`}>
              {letter.title}
            </Link>{" "}
            <span className="muted">
              version {letter.version}, saved {formatWhen(letter.updatedAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
