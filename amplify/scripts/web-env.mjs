#!/usr/bin/env node
/**
 * amplify_outputs.json -> the web app's run-time settings, `config.json` (the shape `cvmaker serve` answers at
 * /config.json, see api/web_config.py; frontend/src/config.ts reads it when the app starts). Amplify Hosting runs
 * it after the web app's build, so the build itself is the same artifact for every deployment and the file beside
 * it always points at the backend deployed with it.
 *   node amplify/scripts/web-env.mjs amplify_outputs.json frontend/dist/config.json
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** @param {any} outputs the parsed amplify_outputs.json @returns {{authMode: "cognito", apiUrl: string, cognito: {userPoolId: string, userPoolClientId: string, region: string}}} */
export function webConfig(outputs) {
  const userPoolId = outputs?.auth?.user_pool_id;
  const clientId = outputs?.auth?.user_pool_client_id;
  const apiUrl = outputs?.custom?.cvmaker?.apiUrl;
  for (const [name, value] of Object.entries({ "auth.user_pool_id": userPoolId, "auth.user_pool_client_id": clientId, "custom.cvmaker.apiUrl": apiUrl })) {
    if (typeof value !== "string" || value.trim() === "") throw new Error(`amplify_outputs.json has no ${name}.`);
  }
  if (!apiUrl.startsWith("https://")) throw new Error(`The API URL ${apiUrl} is not https.`);
  // A pool id starts with its region ("eu-west-1_AbC"); the outputs name it too.
  const region = typeof outputs.auth.aws_region === "string" && outputs.auth.aws_region ? outputs.auth.aws_region : userPoolId.split("_")[0];
  return {
    authMode: "cognito",
    apiUrl: apiUrl.replace(/\/+$/, ""),
    cognito: { userPoolId, userPoolClientId: clientId, region },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [source = "amplify_outputs.json", target = "frontend/dist/config.json"] = process.argv.slice(2);
  writeFileSync(target, `${JSON.stringify(webConfig(JSON.parse(readFileSync(source, "utf8"))), null, 2)}\n`);
  console.log(`Wrote ${target} from ${source}.`);
}
