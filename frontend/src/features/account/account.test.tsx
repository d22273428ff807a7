import type { MockLink } from "@apollo/client/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { WithApi } from "../../test/apollo";
import { saveUrl } from "../../ui/download";
import type { Proof } from "./DeleteAccountDialog";
import { DeleteAccountSection } from "./DeleteAccountSection";
import { ExportSection } from "./ExportSection";
import { DeleteMyAccountMutation, ExportMyDataMutation } from "./operations";

vi.mock("../../ui/download", () => ({ saveUrl: vi.fn() }));

const EMAIL = "ada@example.org";

function renderExport(mocks: MockLink.MockedResponse[]) {
  render(
    <WithApi mocks={mocks}>
      <ExportSection />
    </WithApi>,
  );
}

function renderDelete(mocks: MockLink.MockedResponse[], asks: Proof = "password") {
  const onDeleted = vi.fn();
  render(
    <WithApi mocks={mocks}>
      <DeleteAccountSection asks={asks} email={EMAIL} onDeleted={onDeleted} />
    </WithApi>,
  );
  return onDeleted;
}

const exported = {
  request: { query: ExportMyDataMutation },
  delay: 30,
  result: {
    data: {
      exportMyData: {
        __typename: "DataExport",
        url: "/files/users/u1/exports/cvmaker-export.zip?sig=abc",
        filename: "cvmaker-export-2026-12-03.zip",
        bytes: 20480,
        expiresAt: "2026-12-03T13:00:00Z",
        counts: { __typename: "ExportCounts", cvs: 2, revisions: 5, jobs: 1, coverLetters: 0, files: 1 },
      },
    },
  },
};

const deletion = (variables: { password?: string; confirmation?: string }, deleteMyAccount: object) => ({
  request: { query: DeleteMyAccountMutation, variables },
  result: { data: { deleteMyAccount } },
});
const refused = (path: string, message: string) => ({
  __typename: "ValidationError",
  message: "Not confirmed.",
  fields: [{ __typename: "FieldError", path, message }],
});
const gone = { __typename: "DeletedAccount", identityDeleted: true };

beforeEach(() => vi.mocked(saveUrl).mockClear());

describe("Download all my data", () => {
  it("exports, shows that it is busy, then saves the zip from the returned link", async () => {
    renderExport([exported]);
    expect(screen.getByRole("heading", { level: 2, name: "Download all my data" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Download all my data" }));
    expect(screen.getByRole("button", { name: "Preparing your data…" })).toBeDisabled();
    expect(await screen.findByText(/Your download has started/)).toHaveTextContent(
      "cvmaker-export-2026-12-03.zip (20 KB) with 2 CVs, 5 saved versions, 1 job, 0 cover letters, 1 file",
    );
    expect(screen.getByText(/Your download has started/)).toHaveTextContent(/The link works until .+; download again/);
    expect(saveUrl).toHaveBeenCalledWith(
      "/files/users/u1/exports/cvmaker-export.zip?sig=abc",
      "cvmaker-export-2026-12-03.zip",
    );
    expect(screen.getByRole("button", { name: "Download all my data" })).toBeEnabled();
  });

  it("says in plain words why the export failed, and saves nothing", async () => {
    renderExport([
      {
        request: { query: ExportMyDataMutation },
        result: { errors: [{ message: "Invalid token.", extensions: { code: "UNAUTHENTICATED" } }] },
      },
      { request: { query: ExportMyDataMutation }, error: new TypeError("Failed to fetch") },
    ]);
    await userEvent.click(screen.getByRole("button", { name: "Download all my data" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Your session has ended. Sign in again");
    await userEvent.click(screen.getByRole("button", { name: "Download all my data" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("The server could not be reached."));
    expect(saveUrl).not.toHaveBeenCalled();
  });
});

describe("Delete my account", () => {
  it("asks for the password, shows a wrong one on its field, and reports the deletion", async () => {
    const onDeleted = renderDelete([
      deletion({ password: "wrong" }, refused("password", "That is not your password. Nothing was deleted.")),
      deletion({ password: "right one" }, gone),
    ]);
    const opener = screen.getByRole("button", { name: "Delete my account…" });
    await userEvent.click(opener);

    const dialog = screen.getByRole("dialog", { name: "Delete your account?" });
    expect(dialog).toHaveTextContent("for good");
    expect(dialog).toHaveTextContent("cannot be undone");
    expect(dialog).toHaveTextContent("signed out everywhere");
    const password = within(dialog).getByLabelText("Your password");
    await waitFor(() => expect(password).toHaveFocus());
    expect(password).toHaveAttribute("type", "password");

    // Empty: asked on the field, nothing sent (an unexpected request would fail the mocked link).
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete my account for good" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Enter your password");

    await userEvent.type(password, "wrong{Enter}");
    await waitFor(() => expect(password).toHaveAccessibleDescription(/That is not your password/));
    expect(password).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(password).toHaveFocus());
    expect(onDeleted).not.toHaveBeenCalled();

    await userEvent.clear(password);
    await userEvent.type(password, "right one");
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete my account for good" }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("asks for the email typed out in the cloud, where the app never sees the password", async () => {
    const onDeleted = renderDelete([deletion({ confirmation: EMAIL }, gone)], "confirmation");
    await userEvent.click(screen.getByRole("button", { name: "Delete my account…" }));
    const confirm = screen.getByLabelText("Type your email address to confirm");
    expect(confirm).toHaveAccessibleDescription(`Type ${EMAIL}`);
    expect(screen.queryByLabelText("Your password")).not.toBeInTheDocument();
    await userEvent.type(confirm, ` ${EMAIL} {Enter}`);
    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
  });

  it("switches to the email when the server says the account has no password", async () => {
    const onDeleted = renderDelete([
      deletion({ password: "anything" }, refused("confirmation", "Type your account's email address to confirm.")),
      deletion({ confirmation: EMAIL }, gone),
    ]);
    await userEvent.click(screen.getByRole("button", { name: "Delete my account…" }));
    await userEvent.type(screen.getByLabelText("Your password"), "anything{Enter}");
    const confirm = await screen.findByLabelText("Type your email address to confirm");
    expect(confirm).toHaveValue("");
    expect(confirm).toHaveAccessibleDescription(/Type your account's email address to confirm/);
    await waitFor(() => expect(confirm).toHaveFocus());
    await userEvent.type(confirm, `${EMAIL}{Enter}`);
    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
  });

  it("shows too many tries as the form's error and keeps the account", async () => {
    const onDeleted = renderDelete([
      deletion(
        { password: "guess" },
        { __typename: "LimitExceededError", message: "Too many tries. Wait a minute.", limit: "signin" },
      ),
    ]);
    await userEvent.click(screen.getByRole("button", { name: "Delete my account…" }));
    await userEvent.type(screen.getByLabelText("Your password"), "guess{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many tries. Wait a minute.");
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    expect(onDeleted).not.toHaveBeenCalled();
  });

  it("cancels without a request and gives the focus back to the button that opened it", async () => {
    renderDelete([]);
    const opener = screen.getByRole("button", { name: "Delete my account…" });
    await userEvent.click(opener);
    await waitFor(() => expect(screen.getByLabelText("Your password")).toHaveFocus());
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });
});
