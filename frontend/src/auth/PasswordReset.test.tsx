import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import CognitoAuthGate from "./CognitoAuthGate";
import { LocalAuthClient } from "./localAuth";
import { SignInPage } from "./SignInPage";

const ACCEPTED = "If an account uses this email, a reset code is on its way. It works for 15 minutes.";
const CHANGED = "Your password is changed. Sign in with the new one.";

/** A fake of the local issuer's reset endpoints: one account, one code, the server's messages and errors. */
function fakeIssuer() {
  const calls: { path: string; body: Record<string, string> }[] = [];
  const fetchFn = (async (url: string, init?: RequestInit) => {
    const path = new URL(url, "http://x").pathname;
    const body = JSON.parse(String(init?.body ?? "{}")) as Record<string, string>;
    calls.push({ path, body });
    const answer = (status: number, payload: object) => new Response(JSON.stringify(payload), { status });
    if (path === "/auth/password-reset") return answer(202, { message: ACCEPTED });
    if (path === "/auth/password-reset/confirm") {
      if (body.code !== "ABCD-EFGH-JKMN") {
        return answer(400, { error: "INVALID_CODE", message: "The code is wrong or has expired. Ask for a new one." });
      }
      return answer(200, { message: CHANGED });
    }
    return answer(401, { error: "BAD_CREDENTIALS", message: "Wrong email or password." });
  }) as typeof fetch;
  return { calls, client: new LocalAuthClient("", window.localStorage, fetchFn) };
}

describe("Forgot password? on the local sign-in page", () => {
  it("asks for a code, takes the code and a new password, and returns to sign-in with the email kept", async () => {
    const user = userEvent.setup();
    const { calls, client } = fakeIssuer();
    render(<SignInPage client={client} />);

    await user.type(screen.getByLabelText("Email"), "ada@example.org");
    await user.click(screen.getByRole("button", { name: "Forgot password?" }));
    const asking = screen.getByRole("heading", { name: "Reset your password" });
    expect(asking).toHaveFocus();
    expect(screen.getByLabelText("Email")).toHaveValue("ada@example.org");
    await user.click(screen.getByRole("button", { name: "Send reset code" }));

    expect(await screen.findByRole("heading", { name: "Enter your reset code" })).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent(ACCEPTED);
    expect(calls.at(-1)).toEqual({ path: "/auth/password-reset", body: { email: "ada@example.org" } });

    await user.type(screen.getByLabelText("Reset code"), "WXYZ-WXYZ-WXYZ");
    await user.type(screen.getByLabelText(/^New password/), "a new and unusual passphrase");
    await user.click(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The code is wrong or has expired");

    await user.clear(screen.getByLabelText("Reset code"));
    await user.type(screen.getByLabelText("Reset code"), "ABCD-EFGH-JKMN");
    await user.click(screen.getByRole("button", { name: "Set new password" }));

    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(CHANGED);
    expect(screen.getByLabelText("Email")).toHaveValue("ada@example.org");
    expect(screen.getByLabelText("Password")).toHaveValue("");
    expect(calls.at(-1)).toEqual({
      path: "/auth/password-reset/confirm",
      body: { email: "ada@example.org", code: "ABCD-EFGH-JKMN", password: "a new and unusual passphrase" },
    });
  });

  it("goes back to sign-in without asking anything", async () => {
    const user = userEvent.setup();
    const { calls, client } = fakeIssuer();
    render(<SignInPage client={client} />);
    await user.click(screen.getByRole("button", { name: "Forgot password?" }));
    await user.click(screen.getByRole("button", { name: "Back to sign in" }));
    expect(screen.getByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it("is not offered while creating an account", async () => {
    const user = userEvent.setup();
    render(<SignInPage client={fakeIssuer().client} />);
    await user.click(screen.getByRole("button", { name: "Create an account" }));
    expect(screen.queryByRole("button", { name: "Forgot password?" })).not.toBeInTheDocument();
  });
});

describe("Forgot password? in the cloud shape", () => {
  it("is Amplify's own flow against the user pool: the sign-in offers it", async () => {
    const user = userEvent.setup();
    const pool = { userPoolId: "eu-west-1_TestPool1", userPoolClientId: "testclientid", region: "eu-west-1" };
    render(
      <CognitoAuthGate cognito={pool}>
        <p>Your CVs</p>
      </CognitoAuthGate>,
    );
    await user.click(await screen.findByRole("button", { name: "Forgot your password?" }));
    expect(await screen.findByRole("heading", { name: "Reset Password" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Send code" })).toBeInTheDocument();
    expect(screen.queryByText("Your CVs")).not.toBeInTheDocument();
  });
});
