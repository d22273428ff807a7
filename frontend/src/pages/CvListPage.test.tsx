import type { MockLink } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { InMemoryCache } from "@apollo/client";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { describe, expect, it, vi } from "vitest";
import possibleTypes from "../gql/possible-types";
import { ToastProvider } from "../ui/Toasts";
import { CvListPage } from "./CvListPage";
import { DeleteCvMutation } from "../cv/operations";
import { CvListQuery } from "../features/cvs/operations";

function cvNode(id: string, title: string) {
  return {
    __typename: "Cv" as const,
    id,
    title,
    version: 3,
    updatedAt: new Date().toISOString(),
    sourceCvId: null,
    basics: { __typename: "Basics" as const, name: "Ada Lovelace", headline: "Analyst" },
    sections: [{ __typename: "Section" as const, id: "s1" }],
    design: { __typename: "Design" as const, accentColor: "#24477a", template: "classic" },
  };
}

const listMock = (titles: string[]): MockLink.MockedResponse => ({
  request: { query: CvListQuery, variables: {} },
  result: {
    data: {
      cvs: {
        __typename: "CvConnection",
        edges: titles.map((title, i) => ({ __typename: "CvEdge", node: cvNode(`cv${i}`, title) })),
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
      },
    },
  },
  maxUsageCount: 10,
});

function renderPage(mocks: MockLink.MockedResponse[]) {
  return render(
    <MockedProvider mocks={mocks} cache={new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes })}>
      <MemoryRouter>
        <ToastProvider>
          <CvListPage />
        </ToastProvider>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe("CvListPage", () => {
  it("lists the person's CVs with their actions", async () => {
    renderPage([listMock(["Data engineer CV", "Academic CV"])]);
    expect(screen.getByText("Loading your CVs…")).toBeInTheDocument();
    const list = await screen.findByRole("list", { name: "Your CVs" });
    expect(within(list).getByRole("link", { name: "Data engineer CV" })).toHaveAttribute("href", "/cv/cv0");
    expect(within(list).getByRole("button", { name: "Delete Academic CV" })).toBeInTheDocument();
  });

  it("says so when there are no CVs yet", async () => {
    renderPage([listMock([])]);
    expect(await screen.findByText("No CVs yet")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create your first CV" })).toBeInTheDocument();
    // A new person's first screen names every kind of file the import dialog reads.
    const empty = screen.getByText(/^Start from a blank page/);
    for (const kind of ["PDF", "Word", "JSON Resume", "Reactive Resume", "LinkedIn data export"]) {
      expect(empty).toHaveTextContent(kind);
    }
  });

  it("offers one way to import: the dialog, which ends in the review of what was read", async () => {
    const { container } = renderPage([listMock([])]);
    await screen.findByText("No CVs yet");
    const imports = screen.getAllByRole("button", { name: /import/i });
    expect(imports.map((button) => button.textContent)).toEqual(["Import a CV file"]);
    // No file input outside the dialog: nothing imports without the review.
    expect(container.querySelector("input[type=file]")).toBeNull();
    await userEvent.click(imports[0]);
    expect(screen.getByRole("dialog", { name: "Import a CV" })).toBeInTheDocument();
  });

  it("shows a plain error with a retry when the list cannot load", async () => {
    renderPage([{ request: { query: CvListQuery, variables: {} }, error: new TypeError("Failed to fetch") }]);
    expect(await screen.findByRole("alert")).toHaveTextContent("The server could not be reached");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  it("hides a deleted CV at once and never deletes it when the person clicks Undo", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const deleted = vi.fn(() => ({ data: { deleteCv: { __typename: "Deleted", id: "cv0" } } }));
    const deleteMock: MockLink.MockedResponse = {
      request: { query: DeleteCvMutation, variables: { id: "cv0" } },
      result: deleted,
    };
    renderPage([listMock(["Data engineer CV", "Academic CV"]), deleteMock]);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(await screen.findByRole("button", { name: "Delete Data engineer CV" }));
    expect(screen.queryByRole("link", { name: "Data engineer CV" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByRole("link", { name: "Data engineer CV" })).toBeInTheDocument();
    await act(async () => {
      vi.advanceTimersByTime(10_000);
    });
    expect(deleted).not.toHaveBeenCalled();
    vi.useRealTimers();
  });

  it("deletes for real once the undo window has passed", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const deleted = vi.fn(() => ({ data: { deleteCv: { __typename: "Deleted", id: "cv0" } } }));
    renderPage([
      listMock(["Data engineer CV"]),
      { request: { query: DeleteCvMutation, variables: { id: "cv0" } }, result: deleted },
    ]);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(await screen.findByRole("button", { name: "Delete Data engineer CV" }));
    await act(async () => {
      vi.advanceTimersByTime(7_000);
    });
    expect(deleted).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
