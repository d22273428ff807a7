import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { WithApi } from "../../test/apollo";
import { LetterEditor } from "./LetterEditor";
import { LetterRevisionsQuery, RestoreLetterRevisionMutation, UpdateLetterMutation } from "./operations";

const letter = {
  id: "l1",
  title: "Backend Engineer at Ledgerly",
  text: "Dear Hiring Manager,",
  version: 1,
  warnings: [] as string[],
};
const saved = (fields: Partial<typeof letter>) => ({
  __typename: "CoverLetter",
  cvId: "cv1",
  updatedAt: "2026-11-24T10:00:00",
  ...letter,
  ...fields,
});
const revisions = (versions: number[]) => ({
  request: { query: LetterRevisionsQuery, variables: { id: "l1" } },
  result: {
    data: {
      coverLetterRevisions: versions.map((revision) => ({
        __typename: "CoverLetterRevision",
        revision,
        savedAt: "2026-11-24T10:00:00",
        title: letter.title,
      })),
    },
  },
  maxUsageCount: 10,
});
const update = (text: string, version: number, result: object) => ({
  request: { query: UpdateLetterMutation, variables: { id: "l1", version, input: { title: letter.title, text } } },
  result: { data: { updateCoverLetter: result } },
});

describe("LetterEditor", () => {
  it("autosaves an edit against its version and shows the warnings beside the text", async () => {
    const text = "Dear Hiring Manager, I ran Kubernetes.";
    const warning = "the skill Kubernetes is not in your CV";
    render(
      <WithApi mocks={[revisions([1]), update(text, 1, saved({ text, version: 2, warnings: [warning] }))]}>
        <LetterEditor cvId="cv1" letter={letter} />
      </WithApi>,
    );
    await userEvent.type(screen.getByLabelText("Edit before you send it"), " I ran Kubernetes.");
    expect(screen.getByTestId("letter-save-status")).toHaveTextContent("Unsaved changes");
    await waitFor(
      () => expect(screen.getByTestId("letter-save-status")).toHaveTextContent("All changes saved, version 2"),
      {
        timeout: 3000,
      },
    );
    expect(screen.getByText(warning)).toBeInTheDocument();
  });

  it("stops at a version conflict and saves over it only when the person keeps their text", async () => {
    const text = "Dear Hiring Manager, mine.";
    render(
      <WithApi
        mocks={[
          revisions([1]),
          update(text, 1, { __typename: "VersionConflictError", message: "Changed elsewhere.", currentVersion: 3 }),
          update(text, 3, saved({ text, version: 4 })),
        ]}
      >
        <LetterEditor cvId="cv1" letter={letter} />
      </WithApi>,
    );
    await userEvent.type(screen.getByLabelText("Edit before you send it"), " mine.");
    expect(await screen.findByText("Changed elsewhere.", {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByTestId("letter-save-status")).toHaveTextContent("changed elsewhere");
    await userEvent.click(screen.getByRole("button", { name: "Keep my text" }));
    await waitFor(() =>
      expect(screen.getByTestId("letter-save-status")).toHaveTextContent("All changes saved, version 4"),
    );
  });

  it("keeps a refused edit on screen with the reason and saves the next one", async () => {
    render(
      <WithApi
        mocks={[
          revisions([1]),
          {
            request: {
              query: UpdateLetterMutation,
              variables: { id: "l1", version: 1, input: { title: "", text: letter.text } },
            },
            result: {
              data: {
                updateCoverLetter: {
                  __typename: "ValidationError",
                  message: "A letter needs a title.",
                  fields: [{ __typename: "FieldError", path: "input.title", message: "A letter needs a title." }],
                },
              },
            },
          },
          {
            request: {
              query: UpdateLetterMutation,
              variables: { id: "l1", version: 1, input: { title: "N", text: letter.text } },
            },
            result: { data: { updateCoverLetter: saved({ title: "N", version: 2 }) } },
          },
        ]}
      >
        <LetterEditor cvId="cv1" letter={letter} />
      </WithApi>,
    );
    await userEvent.clear(screen.getByLabelText("Letter title"));
    expect(await screen.findByText("A letter needs a title.", {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByLabelText("Letter title")).toHaveValue("");
    await userEvent.type(screen.getByLabelText("Letter title"), "N");
    await waitFor(
      () => expect(screen.getByTestId("letter-save-status")).toHaveTextContent("All changes saved, version 2"),
      {
        timeout: 3000,
      },
    );
  });

  it("lists revisions and restores an earlier one as the text on screen", async () => {
    const restored = saved({ text: "The first draft.", version: 3 });
    render(
      <WithApi
        mocks={[
          revisions([2, 1]),
          {
            request: { query: RestoreLetterRevisionMutation, variables: { id: "l1", revision: 1, version: 2 } },
            result: { data: { restoreCoverLetterRevision: restored } },
          },
        ]}
      >
        <LetterEditor cvId="cv1" letter={{ ...letter, version: 2 }} />
      </WithApi>,
    );
    await userEvent.click(await screen.findByRole("button", { name: "Restore version 1" }));
    await waitFor(() => expect(screen.getByLabelText("Edit before you send it")).toHaveValue("The first draft."));
    expect(screen.getByTestId("letter-save-status")).toHaveTextContent("version 3");
    expect(screen.getByLabelText("Letter title")).toHaveValue(letter.title);
  });
});
