import type { MockLink } from "@apollo/client/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { WithApi } from "../../test/apollo";
import { ReadabilityReportQuery } from "./operations";
import { ReadabilityDialog } from "./ReadabilityDialog";

const field = (path: string, label: string, status: string, expected: string, read: string | null) => ({
  __typename: "ReadabilityField",
  path,
  label,
  status,
  expected,
  read,
});

const answer = (format: "PDF" | "DOCX", readabilityReport: object) => ({
  request: { query: ReadabilityReportQuery, variables: { cvId: "cv-1", format } },
  delay: 20,
  result: { data: { readabilityReport } },
});

const pdfReport = answer("PDF", {
  __typename: "ReadabilityReport",
  score: 72,
  format: "PDF",
  template: "modern",
  summary: "3 of 5 fields read as written, 1 mangled, 1 lost.",
  advice: [
    "The contact line was not read: a parser found none of your email.",
    "Dates were read as “2021” for “2021-01” (1 date in all): write each date as a month and a year.",
  ],
  fields: [
    field("basics.name", "Name", "READ", "Ada Lovelace", "Ada Lovelace"),
    field("basics.email", "Email", "LOST", "ada@example.com", null),
    field("sections.0.items.0.startDate", "Experience › Engineer: start date", "MANGLED", "2021-01", "2021"),
    field("sections.0.title", "Section heading “Experience”", "READ", "Experience", "Experience"),
    field("sections.1", "Skills", "READ", "SQL, Python", "SQL, Python"),
  ],
});

const docxReport = answer("DOCX", {
  __typename: "ReadabilityReport",
  score: 100,
  format: "DOCX",
  template: "modern",
  summary: "1 of 1 fields read as written, 0 mangled, 0 lost.",
  advice: ["Every field was read as written: a parser reads this file the way you wrote it."],
  fields: [field("basics.name", "Name", "READ", "Ada Lovelace", "Ada Lovelace")],
});

function open(mocks: MockLink.MockedResponse[]) {
  const onClose = vi.fn();
  const onDownload = vi.fn();
  render(
    <WithApi mocks={mocks}>
      <ReadabilityDialog cvId="cv-1" initialFormat="PDF" onClose={onClose} onDownload={onDownload} />
    </WithApi>,
  );
  return { onClose, onDownload };
}

describe("What a parser reads", () => {
  it("shows the score, the advice and every field, with both values of a mangled one", async () => {
    open([pdfReport]);
    expect(screen.getByRole("heading", { level: 2, name: "What a parser reads" })).toBeInTheDocument();
    expect(screen.getByText("Reading the PDF back…")).toBeInTheDocument();
    const heading = await screen.findByRole("heading", { name: "Readability 72 of 100" });
    expect(heading).toHaveFocus();
    expect(screen.getByText("3 of 5 fields read as written, 1 mangled, 1 lost.")).toBeInTheDocument();
    expect(screen.getByText(/The contact line was not read/)).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Field by field" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(6); // the header and five fields
    const email = within(table).getByRole("row", { name: /Email/ });
    expect(email).toHaveTextContent("Lost");
    expect(email).toHaveTextContent("Nothing (you wrote: ada@example.com)");
    const date = within(table).getByRole("row", { name: /start date/ });
    expect(date).toHaveTextContent("Mangled");
    expect(date).toHaveTextContent("2021");
    expect(date).toHaveTextContent("You wrote: 2021-01");
    expect(within(table).getByRole("row", { name: /^Name/ })).toHaveTextContent("ReadAda Lovelace");
  });

  it("reads the Word file when it is chosen, and downloads the chosen file", async () => {
    const { onDownload, onClose } = open([pdfReport, docxReport]);
    await screen.findByRole("heading", { name: "Readability 72 of 100" });
    await userEvent.click(screen.getByRole("radio", { name: "Word (DOCX)" }));
    expect(await screen.findByRole("heading", { name: "Readability 100 of 100" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Word (DOCX)" })).toHaveFocus();
    expect(screen.getByText(/Every field was read as written/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Download Word (DOCX)" }));
    expect(onDownload).toHaveBeenCalledWith("DOCX");
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(onClose).toHaveBeenCalled();
  });

  it("says why when the report is refused", async () => {
    open([
      answer("PDF", {
        __typename: "QuotaExceededError",
        message: "You have reached the limit of 20 imports per minute. Try again in 30 seconds.",
        retryAfter: 30,
      }),
    ]);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The file could not be read back.");
    expect(alert).toHaveTextContent("You have reached the limit of 20 imports per minute.");
  });
});
