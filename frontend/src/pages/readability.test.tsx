import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DownloadMenu } from "../features/export/DownloadMenu";
import { ReadabilityReportQuery } from "../features/readability/operations";
import { ReadabilityDialog } from "../features/readability/ReadabilityDialog";
import { WithApi } from "../test/apollo";

const report = {
  request: { query: ReadabilityReportQuery, variables: { cvId: "cv-1", format: "PDF" } },
  result: {
    data: {
      readabilityReport: {
        __typename: "ReadabilityReport",
        score: 98,
        format: "PDF",
        template: "classic",
        summary: "1 of 1 fields read as written, 0 mangled, 0 lost.",
        advice: ["Every field was read as written: a parser reads this file the way you wrote it."],
        fields: [
          {
            __typename: "ReadabilityField",
            path: "basics.name",
            label: "Name",
            status: "READ",
            expected: "Ada",
            read: "Ada",
          },
        ],
      },
    },
  },
};

describe("The Download menu's parser check (as the editor page puts it together)", () => {
  it("saves first, opens from the menu and gives the focus back to the Download button", async () => {
    const beforeDownload = vi.fn(async () => undefined);
    render(
      <WithApi mocks={[report]}>
        <DownloadMenu cvId="cv-1" title="Ada" beforeDownload={beforeDownload} parserCheck={ReadabilityDialog} />
      </WithApi>,
    );
    const opener = screen.getByRole("button", { name: "Download" });
    await userEvent.click(opener);
    await userEvent.click(screen.getByRole("button", { name: /What a parser reads/ }));
    expect(beforeDownload).toHaveBeenCalled();
    expect(await screen.findByRole("heading", { name: "Readability 98 of 100" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("heading", { name: "What a parser reads" })).not.toBeInTheDocument();
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it("is not offered when the page gives no check", async () => {
    render(
      <WithApi mocks={[]}>
        <DownloadMenu cvId="cv-1" title="Ada" beforeDownload={async () => undefined} />
      </WithApi>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Download" }));
    expect(screen.queryByRole("button", { name: /What a parser reads/ })).not.toBeInTheDocument();
  });
});
