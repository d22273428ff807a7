import { describe, expect, it } from "vitest";
import { readConfig } from "./config";

describe("readConfig", () => {
  it("defaults to the embedded shape: local sign-in on the page's own origin", () => {
    expect(readConfig({})).toEqual({ apiUrl: "", authMode: "local", cognito: null });
  });

  it("reads the Cognito user pool from settings in the cloud shape", () => {
    const config = readConfig({
      VITE_AUTH_MODE: "cognito",
      VITE_API_URL: "https://api.example.com/",
      VITE_COGNITO_USER_POOL_ID: "eu-west-1_abc",
      VITE_COGNITO_CLIENT_ID: "client123",
    });
    expect(config).toEqual({
      apiUrl: "https://api.example.com",
      authMode: "cognito",
      cognito: { userPoolId: "eu-west-1_abc", userPoolClientId: "client123" },
    });
  });

  it("refuses a cloud build without a user pool rather than guessing one", () => {
    expect(() => readConfig({ VITE_AUTH_MODE: "cognito" })).toThrow(/VITE_COGNITO_USER_POOL_ID/);
  });
});
