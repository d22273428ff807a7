import { describe, expect, it } from "vitest";
import { ConfigProblem, fetchConfig, parseConfig } from "./config";

const cloud = {
  authMode: "cognito",
  apiUrl: "https://api.example.com/",
  cognito: { userPoolId: "eu-west-1_abc", userPoolClientId: "client123", region: "eu-west-1" },
};

const answer =
  (body: string, status = 200): typeof fetch =>
  async () =>
    new Response(body, { status });

describe("parseConfig", () => {
  it("reads the embedded shape: local sign-in on the page's own origin", () => {
    expect(parseConfig({ authMode: "local", apiUrl: "", cognito: null })).toEqual({
      apiUrl: "",
      authMode: "local",
      cognito: null,
    });
  });

  it("reads the Cognito user pool and the API's origin in the cloud shape", () => {
    expect(parseConfig(cloud)).toEqual({
      apiUrl: "https://api.example.com",
      authMode: "cognito",
      cognito: { userPoolId: "eu-west-1_abc", userPoolClientId: "client123", region: "eu-west-1" },
    });
  });

  it("keeps an emulator's user pool endpoint, and takes the region from the pool id when it is not given", () => {
    const config = parseConfig({
      ...cloud,
      cognito: { userPoolId: "us-east-2_xyz", userPoolClientId: "c", userPoolEndpoint: "http://127.0.0.1:5000/" },
    });
    expect(config.cognito).toEqual({
      userPoolId: "us-east-2_xyz",
      userPoolClientId: "c",
      region: "us-east-2",
      userPoolEndpoint: "http://127.0.0.1:5000",
    });
  });

  it.each([
    [null, /not a JSON object/],
    [{ authMode: "saml" }, /authMode is "saml"/],
    [{ authMode: "cognito", apiUrl: "" }, /no cognito settings/],
    [{ ...cloud, cognito: { userPoolClientId: "c" } }, /cognito\.userPoolId is missing/],
    [{ ...cloud, cognito: { userPoolId: "eu-west-1_abc", userPoolClientId: " " } }, /userPoolClientId is empty/],
    [{ ...cloud, apiUrl: "api.example.com" }, /apiUrl is not an http\(s\) address/],
    [{ ...cloud, cognito: { ...cloud.cognito, userPoolEndpoint: 5 } }, /userPoolEndpoint is not text/],
  ])("refuses %j rather than guessing", (value, message) => {
    expect(() => parseConfig(value)).toThrow(message);
  });
});

describe("fetchConfig", () => {
  it("fetches /config.json and checks it", async () => {
    let asked = "";
    const config = await fetchConfig(async (url) => {
      asked = String(url);
      return new Response(JSON.stringify(cloud));
    });
    expect(asked).toBe("/config.json");
    expect(config.authMode).toBe("cognito");
  });

  it("says what went wrong in plain words: no answer, an error status, or not JSON", async () => {
    await expect(fetchConfig(async () => Promise.reject(new TypeError("Failed to fetch")))).rejects.toThrow(
      /could not be reached/,
    );
    await expect(fetchConfig(answer("nope", 404))).rejects.toThrow(/answered 404/);
    await expect(fetchConfig(answer("<html>"))).rejects.toThrow(ConfigProblem);
    await expect(fetchConfig(answer("<html>"))).rejects.toThrow(/not JSON/);
  });
});
