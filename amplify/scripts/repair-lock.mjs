#!/usr/bin/env node
/**
 * Adds to package-lock.json the entries `npm install` leaves out and `npm ci` then demands (npm/cli#9821).
 *
 * @aws-amplify/data-construct and graphql-api-construct bundle @opentelemetry/resources@2.0.0, which pins
 * @opentelemetry/core to exactly 2.0.0, next to a bundled core 2.8.0. `npm ci` wants a nested core 2.0.0 under
 * each of them; `npm install` never writes one. Run this after every `npm install` in amplify/:
 *   npm install && node scripts/repair-lock.mjs
 * It finds every exact-version dependency that resolves (by Node's lookup through the lock's paths) to another
 * version, and adds the missing nested entry with the registry's metadata. It changes nothing when none is missing.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, "utf8"));
const packages = lock.packages;
const EXACT = /^\d+\.\d+\.\d+$/;

function resolve(from, name) {
  // Node's lookup: from/node_modules/name, then each ancestor's node_modules, then the root's.
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ""}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return null;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut === -1 ? "" : base.slice(0, cut);
  }
}

const missing = [];
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.dependencies ?? {})) {
    if (!EXACT.test(spec)) continue;
    const found = resolve(path, name);
    if (found && packages[found].version !== spec) missing.push({ path: `${path}/node_modules/${name}`, name, version: spec, dev: entry.dev });
  }
}

for (const { path, name, version, dev } of missing) {
  const meta = JSON.parse(
    execFileSync("npm", ["view", `${name}@${version}`, "--json", "dist.integrity", "dependencies", "peerDependencies", "engines", "license"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }),
  );
  packages[path] = {
    version,
    ...(dev ? { dev: true } : {}),
    integrity: meta["dist.integrity"],
    ...(meta.license ? { license: meta.license } : {}),
    ...(meta.dependencies ? { dependencies: meta.dependencies } : {}),
    ...(meta.engines ? { engines: meta.engines } : {}),
    ...(meta.peerDependencies ? { peerDependencies: meta.peerDependencies } : {}),
  };
  console.log(`added ${path}@${version}`);
}
if (missing.length > 0) {
  writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
}
