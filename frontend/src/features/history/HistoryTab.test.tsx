import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { WithApi } from "../../test/apollo";
import { CvRevisionsQuery, HistoryTab, RestoreRevisionMutation } from "./HistoryTab";

const revisions = (versions: number[]) => ({
  request: { query: CvRevisionsQuery, variables: { id: "cv1" } },
  result: {
    data: {
      cvRevisions: versions.map((version) => ({ __typename: "CvRevision", version, savedAt: "2026-11-24T10:00:00", title: "My CV" })),
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
  design: { __typename: "Design", template: "classic", accentColor: "#24477a", fontFamily: "Inter", fontSize: 10, pageSize: "A4", margins: "18mm" },
};

describe("HistoryTab", () => {
  it("lists versions newest first and marks the current one", async () => {
    render(<WithApi mocks={[revisions([3, 2, 1])]}>
      <HistoryTab cvId="cv1" currentVersion={3} getCurrentVersion={() => 3} beforeRestore={async () => undefined} onRestored={() => undefined} />
    </WithApi>);
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
    render(<WithApi mocks={[revisions([3, 2, 1]), restore]}>
      <HistoryTab cvId="cv1" currentVersion={3} getCurrentVersion={() => 3}
        beforeRestore={async () => void order.push("flushed")} onRestored={onRestored} />
    </WithApi>);
    await userEvent.click(await screen.findByRole("button", { name: "Restore version 1" }));
    expect(await screen.findByText(/Restored version 1/)).toBeInTheDocument();
    expect(order).toEqual(["flushed", "restore sent", "restored"]);
    expect(onRestored).toHaveBeenCalledWith(expect.objectContaining({ id: "cv1", version: 4 }));
    expect(screen.getByRole("button", { name: "Undo" })).toBeInTheDocument();
  });
});
