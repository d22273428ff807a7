import type { MockLink } from "@apollo/client/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
import { WithApi } from "../../test/apollo";
import { dailyRows, expiryFrom } from "./counts";
import {
  CreateShareLinkMutation,
  RevokeShareLinkMutation,
  ShareLinksQuery,
  UpdateShareLinkMutation,
} from "./operations";
import { ShareButton } from "./ShareButton";

vi.mock("../../ui/idempotency", () => ({ newIdempotencyKey: () => "key-1" }));

const URL_1 = "https://cv.example/s/AbCdEfGhIjKlMnOpQrStUvWxYz012345";
const link = (fields: object = {}) => ({
  __typename: "ShareLink",
  id: "L1",
  url: URL_1,
  hasPassword: true,
  expiresAt: null,
  showContacts: false,
  revoked: false,
  active: true,
  createdAt: "2026-12-03T09:00:00Z",
  totalViews: 3,
  totalDownloads: 1,
  views: [
    { __typename: "DailyCount", day: "2026-12-02", count: 1 },
    { __typename: "DailyCount", day: "2026-12-03", count: 2 },
  ],
  downloads: [{ __typename: "DailyCount", day: "2026-12-03", count: 1 }],
  ...fields,
});
const listed = (links: object[]) => ({
  request: { query: ShareLinksQuery, variables: { cvId: "cv1" } },
  result: { data: { shareLinks: links } },
});

function renderButton(mocks: MockLink.MockedResponse[]) {
  render(
    <WithApi mocks={mocks}>
      <ShareButton target={{ cvId: "cv1" }} />
    </WithApi>,
  );
}

describe("Share dialog", () => {
  it("makes a link with a password, lists it with its counts, and copies it with visible feedback", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const created = {
      request: {
        query: CreateShareLinkMutation,
        variables: {
          input: { cvId: "cv1", password: "open sesame", expiresAt: null, showContacts: false },
          idempotencyKey: "key-1",
        },
      },
      result: { data: { createShareLink: { __typename: "ShareLink", id: "L1", url: URL_1 } } },
    };
    renderButton([listed([]), created, listed([link()])]);
    await userEvent.click(screen.getByRole("button", { name: "Share" }));
    const dialog = await screen.findByRole("dialog", { name: "Share this CV" });
    expect(await within(dialog).findByText("No links yet.")).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText("Password (optional)"), "open sesame");
    await userEvent.click(within(dialog).getByRole("button", { name: "Create link" }));
    expect(await within(dialog).findByDisplayValue(URL_1)).toBeInTheDocument();
    expect(within(dialog).getByText("3 views · 1 download")).toBeInTheDocument();
    expect(within(dialog).getByText(/Active · password/)).toBeInTheDocument();
    const today = within(dialog).getByRole("row", { name: "2026-12-03 2 1" });
    expect(today).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole("button", { name: "Copy link" }));
    expect(writeText).toHaveBeenCalledWith(URL_1);
    expect(within(dialog).getByRole("button", { name: "Copied" })).toBeInTheDocument();
    expect(within(dialog).getByText("Link copied to the clipboard.")).toBeInTheDocument();
    const results = await axe.run(dialog);
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it("shows the server's word on a bad password on the field", async () => {
    const refused = {
      request: {
        query: CreateShareLinkMutation,
        variables: {
          input: { cvId: "cv1", password: "abc", expiresAt: null, showContacts: true },
          idempotencyKey: "key-1",
        },
      },
      result: {
        data: {
          createShareLink: {
            __typename: "ValidationError",
            message: "A password needs at least 4 characters.",
            fields: [
              { __typename: "FieldError", path: "input.password", message: "A password needs at least 4 characters." },
            ],
          },
        },
      },
    };
    renderButton([listed([]), refused]);
    await userEvent.click(screen.getByRole("button", { name: "Share" }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.type(within(dialog).getByLabelText("Password (optional)"), "abc");
    await userEvent.click(within(dialog).getByRole("checkbox", { name: /Show my email/ }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Create link" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("A password needs at least 4 characters.");
    expect(within(dialog).getByLabelText("Password (optional)")).toHaveAttribute("aria-invalid", "true");
  });

  it("revokes a link, and gives the focus back to the Share button when it closes", async () => {
    const revoked = {
      request: { query: RevokeShareLinkMutation, variables: { id: "L1" } },
      result: { data: { revokeShareLink: { __typename: "ShareLink", id: "L1", revoked: true, active: false } } },
    };
    renderButton([listed([link()]), revoked, listed([link({ revoked: true, active: false })])]);
    const share = screen.getByRole("button", { name: "Share" });
    await userEvent.click(share);
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(await within(dialog).findByRole("button", { name: /Revoke the link/ }));
    expect(await within(dialog).findByText(/^Revoked/)).toBeInTheDocument();
    expect(within(dialog).queryByRole("button", { name: "Copy link" })).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(share).toHaveFocus());
  });
});

describe("Changing a link", () => {
  it("removes its password and shows its contacts", async () => {
    const changed = (input: object, fields: object) => ({
      request: { query: UpdateShareLinkMutation, variables: { id: "L1", input } },
      result: { data: { updateShareLink: { __typename: "ShareLink", id: "L1", ...fields } } },
    });
    renderButton([
      listed([link()]),
      changed({ password: null }, { hasPassword: false, showContacts: false }),
      listed([link({ hasPassword: false })]),
      changed({ showContacts: true }, { hasPassword: false, showContacts: true }),
      listed([link({ hasPassword: false, showContacts: true })]),
    ]);
    await userEvent.click(screen.getByRole("button", { name: "Share" }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(await within(dialog).findByRole("button", { name: "Remove password" }));
    await waitFor(() =>
      expect(within(dialog).queryByRole("button", { name: "Remove password" })).not.toBeInTheDocument(),
    );
    const contacts = within(dialog).getByRole("button", { name: "Show contacts" });
    expect(contacts).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(contacts);
    // The list refetched after the first change may land after the second change's answer; the state to
    // check is the one the last refetch leaves, so both facts are awaited together.
    await waitFor(() => {
      expect(within(dialog).getByRole("button", { name: "Show contacts" })).toHaveAttribute("aria-pressed", "true");
      expect(within(dialog).getByText(/contacts shown/)).toBeInTheDocument();
    });
  });
});

describe("Sharing a letter", () => {
  it("asks for the letter's links and names the letter", async () => {
    const letterLinks = {
      request: { query: ShareLinksQuery, variables: { letterId: "letter1" } },
      result: { data: { shareLinks: [link({ hasPassword: false, totalViews: 1, totalDownloads: 0 })] } },
    };
    render(
      <WithApi mocks={[letterLinks]}>
        <ShareButton target={{ letterId: "letter1" }} />
      </WithApi>,
    );
    // Beside the editor's own Share button, a letter's is named for what it shares.
    await userEvent.click(screen.getByRole("button", { name: "Share this letter" }));
    const dialog = await screen.findByRole("dialog", { name: "Share this letter" });
    expect(await within(dialog).findByText("1 view · 0 downloads")).toBeInTheDocument();
    expect(within(dialog).getByText("Active")).toBeInTheDocument();
  });
});

describe("counts", () => {
  it("merges views and downloads into one row per day, newest first", () => {
    expect(dailyRows([{ day: "2026-12-01", count: 2 }], [{ day: "2026-12-03", count: 1 }])).toEqual([
      { day: "2026-12-03", views: 0, downloads: 1 },
      { day: "2026-12-01", views: 2, downloads: 0 },
    ]);
  });

  it("turns an expiry choice into an instant", () => {
    expect(expiryFrom(null)).toBeNull();
    expect(expiryFrom(7, new Date("2026-12-03T00:00:00Z"))).toBe("2026-12-10T00:00:00.000Z");
  });
});
