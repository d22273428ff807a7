import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useState, type FormEvent } from "react";
import type { ApplicationStage } from "../../gql/graphql";
import { Dialog } from "../../ui/Dialog";
import { formatWhen } from "../../ui/format";
import { newIdempotencyKey } from "../../ui/idempotency";
import { describeError, Spinner } from "../../ui/States";
import { CreateApplicationMutation, LettersOfCvQuery, UpdateApplicationMutation } from "./operations";
import { StageHistory } from "./StageHistory";
import { STAGE_LABELS, STAGES } from "./stages";

export interface ContactDraft {
  name: string;
  role: string;
  email: string;
  phone: string;
}

export interface ApplicationDraft {
  jobId: string;
  cvId: string;
  letterId: string;
  stage: ApplicationStage;
  notes: string;
  contacts: ContactDraft[];
  followUp: string;
}

export interface Editing {
  id: string;
  version: number;
  /** Whether the CV has gone out: then the CV sent can no longer change. */
  sent: boolean;
  draft: ApplicationDraft;
  history: { stage: ApplicationStage; on: string }[];
}

export const EMPTY_DRAFT: ApplicationDraft = {
  jobId: "",
  cvId: "",
  letterId: "",
  stage: "SAVED",
  notes: "",
  contacts: [],
  followUp: "",
};

const EMPTY_CONTACT: ContactDraft = { name: "", role: "", email: "", phone: "" };
const MAX_CONTACTS = 20;

/** "Contact 2, email: ..." for a field path the API names ("contacts.1.email"). */
export function describeField(path: string): string {
  const contact = /^contacts\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (contact) return `Contact ${Number(contact[1]) + 1}${contact[2] ? `, ${contact[2]}` : ""}`;
  const names: Record<string, string> = {
    notes: "Notes",
    followUp: "Follow-up date",
    on: "Date",
    cvId: "CV",
    jobId: "Job",
    contacts: "Contacts",
  };
  return names[path] ?? path;
}

function contactsInput(contacts: ContactDraft[]) {
  return contacts
    .filter((c) => c.name.trim() || c.role.trim() || c.email.trim() || c.phone.trim())
    .map((c) => ({ name: c.name || null, role: c.role || null, email: c.email || null, phone: c.phone || null }));
}

/** The application form: the job, the CV and letter sent, notes, contacts and a follow-up date. */
export function ApplicationForm({
  editing,
  initial = EMPTY_DRAFT,
  jobs,
  cvs,
  onClose,
  onSaved,
  onDelete,
  onMove,
}: {
  editing?: Editing;
  initial?: ApplicationDraft;
  jobs: { id: string; title: string; company: string | null }[];
  cvs: { id: string; title: string }[];
  onClose: () => void;
  onSaved: (id: string) => void;
  onDelete?: () => void;
  onMove?: (stage: ApplicationStage, on: string) => void;
}) {
  const [draft, setDraft] = useState<ApplicationDraft>(editing?.draft ?? initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [create, creating] = useMutation(CreateApplicationMutation);
  const [update, updating] = useMutation(UpdateApplicationMutation);
  const letters = useQuery(LettersOfCvQuery, { variables: { cvId: draft.cvId }, skip: !draft.cvId });
  const problemId = useId();
  const busy = creating.loading || updating.loading;
  const set = (changes: Partial<ApplicationDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const setContact = (index: number, changes: Partial<ContactDraft>) =>
    set({ contacts: draft.contacts.map((c, i) => (i === index ? { ...c, ...changes } : c)) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = [!draft.jobId && "Choose the job.", !draft.cvId && "Choose the CV you sent."].filter(
      (p): p is string => Boolean(p),
    );
    if (missing.length) {
      setProblems(missing);
      return;
    }
    setProblems([]);
    try {
      const common = {
        letterId: draft.letterId || null,
        notes: draft.notes,
        contacts: contactsInput(draft.contacts),
        followUp: draft.followUp || null,
      };
      const result = editing
        ? (
            await update({
              variables: {
                id: editing.id,
                version: editing.version,
                // What went out, and where to, no longer changes: the API refuses it, the form does not send it.
                input: { ...common, ...(editing.sent ? {} : { jobId: draft.jobId, cvId: draft.cvId }) },
              },
            })
          ).data?.updateApplication
        : (
            await create({
              variables: {
                input: { ...common, jobId: draft.jobId, cvId: draft.cvId, stage: draft.stage },
                idempotencyKey,
              },
            })
          ).data?.createApplication;
      if (result?.__typename === "Application") {
        onSaved(result.id); // what looks wrong in the contacts shows on the card, from what was saved
        return;
      }
      if (result?.__typename === "ValidationError") {
        setProblems(result.fields.map((f) => `${describeField(f.path)}: ${f.message}`));
      } else if (result?.__typename === "VersionConflictError") {
        setProblems(["This application was changed elsewhere. Close the form to see the latest, then edit again."]);
      } else {
        setProblems([result && "message" in result ? result.message : "The application could not be saved."]);
      }
    } catch (failure) {
      setProblems([describeError(failure)]);
    }
  }

  const lettersOfCv = letters.data?.coverLetters ?? [];
  const ordered = [...lettersOfCv].sort((a, b) => Number(b.jobId === draft.jobId) - Number(a.jobId === draft.jobId));
  return (
    <Dialog open wide title={editing ? "Edit application" : "Track an application"} onClose={onClose}>
      <form onSubmit={submit} className="application-form" aria-describedby={problems.length ? problemId : undefined}>
        {problems.length > 0 && (
          <div id={problemId} className="form-error" role="alert">
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="grid-2">
          <label className="field">
            <span>Job</span>
            <select
              value={draft.jobId}
              onChange={(e) => set({ jobId: e.target.value })}
              aria-required
              disabled={editing?.sent}
            >
              <option value="">Choose a saved job…</option>
              {jobs.map((job) => (
                <option key={job.id} value={job.id}>
                  {job.title}
                  {job.company ? ` — ${job.company}` : ""}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>CV sent</span>
            <select
              value={draft.cvId}
              onChange={(e) => set({ cvId: e.target.value, letterId: "" })}
              aria-required
              disabled={editing?.sent}
              aria-describedby={editing?.sent ? `${problemId}-sent` : undefined}
            >
              <option value="">Choose a CV…</option>
              {cvs.map((cv) => (
                <option key={cv.id} value={cv.id}>
                  {cv.title}
                </option>
              ))}
            </select>
            {editing?.sent && (
              <small id={`${problemId}-sent`} className="muted">
                The job and the CV sent are kept as they were when you applied.
              </small>
            )}
          </label>
          <label className="field">
            <span>Cover letter (optional)</span>
            <select value={draft.letterId} onChange={(e) => set({ letterId: e.target.value })} disabled={!draft.cvId}>
              <option value="">No letter</option>
              {ordered.map((letter) => (
                <option key={letter.id} value={letter.id}>
                  Letter of {formatWhen(letter.createdAt)}
                  {letter.jobId === draft.jobId ? " (for this job)" : ""}
                </option>
              ))}
            </select>
          </label>
          {!editing && (
            <label className="field">
              <span>Stage</span>
              <select value={draft.stage} onChange={(e) => set({ stage: e.target.value as ApplicationStage })}>
                {STAGES.map((stage) => (
                  <option key={stage} value={stage}>
                    {STAGE_LABELS[stage]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span>Follow up on (optional)</span>
            <input type="date" value={draft.followUp} onChange={(e) => set({ followUp: e.target.value })} />
          </label>
        </div>
        <label className="field">
          <span>Notes</span>
          <textarea rows={4} maxLength={20_000} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} />
        </label>
        {editing && onMove && (
          <StageHistory stage={editing.draft.stage} history={editing.history} busy={busy} onMove={onMove} />
        )}
        <fieldset className="application-form__contacts">
          <legend>Contacts</legend>
          {draft.contacts.map((contact, index) => (
            <div key={index} className="application-form__contact">
              <label className="field">
                <span>Name</span>
                <input value={contact.name} onChange={(e) => setContact(index, { name: e.target.value })} />
              </label>
              <label className="field">
                <span>Role</span>
                <input value={contact.role} onChange={(e) => setContact(index, { role: e.target.value })} />
              </label>
              <label className="field">
                <span>Email</span>
                <input
                  type="text"
                  inputMode="email"
                  value={contact.email}
                  onChange={(e) => setContact(index, { email: e.target.value })}
                />
              </label>
              <label className="field">
                <span>Phone</span>
                <input
                  type="text"
                  inputMode="tel"
                  value={contact.phone}
                  onChange={(e) => setContact(index, { phone: e.target.value })}
                />
              </label>
              <button
                type="button"
                className="button button--ghost"
                aria-label={`Remove contact ${index + 1}`}
                onClick={() => set({ contacts: draft.contacts.filter((_, i) => i !== index) })}
              >
                Remove
              </button>
            </div>
          ))}
          {draft.contacts.length < MAX_CONTACTS && (
            <button
              type="button"
              className="button"
              onClick={() => set({ contacts: [...draft.contacts, EMPTY_CONTACT] })}
            >
              Add a contact
            </button>
          )}
        </fieldset>
        <div className="dialog__footer">
          {onDelete && (
            <button type="button" className="button button--danger-ghost" onClick={onDelete} disabled={busy}>
              Delete
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? (
              <>
                <Spinner label="" /> Saving…
              </>
            ) : editing ? (
              "Save"
            ) : (
              "Track it"
            )}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
