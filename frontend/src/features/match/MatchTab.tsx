import { useApolloClient, useQuery } from "@apollo/client/react";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { newIdempotencyKey } from "../../ui/idempotency";
import type { FragmentType } from "../../gql";
import { describeError, Spinner } from "../../ui/States";
import { useToasts } from "../../ui/Toasts";
import { draftFromCv, draftToInput, type Draft, type PreviewOverride } from "../../cv/draft";
import { DeleteCvMutation } from "../../cv/operations";
import { SaveCvMutation } from "../../cv/useAutosave";
import { withRejectedUndone, type TailorChange } from "./applyChanges";
import { MatchResult, type MatchResultFragment } from "./MatchResult";
import { CoverLetterMutation, CreateJobMutation, JobsQuery, MatchCvMutation, TailorCvMutation } from "./operations";
import { TailorReview } from "./TailorReview";

interface Tailoring {
  cvId: string;
  version: number;
  draft: Draft;
  changes: TailorChange[];
  rejected: TailorChange[];
}

type Busy = null | "match" | "tailor" | "save" | "letter";

/** Paste a job posting, see the match, tailor the CV and write a cover letter. */

export function MatchTab({
  cvId,
  draft,
  beforeRun,
  onPreview,
}: {
  cvId: string;
  draft: Draft;
  beforeRun: () => Promise<void>;
  /** Shows another draft in the preview (the tailored CV under review), or the CV again with null. */
  onPreview: (override: PreviewOverride | null) => void;
}) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const toasts = useToasts();
  const jobs = useQuery(JobsQuery, { fetchPolicy: "cache-and-network" });
  const [form, setForm] = useState({ title: "", company: "", description: "" });
  const [jobId, setJobId] = useState<string | null>(null);
  const [match, setMatch] = useState<FragmentType<typeof MatchResultFragment> | null>(null);
  const [tailoring, setTailoring] = useState<Tailoring | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function run<T>(what: Busy, work: () => Promise<T>): Promise<T | undefined> {
    setBusy(what);
    setProblem(null);
    try {
      return await work();
    } catch (failure) {
      setProblem(describeError(failure));
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  const matchWith = (id: string) =>
    run("match", async () => {
      await beforeRun();
      const { data } = await client.mutate({ mutation: MatchCvMutation, variables: { cvId, jobId: id } });
      const result = data?.matchCv;
      if (result?.__typename !== "Match") throw new Error(result && "message" in result ? result.message : "No match.");
      setJobId(id);
      setMatch(result);
      setTailoring(null);
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.title.trim() || !form.description.trim()) {
      setProblem("Give the job a title and paste the posting.");
      return;
    }
    await run("match", async () => {
      const { data } = await client.mutate({
        mutation: CreateJobMutation,
        variables: {
          input: { title: form.title.trim(), company: form.company.trim() || null, description: form.description },
          idempotencyKey: newIdempotencyKey(),
        },
      });
      const job = data?.createJob;
      if (job?.__typename !== "Job") {
        throw new Error(
          job?.__typename === "ValidationError"
            ? job.fields.map((f) => `${f.path} ${f.message}`).join("; ") || job.message
            : job && "message" in job
              ? job.message
              : "The posting was refused.",
        );
      }
      void jobs.refetch();
      return job.id;
    }).then((id) => (id ? matchWith(id) : undefined));
  }

  const tailor = () =>
    jobId &&
    run("tailor", async () => {
      const { data } = await client.mutate({
        mutation: TailorCvMutation,
        variables: { cvId, jobId, idempotencyKey: newIdempotencyKey() },
      });
      const result = data?.tailorCv;
      if (result?.__typename !== "Tailored")
        throw new Error(result && "message" in result ? result.message : "Not tailored.");
      const tailored = draftFromCv(result.cv);
      setTailoring({
        cvId: result.cv.id,
        version: tailored.version,
        draft: tailored.draft,
        changes: result.changes,
        rejected: result.rejected,
      });
      onPreview({ cvId: result.cv.id, draft: tailored.draft, label: "Preview of the tailored CV" });
    });

  const saveTailored = (accepted: boolean[]) =>
    tailoring &&
    run("save", async () => {
      const final = withRejectedUndone(tailoring.draft, draft, tailoring.changes, accepted);
      const { data } = await client.mutate({
        mutation: SaveCvMutation,
        variables: { id: tailoring.cvId, version: tailoring.version, input: draftToInput(final) },
      });
      if (data?.updateCv.__typename !== "Cv") throw new Error("The tailored CV could not be saved.");
      onPreview(null);
      toasts.show({ message: "Saved the tailored CV. Your original is unchanged." });
      navigate(`/cv/${tailoring.cvId}`);
    });

  const discardTailored = () =>
    tailoring &&
    run("save", async () => {
      await client.mutate({ mutation: DeleteCvMutation, variables: { id: tailoring.cvId } });
      onPreview(null);
      setTailoring(null);
    });

  const writeLetter = () =>
    jobId &&
    run("letter", async () => {
      const { data } = await client.mutate({
        mutation: CoverLetterMutation,
        variables: { cvId, jobId, idempotencyKey: newIdempotencyKey() },
      });
      const result = data?.generateCoverLetter;
      if (result?.__typename !== "CoverLetter")
        throw new Error(result && "message" in result ? result.message : "No letter.");
      // The letter is kept with the CV: it opens in the letter editor (autosaved, with its history).
      navigate(`/cv/${cvId}/letters/${result.id}`);
    });

  useEffect(() => () => onPreview(null), [onPreview]); // leaving the tab shows the CV again

  const savedJobs = jobs.data?.jobs.edges ?? [];
  return (
    <div className="match-tab">
      <section className="card" aria-labelledby="job-heading">
        <h2 id="job-heading" className="card__title">
          Match a job
        </h2>
        <form onSubmit={submit}>
          <div className="grid-2">
            <label className="field">
              <span>Job title</span>
              <input
                value={form.title}
                onChange={(e) => setForm({ ...form, title: e.target.value })}
                placeholder="e.g. Data Engineer"
              />
            </label>
            <label className="field">
              <span>Company (optional)</span>
              <input value={form.company} onChange={(e) => setForm({ ...form, company: e.target.value })} />
            </label>
          </div>
          <label className="field">
            <span>Job posting</span>
            <textarea
              rows={8}
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
              placeholder="Paste the whole posting here"
            />
          </label>
          <div className="match-tab__actions">
            <button type="submit" className="button button--primary" disabled={busy !== null}>
              {busy === "match" ? (
                <>
                  <Spinner label="" /> Matching…
                </>
              ) : (
                "Check my match"
              )}
            </button>
            {savedJobs.length > 0 && (
              <label className="match-tab__saved">
                <span className="muted">or a saved posting</span>
                <select
                  value=""
                  onChange={(e) => e.target.value && void matchWith(e.target.value)}
                  disabled={busy !== null}
                >
                  <option value="">Choose…</option>
                  {savedJobs.map(({ node }) => (
                    <option key={node.id} value={node.id}>
                      {node.title}
                      {node.company ? ` — ${node.company}` : ""}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        </form>
      </section>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {match && (
        <>
          <MatchResult match={match} draft={draft} cvId={cvId} />
          {jobId && (
            <p className="match-tab__track">
              <Link
                className="button"
                to={`/applications?track=${encodeURIComponent(jobId)}&cv=${encodeURIComponent(cvId)}`}
              >
                Track this application
              </Link>
            </p>
          )}
          {!tailoring && (
            <div className="card match-tab__next">
              <button
                type="button"
                className="button button--primary"
                onClick={() => void tailor()}
                disabled={busy !== null}
              >
                {busy === "tailor" ? (
                  <>
                    <Spinner label="" /> Tailoring…
                  </>
                ) : (
                  "Tailor my CV to this job"
                )}
              </button>
              <button type="button" className="button" onClick={() => void writeLetter()} disabled={busy !== null}>
                {busy === "letter" ? (
                  <>
                    <Spinner label="" /> Writing…
                  </>
                ) : (
                  "Write a cover letter"
                )}
              </button>
            </div>
          )}
        </>
      )}
      {tailoring && (
        <TailorReview
          original={draft}
          changes={tailoring.changes}
          rejected={tailoring.rejected}
          busy={busy === "save"}
          onSave={(accepted) => void saveTailored(accepted)}
          onDiscard={() => void discardTailored()}
          onDecide={(accepted) =>
            onPreview({
              cvId: tailoring.cvId,
              draft: withRejectedUndone(tailoring.draft, draft, tailoring.changes, accepted),
              label: "Preview of the tailored CV",
            })
          }
        />
      )}
    </div>
  );
}
