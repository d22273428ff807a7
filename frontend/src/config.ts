/**
 * Deployment settings, read at run time from `/config.json`, so one build of the web app runs against any
 * deployment: `cvmaker serve` answers it from its settings (api/web_config.py), and Amplify Hosting serves a
 * file written from `amplify_outputs.json` after the build (amplify/scripts/web-env.mjs). `npm run dev` proxies
 * it to the API it runs against.
 */

export type AuthMode = "local" | "cognito";

export interface CognitoSettings {
  userPoolId: string;
  userPoolClientId: string;
  region: string;
  /** An emulator's Cognito endpoint (tests, local cloud shape); absent for AWS itself. */
  userPoolEndpoint?: string;
}

export interface AppConfig {
  /** Origin of the API; empty means the page's own origin (the embedded default serves both). */
  apiUrl: string;
  authMode: AuthMode;
  cognito: CognitoSettings | null;
}

/** The settings could not be read, or make no sense: the app stops with this message instead of guessing. */
export class ConfigProblem extends Error {}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function text(source: Json, name: string, where: string, required: boolean): string {
  const value = source[name];
  if (value === undefined || value === null) {
    if (required) throw new ConfigProblem(`${where}.${name} is missing.`);
    return "";
  }
  if (typeof value !== "string") throw new ConfigProblem(`${where}.${name} is not text.`);
  if (required && value.trim() === "") throw new ConfigProblem(`${where}.${name} is empty.`);
  return value.trim();
}

function httpUrl(value: string, name: string): string {
  if (!/^https?:\/\/[^/\s]+/i.test(value)) throw new ConfigProblem(`${name} is not an http(s) address: ${value}`);
  return value.replace(/\/+$/, "");
}

/** The shape api/web_config.py and amplify/scripts/web-env.mjs write, checked field by field. */
export function parseConfig(value: unknown): AppConfig {
  if (!isObject(value)) throw new ConfigProblem("config.json is not a JSON object.");
  const authMode = value.authMode;
  if (authMode !== "local" && authMode !== "cognito") {
    throw new ConfigProblem(`config.json's authMode is ${JSON.stringify(authMode)}, not "local" or "cognito".`);
  }
  const rawApiUrl = text(value, "apiUrl", "config.json", false);
  const apiUrl = rawApiUrl ? httpUrl(rawApiUrl, "config.json's apiUrl") : "";
  if (authMode === "local") return { apiUrl, authMode, cognito: null };

  const source = value.cognito;
  if (!isObject(source)) throw new ConfigProblem('config.json has authMode "cognito" but no cognito settings.');
  const where = "config.json's cognito";
  const userPoolId = text(source, "userPoolId", where, true);
  const cognito: CognitoSettings = {
    userPoolId,
    userPoolClientId: text(source, "userPoolClientId", where, true),
    // A pool id starts with its region ("eu-west-1_AbC"), so an older file without `region` still works.
    region: text(source, "region", where, false) || userPoolId.split("_", 1)[0]!,
  };
  const endpoint = text(source, "userPoolEndpoint", where, false);
  if (endpoint) cognito.userPoolEndpoint = httpUrl(endpoint, `${where}.userPoolEndpoint`);
  return { apiUrl, authMode, cognito };
}

export const CONFIG_URL = `${import.meta.env.BASE_URL}config.json`;

/** Fetches and checks the settings; a network failure or a bad answer is a ConfigProblem in plain words. */
export async function fetchConfig(
  fetchFn: typeof fetch = (...a) => window.fetch(...a),
  url = CONFIG_URL,
): Promise<AppConfig> {
  let response: Response;
  try {
    response = await fetchFn(url, { cache: "no-cache", headers: { accept: "application/json" } });
  } catch {
    throw new ConfigProblem("The server could not be reached. Check your connection and try again.");
  }
  if (!response.ok) throw new ConfigProblem(`The app's settings (${url}) answered ${response.status}.`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ConfigProblem(`The app's settings (${url}) are not JSON.`);
  }
  return parseConfig(body);
}
