/** The application tracker: a board with a column per stage, or a filtered list, and the application form. */
import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { getFragmentData } from "../gql";
import type { ApplicationStage } from "../gql/graphql";
import type { ApplicationCardActions } from "../features/applications/ApplicationCard";
import { ApplicationCard } from "../features/applications/ApplicationCard";
import {
  type ApplicationDraft,
  ApplicationForm,
  EMPTY_DRAFT,
  type Editing,
} from "../features/applications/ApplicationForm";
import { ApplicationsBoard } from "../features/applications/ApplicationsBoard";
import { ApplicationsFilters, type Filters, NO_FILTERS } from "../features/applications/ApplicationsFilters";
import { asDay } from "../features/applications/day";
import {
  ApplicationCardFragment,
  ApplicationChoicesQuery,
  ApplicationsQuery,
  DeleteApplicationMutation,
  MoveApplicationMutation,
} from "../features/applications/operations";
import { localToday, STAGE_LABELS } from "../features/applications/stages";
import "../features/applications/applications.css";
import { describeError, EmptyState, ErrorState, LoadingState } from "../ui/States";
import { useToasts } from "../ui/Toasts";
import { useDocumentTitle } from "../ui/useDocumentTitle";

type View = "board" | "list";

export function ApplicationsPage() {
  useDocumentTitle("Applications");
  const toasts = useToasts();
  const [view, setView] = useState<View>("board");
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const filtered = view === "list";
  const variables = filtered
    ? {
        stage: filters.stage ? [filters.stage] : null,
        cvId: filters.cvId || null,
        followUpBefore: filters.followUpDue ? localToday() : null,
      }
    : {};
  const { data, loading, error, refetch, fetchMore } = useQuery(ApplicationsQuery, {
    variables,
    fetchPolicy: "cache-and-network",
  });
  const choices = useQuery(ApplicationChoicesQuery, { fetchPolicy: "cache-and-network" });
  const [moveApplication] = useMutation(MoveApplicationMutation);
  const [deleteApplication] = useMutation(DeleteApplicationMutation);
  const [form, setForm] = useState<{ editing?: Editing; initial?: ApplicationDraft } | null>(null);
  const [search, setSearch] = useSearchParams();
  const trackJob = search.get("track");
  const trackCv = search.get("cv");

  useEffect(() => {
    // "Track this application" on a job's match lands here: the form opens with that job and CV, as applied.
    if (!trackJob) return;
    setForm({ initial: { ...EMPTY_DRAFT, jobId: trackJob, cvId: trackCv ?? "", stage: "APPLIED" } });
    setSearch({}, { replace: true });
  }, [trackJob, trackCv, setSearch]);
  const [busyId, setBusyId] = useState<string | null>(null);
  // The card just moved, to focus again once it is drawn in its new column (a person moving it expects that).
  const [refocus, setRefocus] = useState<{ id: string; stage: ApplicationStage } | null>(null);

  const jobs = (choices.data?.jobs.edges ?? []).map((edge) => edge.node);
  const cvs = (choices.data?.cvs.edges ?? []).map((edge) => edge.node);
  const cards = (data?.applications.edges ?? []).map((edge) => edge.node);

  async function move(id: string, version: number, stage: ApplicationStage, on?: string) {
    setBusyId(id);
    try {
      const { data: moved } = await moveApplication({ variables: { id, version, stage, ...(on ? { on } : {}) } });
      const result = moved?.moveApplication;
      if (result?.__typename === "Application") {
        const application = getFragmentData(ApplicationCardFragment, result);
        toasts.show({ message: `Moved “${application.jobTitle}” to ${STAGE_LABELS[stage]}.` });
        if (filtered) await refetch();
        setRefocus({ id, stage });
      } else if (result?.__typename === "VersionConflictError") {
        await refetch();
        toasts.show({ message: "That application was changed elsewhere: here it is as it is now.", tone: "error" });
      } else {
        toasts.show({ message: result && "message" in result ? result.message : "Not moved.", tone: "error" });
      }
    } catch (failure) {
      toasts.show({ message: `Not moved. ${describeError(failure)}`, tone: "error" });
    } finally {
      setBusyId(null);
    }
  }

  useEffect(() => {
    if (!refocus) return;
    const moved = document.querySelector<HTMLElement>(
      `[data-application-id="${refocus.id}"][data-stage="${refocus.stage}"] select`,
    );
    if (moved) {
      moved.focus();
      setRefocus(null);
    }
  });

  function edit(id: string) {
    const ref = cards.find((node) => node.id === id);
    if (!ref) return;
    const application = getFragmentData(ApplicationCardFragment, ref);
    setForm({
      editing: {
        id,
        version: application.version,
        sent: application.appliedOn != null,
        draft: {
          jobId: application.jobId,
          cvId: application.cvId,
          letterId: application.letterId ?? "",
          stage: application.stage,
          notes: application.notes,
          contacts: application.contacts.map((c) => ({
            name: c.name ?? "",
            role: c.role ?? "",
            email: c.email ?? "",
            phone: c.phone ?? "",
          })),
          followUp: asDay(application.followUp) ?? "",
        },
        history: application.history.flatMap((change) => {
          const on = asDay(change.on);
          return on ? [{ stage: change.stage, on }] : [];
        }),
      },
    });
  }

  async function remove(id: string) {
    setForm(null);
    try {
      const { data: deleted } = await deleteApplication({ variables: { id } });
      if (deleted?.deleteApplication.__typename === "Deleted") toasts.show({ message: "Application deleted." });
      else toasts.show({ message: "That application no longer exists.", tone: "error" });
    } catch (failure) {
      toasts.show({ message: `Not deleted. ${describeError(failure)}`, tone: "error" });
    }
    await refetch();
  }

  const actions: ApplicationCardActions = {
    onMove: (id, version, stage) => void move(id, version, stage),
    onEdit: edit,
  };
  const newApplication = (
    <button type="button" className="button button--primary" onClick={() => setForm({})}>
      Track an application
    </button>
  );
  return (
    <div className="page applications">
      <div className="page__header">
        <div>
          <h1>Applications</h1>
          <p className="muted">Where each CV went, what happened next, and when to follow up.</p>
        </div>
        <div className="page__actions">
          <fieldset className="applications__views">
            <legend className="visually-hidden">Show as</legend>
            {(["board", "list"] as const).map((option) => (
              <button
                key={option}
                type="button"
                className={view === option ? "button button--primary" : "button"}
                aria-pressed={view === option}
                onClick={() => setView(option)}
              >
                {option === "board" ? "Board" : "List"}
              </button>
            ))}
          </fieldset>
          {newApplication}
        </div>
      </div>
      {filtered && <ApplicationsFilters filters={filters} cvs={cvs} onChange={setFilters} />}
      {loading && !data ? (
        <LoadingState>Loading your applications…</LoadingState>
      ) : error && !data ? (
        <ErrorState title="Your applications could not be loaded." onRetry={() => void refetch()}>
          {describeError(error)}
        </ErrorState>
      ) : cards.length === 0 && !filtered ? (
        <EmptyState
          title="No applications yet"
          action={
            <button type="button" className="button button--primary" onClick={() => setForm({})}>
              Track your first application
            </button>
          }
        >
          Track each job you apply for: the CV and letter you sent, its stage, your contacts and when to follow up. From
          a job's match, “Track this application” adds it here.
        </EmptyState>
      ) : view === "board" ? (
        <ApplicationsBoard applications={cards} actions={actions} busyId={busyId} />
      ) : cards.length === 0 ? (
        <p className="muted applications__none" role="status">
          No application matches these filters.
        </p>
      ) : (
        <ul className="applications-list" aria-label="Applications">
          {cards.map((ref) => (
            <ApplicationCard key={ref.id} application={ref} actions={actions} busy={busyId === ref.id} />
          ))}
        </ul>
      )}
      {data?.applications.pageInfo.hasNextPage && (
        <button
          type="button"
          className="button load-more"
          onClick={() =>
            void fetchMore({
              variables: { after: data.applications.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                applications: {
                  ...fetchMoreResult.applications,
                  edges: [...previous.applications.edges, ...fetchMoreResult.applications.edges],
                },
              }),
            })
          }
        >
          Show more
        </button>
      )}
      {form && (
        <ApplicationForm
          editing={form.editing}
          initial={form.initial}
          jobs={jobs}
          cvs={cvs}
          onClose={() => setForm(null)}
          onSaved={() => {
            toasts.show({ message: form.editing ? "Application saved." : "Application tracked." });
            setForm(null);
            void refetch();
          }}
          onDelete={form.editing ? () => void remove(form.editing?.id ?? "") : undefined}
          onMove={(stage, on) => {
            const editing = form.editing;
            setForm(null);
            if (editing) void move(editing.id, editing.version, stage, on);
          }}
        />
      )}
    </div>
  );
}
