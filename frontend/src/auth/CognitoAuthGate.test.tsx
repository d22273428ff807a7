import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import CognitoAuthGate from "./CognitoAuthGate";

describe("CognitoAuthGate (cloud shape)", () => {
  it("shows Amplify's sign-in for the configured user pool, and nothing of the app before sign-in", async () => {
    render(
      <CognitoAuthGate cognito={{ userPoolId: "eu-west-1_TestPool1", userPoolClientId: "testclientid" }}>
        <p>Your CVs</p>
      </CognitoAuthGate>,
    );
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toBeInTheDocument();
    expect(screen.getByLabelText("Password")).toBeInTheDocument();
    expect(screen.queryByText("Your CVs")).not.toBeInTheDocument();
  });
});
