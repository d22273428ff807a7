import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { WithApi } from "../../test/apollo";
import { draftFromCv } from "../../cv/draft";
import { CvRevisionQuery, CvRevisionsQuery, HistoryTab, RestoreRevisionMutation } from "./HistoryTab";

const revisions = (versions: number[]) => ({
  request: { query: CvRevisionsQuery, variables: { id: "cv1" } },
  result: {
    data: {
      cvRevisions: versions.map((version) => ({
        __typename: "CvRevision",
        version,
        savedAt: "2026-11-24T10:00:00",
        title: "My CV",
      })),
    },
  },
  maxUsageCount: 10,
});

const restoredCv = {
  __typename: "Cv",
  id: "cv1",
  version: 4,
  title: "My CV",
  summary: "Old summary",
  basics: { __typename: "Basics", name: "Ada", headline: null, email: null, phone: null, location: null, links: [] },
  sections: [],
  design: {
    __typename: "Design",
    template: "classic",
    accentColor: "#24477a",
    fontFamily: "Inter",
    fontSize: 10,
    pageSize: "A4",
    margins: "18mm",
  },
  drafts: [],
};

const version1 = {
  ...restoredCv,
  version: 1,
  summary: "An engineer.",
  basics: { ...restoredCv.basics, name: "Ada Byron" },
};

// The draft on screen: the CV as it is now.
const current = draftFromCv({
  ...restoredCv,
  version: 3,
  summary: "An engineer and writer.",
  basics: { ...restoredCv.basics, name: "Ada Lovelace" },
} as never).draft;
const noPreview = () => undefined;

describe("HistoryTab", () => {
  it("lists versions newest first and marks the current one", async () => {
    render(
      <WithApi mocks={[revisions([3, 2, 1])]}>
        <HistoryTab
          cvId="cv1"
          currentVersion={3}
          getCurrentVersion={() => 3}
          beforeRestore={async () => undefined}
          onRestored={() => undefined}
          draft={current}
          onPreview={noPreview}
        />
      </WithApi>,
    );
    expect(await screen.findByText("Current")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Restore version 3" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Restore version 1" })).toBeInTheDocument();
  });

  it("saves pending edits first, then restores and hands the restored CV to the editor", async () => {
    const order: string[] = [];
    const onRestored = vi.fn(() => order.push("restored"));
    const restore = {
      request: { query: RestoreRevisionMutation, variables: { id: "cv1", version: 1 } },
      result: () => {
        order.push("restore sent");
        return { data: { restoreCvRevision: restoredCv } };
      },
    };
    render(
      <WithApi mocks={[revisions([3, 2, 1]), restore]}>
        <HistoryTab
          cvId="cv1"
          currentVersion={3}
          getCurrentVersion={() => 3}
          beforeRestore={async () => void order.push("flushed")}
          onRestored={onRestored}
          draft={current}
          onPreview={noPreview}
        />
      </WithApi>,
    );
    await userEvent.click(await screen.findByRole("button", { name: "Restore version 1" }));
    expect(await screen.findByText(/Restored version 1/)).toBeInTheDocument();
    expect(order).toEqual(["flushed", "restore sent", "restored"]);
    expect(onRestored).toHaveBeenCalledWith(expect.objectContaining({ id: "cv1", version: 4 }));
    expect(screen.getByRole("button", { name: "Undo" })).toBeInTheDocument();
  });

  it("previews an earlier version: its pages in the preview, what restoring it would change, then restore or close", async () => {
    const onPreview = vi.fn();
    const revision = {
      request: { query: CvRevisionQuery, variables: { id: "cv1", version: 1 } },
      result: { data: { cvRevision: version1 } },
      maxUsageCount: 2,
    };
    const restore = {
      request: { query: RestoreRevisionMutation, variables: { id: "cv1", version: 1 } },
      result: { data: { restoreCvRevision: restoredCv } },
    };
    const onRestored = vi.fn();
    render(
      <WithApi mocks={[revisions([3, 2, 1]), revision, restore]}>
        <HistoryTab
          cvId="cv1"
          currentVersion={3}
          getCurrentVersion={() => 3}
          beforeRestore={async () => undefined}
          onRestored={onRestored}
          draft={current}
          onPreview={onPreview}
        />
      </WithApi>,
    );
    await userEvent.click(await screen.findByRole("button", { name: "Preview version 1" }));

    const panel = await screen.findByRole("region", { name: /Version 1 as it was/ });
    await waitFor(() => expect(within(panel).getByRole("heading", { level: 3 })).toHaveFocus());
    expect(onPreview).toHaveBeenLastCalledWith({
      cvId: "cv1",
      label: "Preview of version 1",
      draft: expect.objectContaining({
        summary: "An engineer.",
        basics: expect.objectContaining({ name: "Ada Byron" }),
      }),
    });
    expect(panel).toHaveTextContent("Restoring it would change 2 parts");
    expect(panel.querySelector("dd del")).toHaveTextContent("Lovelace");
    expect(panel.querySelector("dd ins")).toHaveTextContent("Byron");
    expect(panel).toHaveTextContent(/Summary.*An engineer and writer\./);
    expect(screen.getByRole("button", { name: "Preview version 1" })).toHaveAttribute("aria-pressed", "true");

    await userEvent.click(screen.getByRole("button", { name: "Close preview" }));
    expect(screen.queryByRole("region", { name: /Version 1 as it was/ })).not.toBeInTheDocument();
    expect(onPreview).toHaveBeenLastCalledWith(null);

    await userEvent.click(screen.getByRole("button", { name: "Preview version 1" }));
    await userEvent.click(await screen.findByRole("button", { name: "Restore this version" }));
    expect(await screen.findByText(/Restored version 1/)).toBeInTheDocument();
    expect(onRestored).toHaveBeenCalledTimes(1);
    expect(onPreview).toHaveBeenLastCalledWith(null);
    expect(screen.queryByRole("region", { name: /Version 1 as it was/ })).not.toBeInTheDocument();
  });

  it("says so when the version asked for is no longer kept", async () => {
    const gone = {
      request: { query: CvRevisionQuery, variables: { id: "cv1", version: 2 } },
      result: { data: { cvRevision: null } },
    };
    const onPreview = vi.fn();
    render(
      <WithApi mocks={[revisions([3, 2, 1]), gone]}>
        <HistoryTab
          cvId="cv1"
          currentVersion={3}
          getCurrentVersion={() => 3}
          beforeRestore={async () => undefined}
          onRestored={() => undefined}
          draft={current}
          onPreview={onPreview}
        />
      </WithApi>,
    );
    await userEvent.click(await screen.findByRole("button", { name: "Preview version 2" }));
    expect(await screen.findByText("Version 2 is no longer kept.")).toBeInTheDocument();
    expect(onPreview).not.toHaveBeenCalled();
  });
});
