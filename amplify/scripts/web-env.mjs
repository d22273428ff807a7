#!/usr/bin/env node
/**
 * amplify_outputs.json -> the web app's build settings (frontend/src/config.ts reads VITE_* at build time).
 * Amplify Hosting runs it between the backend's deploy and the web app's build, so the build that is hosted
 * always points at the backend deployed with it.
 *   node amplify/scripts/web-env.mjs amplify_outputs.json frontend/.env.production.local
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** @param {any} outputs the parsed amplify_outputs.json @returns {Record<string, string>} */
export function webEnv(outputs) {
  const userPoolId = outputs?.auth?.user_pool_id;
  const clientId = outputs?.auth?.user_pool_client_id;
  const apiUrl = outputs?.custom?.cvmaker?.apiUrl;
  for (const [name, value] of Object.entries({ "auth.user_pool_id": userPoolId, "auth.user_pool_client_id": clientId, "custom.cvmaker.apiUrl": apiUrl })) {
    if (typeof value !== "string" || value.trim() === "") throw new Error(`amplify_outputs.json has no ${name}.`);
  }
  if (!apiUrl.startsWith("https://")) throw new Error(`The API URL ${apiUrl} is not https.`);
  return {
    VITE_AUTH_MODE: "cognito",
    VITE_COGNITO_USER_POOL_ID: userPoolId,
    VITE_COGNITO_CLIENT_ID: clientId,
    VITE_API_URL: apiUrl.replace(/\/+$/, ""),
  };
}

export function dotenv(values) {
  return Object.entries(values).map(([name, value]) => `${name}=${value}\n`).join("");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [source = "amplify_outputs.json", target = "frontend/.env.production.local"] = process.argv.slice(2);
  writeFileSync(target, dotenv(webEnv(JSON.parse(readFileSync(source, "utf8")))));
  console.log(`Wrote ${target} from ${source}.`);
}
