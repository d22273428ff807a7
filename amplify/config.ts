/**
 * What one deployment varies by, read from the environment of `ampx` (a developer's shell for a sandbox, the
 * Amplify Hosting build for a branch). Pure: it reads the mapping it is given and throws on a bad value, so a
 * mistake stops the synth with a message instead of deploying something half-configured.
 */

export type BackendType = "sandbox" | "branch";

/** An integrator's machine client: `name` in the console, and the scopes its tokens may carry. */
export interface Integrator {
  name: string;
  scopes: ReadonlyArray<"read" | "write">;
}

/** An image already pushed to ECR (Amplify Hosting's build has no Docker engine to build one). */
export interface PushedImage {
  repository: string;
  tagOrDigest: string;
}

export interface DeploymentConfig {
  backendType: BackendType;
  /** The branch, or the sandbox's name: part of the token domain's prefix. */
  name: string;
  webOrigins: string[];
  /** null: build the image from the repository's Dockerfile (needs Docker where `ampx` runs). */
  image: PushedImage | null;
  openAiSecretName: string | null;
  pineconeSecretName: string | null;
  pineconeHost: string | null;
  /** Concurrent executions reserved for the API, which also caps them; 0 reserves none (and caps nothing). */
  reservedConcurrency: number;
  integrators: Integrator[];
  authDomainPrefix: string | null;
  /** Who hears of alarms and of the budget (besides the SNS topic); null for no one. */
  alarmEmail: string | null;
  /** The account's monthly cost budget in USD; 0 for none. Branches 100 by default, sandboxes none. */
  monthlyBudgetUsd: number;
  /** CloudFront with a WAF web ACL in front of the API: on for branches, off for sandboxes, unless CVMAKER_EDGE says. */
  edge: boolean;
  /** Requests per IP address in five minutes before the web ACL blocks it. */
  wafRateLimit: number;
}

type Env = Readonly<Record<string, string | undefined>>;

const SANDBOX_ORIGINS = ["http://localhost:5173", "http://127.0.0.1:5173"];
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const INTEGRATOR = /^([a-z0-9][a-z0-9-]{0,40})(:read)?$/;
const REPOSITORY = /^[a-z0-9][a-z0-9._\/-]{1,255}$/;
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function text(env: Env, name: string): string {
  return (env[name] ?? "").trim();
}

function list(env: Env, name: string): string[] {
  return text(env, name)
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

function origin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`CVMAKER_WEB_ORIGINS: ${JSON.stringify(value)} is not a URL.`);
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) {
    throw new Error(`CVMAKER_WEB_ORIGINS: ${value} must use https (http only for localhost).`);
  }
  if (url.pathname !== "/" || url.search || url.hash) {
    throw new Error(`CVMAKER_WEB_ORIGINS: ${value} must be an origin, with no path.`);
  }
  return url.origin;
}

/** Amplify Hosting serves branch `feature/x` of app `d123` at https://feature-x.d123.amplifyapp.com. */
export function amplifyHostingOrigin(appId: string, branch: string): string {
  return `https://${branch.replace(/[^A-Za-z0-9-]/g, "-").toLowerCase()}.${appId}.amplifyapp.com`;
}

function webOrigins(env: Env, backendType: BackendType): string[] {
  const given = list(env, "CVMAKER_WEB_ORIGINS").map(origin);
  const appId = text(env, "AWS_APP_ID");
  const branch = text(env, "AWS_BRANCH");
  const hosted = appId && branch ? [amplifyHostingOrigin(appId, branch)] : [];
  const origins = [...new Set([...hosted, ...given, ...(backendType === "sandbox" ? SANDBOX_ORIGINS : [])])];
  if (origins.length === 0) {
    throw new Error("No web origin: set CVMAKER_WEB_ORIGINS (or build in Amplify Hosting, which sets AWS_APP_ID and AWS_BRANCH).");
  }
  return origins;
}

function secretName(env: Env, name: string): string | null {
  const value = text(env, name);
  if (value && !SECRET_NAME.test(value)) throw new Error(`${name}: ${JSON.stringify(value)} is not a secret name.`);
  return value || null;
}

function image(env: Env, backendType: BackendType): PushedImage | null {
  const repository = text(env, "CVMAKER_API_IMAGE_REPOSITORY");
  const tagOrDigest = text(env, "CVMAKER_API_IMAGE_TAG");
  if (!repository && !tagOrDigest) {
    if (backendType === "branch") {
      throw new Error(
        "A branch deployment needs CVMAKER_API_IMAGE_REPOSITORY and CVMAKER_API_IMAGE_TAG: Amplify Hosting cannot " +
          "build container images (see docs/deploy.md, step 4).",
      );
    }
    return null;
  }
  if (!REPOSITORY.test(repository) || !tagOrDigest) {
    throw new Error("CVMAKER_API_IMAGE_REPOSITORY (an ECR repository name) and CVMAKER_API_IMAGE_TAG go together.");
  }
  return { repository, tagOrDigest };
}

function integrators(env: Env): Integrator[] {
  const seen = new Set<string>();
  return list(env, "CVMAKER_INTEGRATORS").map((entry) => {
    const match = INTEGRATOR.exec(entry);
    if (!match) {
      throw new Error(`CVMAKER_INTEGRATORS: ${JSON.stringify(entry)} must be a lower-case name, optionally ending in :read.`);
    }
    const name = match[1];
    if (seen.has(name)) throw new Error(`CVMAKER_INTEGRATORS: ${name} is listed twice.`);
    seen.add(name);
    return { name, scopes: match[2] ? ["read"] : ["read", "write"] };
  });
}

function reservedConcurrency(env: Env): number {
  const value = text(env, "CVMAKER_RESERVED_CONCURRENCY") || "10";
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 1000) {
    throw new Error(`CVMAKER_RESERVED_CONCURRENCY: ${value} must be a whole number from 0 to 1000.`);
  }
  return number;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = text(env, name) || String(fallback);
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`${name}: ${value} must be a whole number from ${min} to ${max}.`);
  }
  return number;
}

function edge(env: Env, backendType: BackendType): boolean {
  const value = text(env, "CVMAKER_EDGE").toLowerCase();
  if (value === "") return backendType === "branch";
  if (value !== "on" && value !== "off") throw new Error(`CVMAKER_EDGE: ${value} must be on or off.`);
  return value === "on";
}

function alarmEmail(env: Env): string | null {
  const value = text(env, "CVMAKER_ALARM_EMAIL");
  if (value && !EMAIL.test(value)) throw new Error(`CVMAKER_ALARM_EMAIL: ${JSON.stringify(value)} is not an email address.`);
  return value || null;
}

export function readDeploymentConfig(env: Env, backendType: string | undefined, name: string | undefined): DeploymentConfig {
  if (backendType !== "sandbox" && backendType !== "branch") {
    throw new Error(`amplify-backend-type must be sandbox or branch, not ${JSON.stringify(backendType)}.`);
  }
  const pineconeSecretName = secretName(env, "CVMAKER_PINECONE_SECRET_NAME");
  const pineconeHost = text(env, "CVMAKER_PINECONE_HOST") || null;
  if (pineconeSecretName && !pineconeHost?.startsWith("https://")) {
    throw new Error("CVMAKER_PINECONE_SECRET_NAME needs CVMAKER_PINECONE_HOST, the index's https:// host.");
  }
  const authDomainPrefix = text(env, "CVMAKER_AUTH_DOMAIN_PREFIX") || null;
  if (authDomainPrefix && (!DOMAIN_PREFIX.test(authDomainPrefix) || /aws|amazon|cognito/.test(authDomainPrefix))) {
    throw new Error(`CVMAKER_AUTH_DOMAIN_PREFIX: ${authDomainPrefix} is not a valid Cognito domain prefix.`);
  }
  return {
    backendType,
    name: (name ?? "").trim() || "sandbox",
    webOrigins: webOrigins(env, backendType),
    image: image(env, backendType),
    openAiSecretName: secretName(env, "CVMAKER_OPENAI_SECRET_NAME"),
    pineconeSecretName,
    pineconeHost: pineconeSecretName ? pineconeHost : null,
    reservedConcurrency: reservedConcurrency(env),
    integrators: integrators(env),
    authDomainPrefix,
    alarmEmail: alarmEmail(env),
    monthlyBudgetUsd: wholeNumber(env, "CVMAKER_MONTHLY_BUDGET_USD", backendType === "branch" ? 100 : 0, 0, 1_000_000),
    edge: edge(env, backendType),
    // WAF's rate-based rules count from 10 requests per window.
    wafRateLimit: wholeNumber(env, "CVMAKER_WAF_RATE_LIMIT", 2000, 10, 2_000_000_000),
  };
}
