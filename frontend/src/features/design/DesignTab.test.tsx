import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { WithApi } from "../../test/apollo";
import type { Draft } from "../../cv/draft";
import type { Edit } from "../../cv/edits";
import { sampleDraft } from "../../cv/testDrafts";
import { DesignTab, TemplatesQuery } from "./DesignTab";

const templates = {
  request: { query: TemplatesQuery },
  result: {
    data: {
      templates: [
        {
          __typename: "Template",
          name: "classic",
          title: "Classic",
          description: "One column.",
          thumbnailUrl: "/templates/classic/thumbnail.png",
        },
        { __typename: "Template", name: "modern", title: "Modern", description: "A sidebar.", thumbnailUrl: null },
      ],
    },
  },
};

let latest: Draft;
function Harness() {
  const [draft, setDraft] = useState(sampleDraft);
  latest = draft;
  return <DesignTab design={draft.design} edit={(change: Edit) => setDraft((d) => change(d))} />;
}

describe("DesignTab", () => {
  it("shows the template gallery with the current one pressed, and switches template", async () => {
    render(
      <WithApi mocks={[templates]}>
        <Harness />
      </WithApi>,
    );
    const classic = await screen.findByRole("button", { name: "Classic" });
    expect(classic).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(screen.getByRole("button", { name: "Modern" }));
    expect(latest.design.template).toBe("modern");
    expect(screen.getByRole("button", { name: "Modern" })).toHaveAttribute("aria-pressed", "true");
  });

  it("changes accent colour, font, page size and margins", async () => {
    render(
      <WithApi mocks={[templates]}>
        <Harness />
      </WithApi>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Accent colour #7a2e52" }));
    await userEvent.selectOptions(screen.getByLabelText("Font"), "EB Garamond");
    await userEvent.click(screen.getByLabelText("US Letter"));
    await userEvent.selectOptions(screen.getByLabelText("Margins"), "25mm");
    expect(latest.design).toMatchObject({
      accentColor: "#7a2e52",
      fontFamily: "EB Garamond",
      pageSize: "LETTER",
      margins: "25mm",
    });
  });

  it("shows the template's own spacing and headings for a design saved before these options existed", async () => {
    render(
      <WithApi mocks={[templates]}>
        <Harness />
      </WithApi>,
    );
    expect(screen.getByRole("radio", { name: "Template's own" })).toBeChecked();
    expect(
      within(screen.getByRole("group", { name: "Line height" })).getByRole("radio", { name: "Standard" }),
    ).toBeChecked();
    expect(
      within(screen.getByRole("group", { name: "Space between sections" })).getByRole("radio", { name: "Standard" }),
    ).toBeChecked();
  });

  it("sets line height, section spacing and heading style to allow-listed values", async () => {
    render(
      <WithApi mocks={[templates]}>
        <Harness />
      </WithApi>,
    );
    await userEvent.click(screen.getByRole("radio", { name: "Relaxed" }));
    await userEvent.click(screen.getByRole("radio", { name: "Spacious" }));
    await userEvent.click(screen.getByRole("radio", { name: "On a band" }));
    expect(latest.design).toMatchObject({ lineHeight: "RELAXED", sectionSpacing: "SPACIOUS", headingStyle: "BAND" });
    expect(screen.getByRole("radio", { name: "On a band" })).toBeChecked();
    // Keyboard: arrows move within a group, as in any radio group.
    screen.getByRole("radio", { name: "Tight" }).focus();
    await userEvent.keyboard("{ArrowRight}");
    expect(latest.design).toMatchObject({ lineHeight: "NORMAL" });
  });

  it("says so in words when the templates cannot be loaded", async () => {
    render(
      <WithApi mocks={[{ request: { query: TemplatesQuery }, error: new TypeError("Failed to fetch") }]}>
        <Harness />
      </WithApi>,
    );
    expect(await screen.findByRole("alert")).toHaveTextContent("The templates could not be loaded.");
  });
});
