import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { ImportReview } from "./ImportReview";
import type { ImportRead, ImportWarning } from "./report";

const read: ImportRead = {
  fileName: "maria.pdf",
  fileKind: "PDF",
  name: "María González",
  headline: "Senior Data Engineer",
  contact: [
    { label: "Email", value: "maria@example.org" },
    { label: "GitHub", value: "https://github.com/mgonzalez" },
  ],
  summary: true,
  sections: [
    { title: "Experience", entries: 3, firstEntries: ["Senior Data Engineer", "Data Engineer", "Intern"] },
    { title: "Education", entries: 1, firstEntries: ["MSc Computer Science"] },
  ],
};

const warnings: ImportWarning[] = [
  { message: "Left out sections.0.items.1.endDate: is before the start date", text: "2015" },
  { message: "Repeated on every page; left out", text: "Page 1 of 3" },
  { message: "No name was found at the top of the CV", text: null },
];

function renderReview(props: Partial<Parameters<typeof ImportReview>[0]> = {}, state: unknown = null) {
  const handlers = { onDone: vi.fn(), onDiscard: vi.fn() };
  render(
    <MemoryRouter initialEntries={[{ pathname: "/cv/cv1", state }]}>
      <ImportReview warnings={warnings} highlighted={1} {...handlers} {...props} />
    </MemoryRouter>,
  );
  return handlers;
}

describe("ImportReview", () => {
  it("shows the name, headline and contact details read, and each section with its entries", () => {
    renderReview({ read });
    const summary = screen.getByRole("heading", { name: /What we read from maria\.pdf/ }).parentElement!;
    expect(within(summary).getByText("Name").nextElementSibling).toHaveTextContent("María González");
    expect(within(summary).getByText("Headline").nextElementSibling).toHaveTextContent("Senior Data Engineer");
    expect(within(summary).getByText("GitHub").nextElementSibling).toHaveTextContent("https://github.com/mgonzalez");
    expect(within(summary).getByRole("heading", { name: "2 sections" })).toBeInTheDocument();
    const sections = within(summary).getAllByRole("listitem");
    expect(sections[0]).toHaveTextContent("Experience 3 entries: Senior Data Engineer, Data Engineer, Intern");
    expect(sections[1]).toHaveTextContent("Education 1 entry: MSc Computer Science");
  });

  it("says plainly what it did not find", () => {
    renderReview({ read: { ...read, name: "", headline: null, contact: [], sections: [] } });
    expect(screen.getByText("Name").nextElementSibling).toHaveTextContent("Not found");
    expect(screen.getByText("Contact").nextElementSibling).toHaveTextContent("None found");
    expect(screen.getByText("No sections were found.")).toBeInTheDocument();
  });

  it("takes what was read from the navigation that opened the new CV", () => {
    renderReview({}, { importReport: { warnings, sources: [], read } });
    expect(screen.getByRole("heading", { name: /What we read from maria\.pdf/ })).toBeInTheDocument();
  });

  it("lists the warnings grouped by part of the CV, each with its field, message and path", () => {
    renderReview({ read });
    expect(screen.getByRole("heading", { name: "2 things to check" })).toBeInTheDocument();
    const experience = screen.getByRole("heading", { name: "Experience", level: 4 }).parentElement!;
    const warning = within(experience).getByRole("listitem");
    expect(warning).toHaveTextContent("entry 2 › end date: is before the start date (left out)");
    expect(warning).toHaveTextContent("sections.0.items.1.endDate");
    expect(within(warning).getByRole("button", { name: "Copy “2015”" })).toBeInTheDocument();
    const notes = screen.getByRole("heading", { name: "Other notes" }).parentElement!;
    expect(notes).toHaveTextContent("No name was found at the top of the CV");
    const unplaced = screen.getByRole("heading", { name: "Text we could not place" }).parentElement!;
    expect(unplaced).toHaveTextContent("Page 1 of 3");
  });

  it("copies text that found no place", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderReview({ read });
    await userEvent.click(screen.getByRole("button", { name: "Copy “Page 1 of 3”" }));
    expect(writeText).toHaveBeenCalledWith("Page 1 of 3");
    expect(screen.getByRole("button", { name: "Copy “Page 1 of 3”" })).toHaveTextContent("Copied");
    expect(screen.getByText("Copied to the clipboard")).toBeInTheDocument();
  });

  it("says when the browser refused to copy", async () => {
    const writeText = vi.fn(async () => {
      throw new Error("denied");
    });
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderReview({ read });
    await userEvent.click(screen.getByRole("button", { name: "Copy “Page 1 of 3”" }));
    expect(await screen.findByText("Could not copy: select the text instead")).toBeInTheDocument();
  });

  it("moves the focus to its heading when it opens", async () => {
    renderReview({ read });
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Check your imported CV" })),
    );
  });

  it("says so when everything found a place, and hands over on “Looks good”", async () => {
    const { onDone, onDiscard } = renderReview({ warnings: [], highlighted: 0, read });
    expect(screen.getByText(/Everything in the file found a place/)).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /to check/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Looks good" }));
    expect(onDone).toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Discard this import" }));
    expect(onDiscard).toHaveBeenCalled();
  });
});
