import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
// @ts-expect-error: a plain JavaScript script, run by Amplify Hosting with no build step
import { webEnv } from "../scripts/web-env.mjs";

const OUTPUTS = {
  version: "1.4",
  auth: { aws_region: "eu-west-1", user_pool_id: "eu-west-1_Abc", user_pool_client_id: "web123" },
  custom: { cvmaker: { apiUrl: "https://a1.execute-api.eu-west-1.amazonaws.com/", region: "eu-west-1", tokenUrl: "https://x" } },
};

describe("the web app's build settings", () => {
  it("come from amplify_outputs.json: Cognito sign-in, the pool, the web client and the API", () => {
    assert.deepEqual(webEnv(OUTPUTS), {
      VITE_AUTH_MODE: "cognito",
      VITE_COGNITO_USER_POOL_ID: "eu-west-1_Abc",
      VITE_COGNITO_CLIENT_ID: "web123",
      VITE_API_URL: "https://a1.execute-api.eu-west-1.amazonaws.com",
    });
  });

  it("refuse outputs without the API or the pool, rather than build a web app that cannot sign in", () => {
    assert.throws(() => webEnv({ ...OUTPUTS, custom: {} }), /custom\.cvmaker\.apiUrl/);
    assert.throws(() => webEnv({ ...OUTPUTS, auth: {} }), /user_pool_id/);
  });

  it("are written as a dotenv file by the script", () => {
    const folder = mkdtempSync(join(tmpdir(), "web-env-"));
    writeFileSync(join(folder, "outputs.json"), JSON.stringify(OUTPUTS));
    execFileSync("node", ["scripts/web-env.mjs", join(folder, "outputs.json"), join(folder, ".env")]);
    assert.match(readFileSync(join(folder, ".env"), "utf8"), /^VITE_AUTH_MODE=cognito\nVITE_COGNITO_USER_POOL_ID=eu-west-1_Abc\n/);
  });
});
