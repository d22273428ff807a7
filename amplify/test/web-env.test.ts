import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
// @ts-expect-error: a plain JavaScript script, run by Amplify Hosting with no build step
import { webConfig } from "../scripts/web-env.mjs";

const OUTPUTS = {
  version: "1.4",
  auth: { aws_region: "eu-west-1", user_pool_id: "eu-west-1_Abc", user_pool_client_id: "web123" },
  custom: { cvmaker: { apiUrl: "https://a1.execute-api.eu-west-1.amazonaws.com/", region: "eu-west-1", tokenUrl: "https://x" } },
};

const EXPECTED = {
  authMode: "cognito",
  apiUrl: "https://a1.execute-api.eu-west-1.amazonaws.com",
  cognito: { userPoolId: "eu-west-1_Abc", userPoolClientId: "web123", region: "eu-west-1" },
};

describe("the web app's run-time settings (config.json)", () => {
  it("come from amplify_outputs.json: Cognito sign-in, the pool, the web client, its region and the API", () => {
    assert.deepEqual(webConfig(OUTPUTS), EXPECTED);
  });

  it("refuse outputs without the API or the pool, rather than serve a web app that cannot sign in", () => {
    assert.throws(() => webConfig({ ...OUTPUTS, custom: {} }), /custom\.cvmaker\.apiUrl/);
    assert.throws(() => webConfig({ ...OUTPUTS, auth: {} }), /user_pool_id/);
    assert.throws(() => webConfig({ ...OUTPUTS, custom: { cvmaker: { apiUrl: "http://a1" } } }), /not https/);
  });

  it("are written as the JSON file the app fetches by the script", () => {
    const folder = mkdtempSync(join(tmpdir(), "web-env-"));
    writeFileSync(join(folder, "outputs.json"), JSON.stringify(OUTPUTS));
    execFileSync("node", ["scripts/web-env.mjs", join(folder, "outputs.json"), join(folder, "config.json")]);
    assert.deepEqual(JSON.parse(readFileSync(join(folder, "config.json"), "utf8")), EXPECTED);
  });
});
