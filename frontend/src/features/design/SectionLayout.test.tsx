import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { type Draft, draftToInput } from "../../cv/draft";
import type { Edit } from "../../cv/edits";
import { sampleDraft } from "../../cv/testDrafts";
import { WithApi } from "../../test/apollo";
import { SectionLayout, SectionLayoutTemplatesQuery, withLayout } from "./SectionLayout";

const templates = {
  request: { query: SectionLayoutTemplatesQuery },
  result: {
    data: {
      templates: [
        { __typename: "Template", name: "classic", title: "Classic", twoColumns: false },
        { __typename: "Template", name: "columns", title: "Two columns", twoColumns: true },
      ],
    },
  },
};

let latest: Draft;
function Harness({ template }: { template: string }) {
  const [draft, setDraft] = useState(() => {
    const d = sampleDraft();
    return { ...d, design: { ...d.design, template } };
  });
  latest = draft;
  return <SectionLayout design={draft.design} sections={draft.sections} edit={(e: Edit) => setDraft((d) => e(d))} />;
}

function show(template: string) {
  render(
    <WithApi mocks={[templates]}>
      <Harness template={template} />
    </WithApi>,
  );
}

describe("SectionLayout", () => {
  it("moves a section to the main column in a two-column template", async () => {
    show("columns");
    const skills = screen.getByRole("group", { name: "Skills" });
    const column = within(skills).getByLabelText("Column");
    await screen.findByText("Sections on the page");
    expect(column).toBeEnabled();
    await userEvent.selectOptions(column, "MAIN");
    expect(latest.design.sections).toEqual([{ sectionId: "ski", column: "MAIN" }]);
    // Back to the template's choice: no layout is kept for it.
    await userEvent.selectOptions(column, "");
    expect(latest.design.sections).toEqual([]);
  });

  it("sets a page break and keep-together, each labelled, per section", async () => {
    show("columns");
    const experience = screen.getByRole("group", { name: "Experience" });
    await userEvent.click(within(experience).getByRole("checkbox", { name: "Start on a new page" }));
    await userEvent.click(within(experience).getByRole("checkbox", { name: "Keep together" }));
    expect(latest.design.sections).toEqual([{ sectionId: "exp", pageBreakBefore: true, keepTogether: true }]);
    expect(within(experience).getByRole("checkbox", { name: "Keep together" })).toBeChecked();
    expect(
      within(screen.getByRole("group", { name: "Skills" })).getByRole("checkbox", { name: "Keep together" }),
    ).not.toBeChecked();
    // Saved as the rest of the design is: in the whole-CV input.
    expect(draftToInput(latest).design?.sections).toEqual([
      { sectionId: "exp", pageBreakBefore: true, keepTogether: true },
    ]);
  });

  it("disables the column in a one-column template and says why", async () => {
    show("classic");
    const note = await screen.findByText(/Classic has one column/);
    const column = within(screen.getByRole("group", { name: "Skills" })).getByLabelText("Column");
    expect(column).toBeDisabled();
    expect(column).toHaveAttribute("aria-describedby", note.id);
    // The page controls still work there.
    const skills = screen.getByRole("group", { name: "Skills" });
    await userEvent.click(within(skills).getByRole("checkbox", { name: "Start on a new page" }));
    expect(latest.design.sections).toEqual([{ sectionId: "ski", pageBreakBefore: true }]);
  });

  it("lists only visible sections", () => {
    const draft = sampleDraft();
    draft.sections[1].visible = false;
    render(
      <WithApi mocks={[templates]}>
        <SectionLayout design={draft.design} sections={draft.sections} edit={() => {}} />
      </WithApi>,
    );
    expect(screen.getByRole("group", { name: "Experience" })).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: "Skills" })).toBeNull();
  });
});

describe("withLayout and the saved input", () => {
  it("keeps one layout per section and drops those that choose nothing", () => {
    const one = withLayout(undefined, "a", { column: "SIDE" });
    const two = withLayout(one, "a", { keepTogether: true });
    expect(two).toEqual([{ sectionId: "a", column: "SIDE", keepTogether: true }]);
    expect(withLayout(two, "a", { column: null, keepTogether: false })).toEqual([]);
  });

  it("does not send the layout of a section the draft no longer has", () => {
    const draft = sampleDraft();
    draft.design.sections = [
      { sectionId: "ski", column: "MAIN" },
      { sectionId: "gone", keepTogether: true },
    ];
    expect(draftToInput(draft).design?.sections).toEqual([{ sectionId: "ski", column: "MAIN" }]);
  });
});
