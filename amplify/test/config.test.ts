import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { amplifyHostingOrigin, readDeploymentConfig } from "../config";

const IMAGE = { CVMAKER_API_IMAGE_REPOSITORY: "cvmaker-api", CVMAKER_API_IMAGE_TAG: "sha256:abc" };

describe("the deployment's settings", () => {
  it("default to a sandbox that builds its image and accepts the Vite dev server", () => {
    const config = readDeploymentConfig({}, "sandbox", "jane");
    assert.equal(config.image, null);
    assert.deepEqual(config.webOrigins, ["http://localhost:5173", "http://127.0.0.1:5173"]);
    assert.equal(config.reservedConcurrency, 10);
    assert.deepEqual(config.integrators, []);
    assert.equal(config.openAiSecretName, null);
  });

  it("take the web origin of an Amplify Hosting branch from the build's own variables", () => {
    const config = readDeploymentConfig({ AWS_APP_ID: "d1abc", AWS_BRANCH: "feature/Login", ...IMAGE }, "branch", "feature/Login");
    assert.deepEqual(config.webOrigins, ["https://feature-login.d1abc.amplifyapp.com"]);
    assert.deepEqual(config.image, { repository: "cvmaker-api", tagOrDigest: "sha256:abc" });
    assert.equal(amplifyHostingOrigin("d1abc", "main"), "https://main.d1abc.amplifyapp.com");
  });

  it("add custom domains, and refuse anything but an https origin", () => {
    const config = readDeploymentConfig({ CVMAKER_WEB_ORIGINS: "https://cv.example.com/ , https://www.cv.example.com", ...IMAGE }, "branch", "main");
    assert.deepEqual(config.webOrigins, ["https://cv.example.com", "https://www.cv.example.com"]);
    assert.throws(() => readDeploymentConfig({ CVMAKER_WEB_ORIGINS: "http://cv.example.com", ...IMAGE }, "branch", "main"), /https/);
    assert.throws(() => readDeploymentConfig({ CVMAKER_WEB_ORIGINS: "https://cv.example.com/app", ...IMAGE }, "branch", "main"), /no path/);
    assert.throws(() => readDeploymentConfig({ CVMAKER_WEB_ORIGINS: "*", ...IMAGE }, "branch", "main"), /not a URL/);
  });

  it("stop a branch deployment that has no pushed image or no web origin", () => {
    assert.throws(() => readDeploymentConfig({ AWS_APP_ID: "d1", AWS_BRANCH: "main" }, "branch", "main"), /CVMAKER_API_IMAGE_REPOSITORY/);
    assert.throws(() => readDeploymentConfig({ ...IMAGE }, "branch", "main"), /No web origin/);
    assert.throws(() => readDeploymentConfig({ CVMAKER_API_IMAGE_REPOSITORY: "cvmaker-api" }, "sandbox", "x"), /go together/);
    assert.throws(() => readDeploymentConfig({}, "production", "x"), /sandbox or branch/);
  });

  it("read integrators as names, read-only when marked so", () => {
    const config = readDeploymentConfig({ CVMAKER_INTEGRATORS: "acme, reader-co:read" }, "sandbox", "x");
    assert.deepEqual(config.integrators, [
      { name: "acme", scopes: ["read", "write"] },
      { name: "reader-co", scopes: ["read"] },
    ]);
    assert.throws(() => readDeploymentConfig({ CVMAKER_INTEGRATORS: "Acme Corp" }, "sandbox", "x"), /lower-case/);
    assert.throws(() => readDeploymentConfig({ CVMAKER_INTEGRATORS: "acme,acme:read" }, "sandbox", "x"), /twice/);
  });

  it("check the AI secrets, the Pinecone host and the concurrency cap", () => {
    const config = readDeploymentConfig(
      { CVMAKER_OPENAI_SECRET_NAME: "cvmaker/openai", CVMAKER_PINECONE_SECRET_NAME: "cvmaker/pinecone", CVMAKER_PINECONE_HOST: "https://i.svc.pinecone.io", CVMAKER_RESERVED_CONCURRENCY: "0" },
      "sandbox",
      "x",
    );
    assert.equal(config.openAiSecretName, "cvmaker/openai");
    assert.equal(config.pineconeHost, "https://i.svc.pinecone.io");
    assert.equal(config.reservedConcurrency, 0);
    assert.throws(() => readDeploymentConfig({ CVMAKER_PINECONE_SECRET_NAME: "cvmaker/pinecone" }, "sandbox", "x"), /PINECONE_HOST/);
    assert.throws(() => readDeploymentConfig({ CVMAKER_OPENAI_SECRET_NAME: "sk-has spaces" }, "sandbox", "x"), /not a secret name/);
    assert.throws(() => readDeploymentConfig({ CVMAKER_RESERVED_CONCURRENCY: "-1" }, "sandbox", "x"), /whole number/);
    assert.throws(() => readDeploymentConfig({ CVMAKER_AUTH_DOMAIN_PREFIX: "my-cognito" }, "sandbox", "x"), /domain prefix/);
  });
});
