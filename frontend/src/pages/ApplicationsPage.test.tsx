import { InMemoryCache } from "@apollo/client";
import type { MockLink } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import {
  ApplicationChoicesQuery,
  ApplicationsQuery,
  CreateApplicationMutation,
  LettersOfCvQuery,
  MoveApplicationMutation,
} from "../features/applications/operations";
import { localToday } from "../features/applications/stages";
import possibleTypes from "../gql/possible-types";
import type { ApplicationStage, CreateApplicationMutationVariables } from "../gql/graphql";
import { ToastProvider } from "../ui/Toasts";
import { ApplicationsPage } from "./ApplicationsPage";

function node(id: string, stage: ApplicationStage, overrides: Record<string, unknown> = {}) {
  return {
    __typename: "Application" as const,
    id,
    version: 1,
    jobId: "job1",
    jobTitle: `Job ${id}`,
    company: "Ledgerly",
    cvId: "cv1",
    cvTitle: "Backend CV",
    cvRevision: 3,
    letterId: null,
    stage,
    appliedOn: stage === "SAVED" ? null : "2026-11-30",
    followUp: null,
    matchScore: 72.4,
    notes: "",
    contacts: [],
    history: [{ __typename: "StageChange" as const, stage, on: "2026-11-30" }],
    warnings: [],
    ...overrides,
  };
}

const list = (variables: Record<string, unknown>, nodes: ReturnType<typeof node>[]): MockLink.MockedResponse => ({
  request: { query: ApplicationsQuery, variables },
  result: {
    data: {
      applications: {
        __typename: "ApplicationConnection",
        edges: nodes.map((n) => ({ __typename: "ApplicationEdge", node: n })),
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
      },
    },
  },
  maxUsageCount: 10,
});

const choices: MockLink.MockedResponse = {
  request: { query: ApplicationChoicesQuery },
  result: {
    data: {
      jobs: {
        __typename: "JobConnection",
        edges: [
          { __typename: "JobEdge", node: { __typename: "Job", id: "job1", title: "Data Engineer", company: "Acme" } },
        ],
      },
      cvs: {
        __typename: "CvConnection",
        edges: [
          { __typename: "CvEdge", node: { __typename: "Cv", id: "cv1", title: "Backend CV" } },
          { __typename: "CvEdge", node: { __typename: "Cv", id: "cv2", title: "Data CV" } },
        ],
      },
    },
  },
  maxUsageCount: 10,
};

const moved = (id: string, stage: ApplicationStage): MockLink.MockedResponse => ({
  request: { query: MoveApplicationMutation, variables: { id, version: 1, stage } },
  result: { data: { moveApplication: node(id, stage, { version: 2 }) } },
});

function renderPage(mocks: MockLink.MockedResponse[], at = "/applications") {
  return render(
    <MockedProvider mocks={mocks} cache={new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes })}>
      <MemoryRouter initialEntries={[at]}>
        <ToastProvider>
          <Routes>
            <Route path="/applications" element={<ApplicationsPage />} />
          </Routes>
        </ToastProvider>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe("ApplicationsPage", () => {
  it("shows a column per stage with each card's CV, match score at applying and follow-up", async () => {
    renderPage([
      list({}, [node("a1", "SAVED"), node("a2", "APPLIED", { followUp: "2000-01-01", matchScore: null })]),
      choices,
    ]);
    const saved = await screen.findByRole("region", { name: /Saved/ });
    expect(within(saved).getByRole("button", { name: /Edit the application for Job a1 at Ledgerly/ })).toBeVisible();
    expect(within(saved).getByText("Match: 72%")).toBeInTheDocument();
    const applied = screen.getByRole("region", { name: /Applied/ });
    expect(within(applied).getByText(/CV: Backend CV \(version 3\)/)).toBeInTheDocument();
    expect(within(applied).getByText("No match score")).toBeInTheDocument();
    expect(within(applied).getByText(/Follow up due/)).toBeInTheDocument();
    for (const stage of ["Interview", "Offer", "Rejected", "Withdrawn"]) {
      expect(screen.getByRole("region", { name: new RegExp(stage) })).toBeInTheDocument();
    }
  });

  it("moves a card with its menu, its arrow buttons and the keyboard", async () => {
    renderPage([
      list({}, [node("a1", "SAVED"), node("a2", "APPLIED"), node("a3", "OFFER")]),
      choices,
      moved("a1", "INTERVIEW"),
      moved("a2", "INTERVIEW"),
      moved("a3", "INTERVIEW"),
    ]);
    await userEvent.selectOptions(await screen.findByLabelText("Stage of Job a1"), "INTERVIEW");
    expect(await screen.findByText("Moved “Job a1” to Interview.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Move Job a2 on to Interview" }));
    expect(await screen.findByText("Moved “Job a2” to Interview.")).toBeInTheDocument();
    // The moved card, drawn again in its new column, has the focus back.
    await waitFor(() => expect(screen.getByLabelText("Stage of Job a2")).toHaveFocus());
    fireEvent.keyDown(screen.getByLabelText("Stage of Job a3"), { key: "ArrowLeft", altKey: true });
    expect(await screen.findByText("Moved “Job a3” to Interview.")).toBeInTheDocument();
    const interview = screen.getByRole("region", { name: /Interview/ });
    await waitFor(() => expect(within(interview).getAllByRole("listitem")).toHaveLength(3));
  });

  it("filters the list by stage, CV and follow-up due", async () => {
    renderPage([
      list({}, [node("a1", "SAVED")]),
      list({ stage: null, cvId: null, followUpBefore: null }, [node("a1", "SAVED"), node("a2", "APPLIED")]),
      list({ stage: ["APPLIED"], cvId: null, followUpBefore: null }, [node("a2", "APPLIED")]),
      list({ stage: ["APPLIED"], cvId: "cv2", followUpBefore: null }, []),
      list({ stage: ["APPLIED"], cvId: "cv2", followUpBefore: localToday() }, [node("a9", "APPLIED")]),
      choices,
    ]);
    await userEvent.click(await screen.findByRole("button", { name: "List" }));
    const all = await screen.findByRole("list", { name: "Applications" });
    await waitFor(() => expect(within(all).getAllByRole("listitem")).toHaveLength(2));
    await userEvent.selectOptions(screen.getByLabelText("Stage"), "APPLIED");
    await waitFor(() => expect(screen.queryByText("Job a1")).toBeNull());
    await userEvent.selectOptions(screen.getByLabelText("CV sent"), "cv2");
    expect(await screen.findByText("No application matches these filters.")).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText("Follow-up due"));
    expect(await screen.findByText("Job a9")).toBeInTheDocument();
  });

  it("opens the form from a match with its job and CV, and tracks the application", async () => {
    const created: MockLink.MockedResponse = {
      request: {
        query: CreateApplicationMutation,
        variables: (variables: CreateApplicationMutationVariables) =>
          variables.input.jobId === "job1" &&
          variables.input.cvId === "cv1" &&
          variables.input.stage === "APPLIED" &&
          JSON.stringify(variables.input.contacts ?? []) ===
            JSON.stringify([{ name: "Grace", role: null, email: "grace at acme", phone: null }]) &&
          typeof variables.idempotencyKey === "string",
      },
      result: { data: { createApplication: node("new", "APPLIED") } },
    };
    renderPage(
      [
        list({}, []),
        choices,
        created,
        { request: { query: LettersOfCvQuery, variables: { cvId: "cv1" } }, result: { data: { coverLetters: [] } } },
      ],
      "/applications?track=job1&cv=cv1",
    );
    const dialog = await screen.findByRole("dialog", { name: "Track an application" });
    await waitFor(() => expect(within(dialog).getByLabelText("Job")).toHaveValue("job1"));
    expect(within(dialog).getByLabelText("CV sent")).toHaveValue("cv1");
    expect(within(dialog).getByLabelText("Stage")).toHaveValue("APPLIED");
    await userEvent.click(within(dialog).getByRole("button", { name: "Add a contact" }));
    await userEvent.type(within(dialog).getByLabelText("Name"), "Grace");
    await userEvent.type(within(dialog).getByLabelText("Email"), "grace at acme");
    await userEvent.click(within(dialog).getByRole("button", { name: "Track it" }));
    expect(await screen.findByText("Application tracked.")).toBeInTheDocument();
  });

  it("shows the stages with their days in the form and moves on the day the person gives", async () => {
    const onDay: MockLink.MockedResponse = {
      request: {
        query: MoveApplicationMutation,
        variables: { id: "a1", version: 1, stage: "INTERVIEW", on: "2026-11-20" },
      },
      result: { data: { moveApplication: node("a1", "INTERVIEW", { version: 2 }) } },
    };
    renderPage([
      list({}, [node("a1", "APPLIED")]),
      choices,
      onDay,
      { request: { query: LettersOfCvQuery, variables: { cvId: "cv1" } }, result: { data: { coverLetters: [] } } },
    ]);
    await userEvent.click(await screen.findByRole("button", { name: /Edit the application for Job a1/ }));
    const dialog = await screen.findByRole("dialog", { name: "Edit application" });
    const stages = within(dialog).getByRole("region", { name: "Stages" });
    expect(within(stages).getByRole("listitem")).toHaveTextContent(/Applied.*2026/);
    expect(within(dialog).getByLabelText("Job")).toBeDisabled(); // already sent: where it went stays
    await userEvent.selectOptions(within(stages).getByLabelText("Move to"), "INTERVIEW");
    fireEvent.change(within(stages).getByLabelText("On"), { target: { value: "2026-11-20" } });
    await userEvent.click(within(stages).getByRole("button", { name: "Move" }));
    expect(await screen.findByText("Moved “Job a1” to Interview.")).toBeInTheDocument();
  });

  it("asks for a job and a CV before sending anything", async () => {
    renderPage([list({}, []), choices]);
    await userEvent.click(await screen.findByRole("button", { name: "Track your first application" }));
    const dialog = await screen.findByRole("dialog", { name: "Track an application" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Track it" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Choose the job.");
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Choose the CV you sent.");
  });
});
