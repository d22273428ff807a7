import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { ToastProvider } from "../../ui/Toasts";
import { ContentTab } from "./ContentTab";
import type { Draft } from "../../cv/draft";
import type { Edit } from "../../cv/edits";
import { FieldErrorsContext } from "./fields";
import { sampleDraft } from "../../cv/testDrafts";

let latest: Draft;

function Harness({ errors = {} }: { errors?: Record<string, string> }) {
  const [draft, setDraft] = useState(sampleDraft);
  latest = draft;
  const edit = (change: Edit) => setDraft((d) => change(d));
  return (
    <ToastProvider>
      <FieldErrorsContext.Provider value={errors}>
        <ContentTab draft={draft} edit={edit} />
      </FieldErrorsContext.Provider>
    </ToastProvider>
  );
}

const sectionTitles = () => screen.getAllByLabelText("Section title").map((input) => (input as HTMLInputElement).value);

describe("ContentTab", () => {
  it("edits the basics through labelled fields", async () => {
    render(<Harness />);
    const name = screen.getByLabelText("Full name");
    await userEvent.clear(name);
    await userEvent.type(name, "Grace Hopper");
    expect(latest.basics.name).toBe("Grace Hopper");
  });

  it("adds a section of the chosen kind, with an entry ready to fill", async () => {
    render(<Harness />);
    await userEvent.selectOptions(screen.getByLabelText("Add a section"), "PROJECTS");
    await userEvent.click(screen.getByRole("button", { name: "Add section" }));
    expect(sectionTitles()).toEqual(["Experience", "Skills", "Projects"]);
    expect(screen.getByLabelText("Project")).toBeInTheDocument();
  });

  it("moves a section with the keyboard-reachable arrow buttons", async () => {
    render(<Harness />);
    await userEvent.click(screen.getByRole("button", { name: "Move section Skills up" }));
    expect(sectionTitles()).toEqual(["Skills", "Experience"]);
    expect(latest.sections.map((s) => s.id)).toEqual(["ski", "exp"]);
  });

  it("removes a section and brings it back with Undo", async () => {
    render(<Harness />);
    await userEvent.click(screen.getByRole("button", { name: "Remove section Experience" }));
    expect(sectionTitles()).toEqual(["Skills"]);
    await userEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(sectionTitles()).toEqual(["Experience", "Skills"]);
    expect(latest.sections[0]!.items.map((i) => i.id)).toEqual(["e1", "e2"]);
  });

  it("keeps an entry's actions behind one menu: hide it from the CV without deleting it", async () => {
    render(<Harness />);
    await userEvent.click(screen.getByRole("button", { name: "Actions for Analyst" }));
    const menu = screen.getByRole("menu", { name: "Actions for Analyst" });
    expect(screen.getByRole("menuitem", { name: "Move up" })).toHaveFocus();
    expect(screen.getByRole("menuitem", { name: "Move down" })).toBeDisabled();
    await userEvent.click(screen.getByRole("menuitem", { name: "Hide from the CV" }));
    expect(menu).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Actions for Analyst" })).toHaveFocus();
    expect(latest.sections[0]!.items[1]).toMatchObject({ id: "e2", visible: false });
    await userEvent.click(screen.getByRole("button", { name: "Actions for Analyst" }));
    expect(screen.getByRole("menuitem", { name: "Show on the CV" })).toBeInTheDocument();
  });

  it("moves an entry to another section from its menu, by keyboard, with Undo", async () => {
    render(<Harness />);
    screen.getByRole("button", { name: "Actions for Engineer" }).focus();
    await userEvent.keyboard("{Enter}");
    await userEvent.keyboard("{ArrowDown}"); // from "Move down" ("Move up" is disabled for the first entry)
    expect(screen.getByRole("menuitem", { name: "Move to Skills" })).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    expect(latest.sections.map((s) => s.items.map((i) => i.id))).toEqual([["e2"], ["s1", "e1"]]);
    await userEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(latest.sections.map((s) => s.items.map((i) => i.id))).toEqual([["e1", "e2"], ["s1"]]);
  });

  it("closes the menu with Escape and gives the focus back", async () => {
    render(<Harness />);
    await userEvent.click(screen.getByRole("button", { name: "Actions for Engineer" }));
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Actions for Engineer" })).toHaveFocus();
  });

  it("makes each entry two Tab stops: its title and its actions", async () => {
    render(<Harness />);
    screen.getByRole("button", { name: /^Engineer/ }).focus();
    await userEvent.tab();
    expect(screen.getByRole("button", { name: "Actions for Engineer" })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole("button", { name: /^Analyst/ })).toHaveFocus();
  });

  it("shows the server's validation message beside the field", () => {
    render(<Harness errors={{ "basics.email": "must be an email address like name@example.com" }} />);
    const email = screen.getByLabelText("Email");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("Email must be an email address like name@example.com");
  });
});
