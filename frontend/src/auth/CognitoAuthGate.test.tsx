import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import CognitoAuthGate, { amplifyAuthConfig } from "./CognitoAuthGate";

const pool = { userPoolId: "eu-west-1_TestPool1", userPoolClientId: "testclientid", region: "eu-west-1" };

describe("CognitoAuthGate (cloud shape)", () => {
  it("shows Amplify's sign-in for the configured user pool, and nothing of the app before sign-in", async () => {
    render(
      <CognitoAuthGate cognito={pool}>
        <p>Your CVs</p>
      </CognitoAuthGate>,
    );
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toBeInTheDocument();
    expect(screen.getByLabelText("Password")).toBeInTheDocument();
    expect(screen.queryByText("Your CVs")).not.toBeInTheDocument();
  });

  it("points Amplify at an emulator's endpoint only when the settings name one", () => {
    expect(amplifyAuthConfig(pool).Auth.Cognito).toEqual({
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.userPoolClientId,
    });
    expect(amplifyAuthConfig({ ...pool, userPoolEndpoint: "http://127.0.0.1:5000" }).Auth.Cognito).toEqual({
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.userPoolClientId,
      userPoolEndpoint: "http://127.0.0.1:5000",
    });
  });
});
