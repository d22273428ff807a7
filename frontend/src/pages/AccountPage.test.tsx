import { InMemoryCache } from "@apollo/client";
import type { MockLink } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { MemoryRouter, Route, Routes } from "react-router";
import { type Auth, AuthContext } from "../auth/AuthContext";
import type { AuthMode } from "../config";
import { DeleteMyAccountMutation } from "../features/account/operations";
import possibleTypes from "../gql/possible-types";
import { ToastProvider } from "../ui/Toasts";
import { AccountPage, DELETED_MESSAGE } from "./AccountPage";

const EMAIL = "ada@example.org";

/** The page as the app shows it: at /account, signed in, with the toasts above the sign-in gate. */
function renderPage(mocks: MockLink.MockedResponse[], authMode: AuthMode) {
  const signOut = vi.fn(async () => undefined);
  const auth: Auth = { email: EMAIL, getAccessToken: async () => "t", refreshAccessToken: async () => null, signOut };
  render(
    <MockedProvider mocks={mocks} cache={new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes })}>
      <ToastProvider>
        <AuthContext.Provider value={auth}>
          <MemoryRouter initialEntries={["/account"]}>
            <Routes>
              <Route path="/account" element={<AccountPage authMode={authMode} />} />
              <Route path="/" element={<h1>Your CVs</h1>} />
            </Routes>
          </MemoryRouter>
        </AuthContext.Provider>
      </ToastProvider>
    </MockedProvider>,
  );
  return signOut;
}

const deleted = (variables: { password?: string; confirmation?: string }) => ({
  request: { query: DeleteMyAccountMutation, variables },
  result: { data: { deleteMyAccount: { __typename: "DeletedAccount", identityDeleted: true } } },
});

describe("AccountPage", () => {
  it("has the page's heading, both sections and the signed-in email", () => {
    renderPage([], "local");
    expect(screen.getByRole("heading", { level: 1, name: "Your account" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Download all my data" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Delete my account" })).toBeInTheDocument();
    expect(screen.getByText(`Signed in as ${EMAIL}`)).toBeInTheDocument();
    expect(document.title).toBe("Your account · CV Maker");
  });

  it("on the embedded default asks for the password, then signs out with a message", async () => {
    const signOut = renderPage([deleted({ password: "secret words" })], "local");
    await userEvent.click(screen.getByRole("button", { name: "Delete my account…" }));
    await userEvent.type(screen.getByLabelText("Your password"), "secret words{Enter}");
    await waitFor(() => expect(signOut).toHaveBeenCalledTimes(1));
    // The router moves on in a transition, after the sign-out has begun.
    expect(await screen.findByRole("heading", { name: "Your CVs" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(DELETED_MESSAGE);
  });

  it("with Cognito asks for the email typed out instead", async () => {
    const signOut = renderPage([deleted({ confirmation: EMAIL })], "cognito");
    await userEvent.click(screen.getByRole("button", { name: "Delete my account…" }));
    expect(screen.queryByLabelText("Your password")).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Type your email address to confirm"), `${EMAIL}{Enter}`);
    await waitFor(() => expect(signOut).toHaveBeenCalledTimes(1));
  });
});
