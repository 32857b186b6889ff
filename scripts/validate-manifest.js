#!/usr/bin/env node
// `npm run validate [-- path/to/manifest.xml]`: checks manifest.xml (default) or the given manifest,
// e.g. the production one `ADDIN_BASE_URL=… npm run build` writes to dist/manifest.xml. It fails on
// any URL that is not https and warns on localhost URLs.
//  1. The project's structural check (scripts/manifest-check.js), plus
//     office-addin-manifest's own reader and `xmllint --noout` when present.
//     These decide the exit code.
//  2. Microsoft's validation service, via office-addin-manifest. It needs the
//     internet; when unreachable we say so and carry on.
// Options: --offline  skip Microsoft's service
//          --strict   also fail when Microsoft's service rejects the manifest
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { checkManifest } = require("./manifest-check");

const ROOT = path.resolve(__dirname, "..");
const positional = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const MANIFEST = path.resolve(positional[0] || path.join(ROOT, "manifest.xml"));
// A built manifest sits beside the built site (dist/manifest.xml, dist/web/assets); else the sources' icons.
const BUILT_ASSETS = path.join(path.dirname(MANIFEST), "web", "assets");
const ASSETS = fs.existsSync(BUILT_ASSETS) ? BUILT_ASSETS : path.join(ROOT, "assets");
const COMMANDS = path.join(ROOT, "src", "commands", "commands.ts");
const SERVICE_TIMEOUT_MS = 20000;

const args = new Set(process.argv.slice(2));
const line = (ok, name, detail, warning) => console.log(`  ${!ok ? "FAIL" : warning ? "WARN" : "PASS"}  ${name}${detail ? ` — ${detail}` : ""}`);

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Our checks plus the two external parsers; returns true when all pass. */
async function structuralChecks() {
  console.log(`Structural check of ${path.relative(process.cwd(), MANIFEST) || MANIFEST}:`);
  if (!fs.existsSync(MANIFEST)) {
    line(false, "manifest exists", `no file ${MANIFEST}`);
    return false;
  }
  const xml = fs.readFileSync(MANIFEST, "utf8");
  const commandsSource = fs.existsSync(COMMANDS) ? fs.readFileSync(COMMANDS, "utf8") : undefined;
  const result = checkManifest(xml, { assetsDir: ASSETS, commandsSource });
  for (const check of result.checks) line(check.ok, check.name, check.detail, check.warning);
  let ok = result.ok;

  try {
    const { OfficeAddinManifest } = require("office-addin-manifest");
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    line(true, "read by office-addin-manifest", `${info.displayName} ${info.version}, hosts ${(info.hosts || []).join(", ")}`);
  } catch (err) {
    line(false, "read by office-addin-manifest", String(err.message || err).split("\n")[0]);
    ok = false;
  }

  const xmllint = spawnSync("xmllint", ["--noout", MANIFEST], { encoding: "utf8" });
  if (xmllint.error) {
    console.log("  note  xmllint not installed (Debian: libxml2-utils); skipped");
  } else {
    line(xmllint.status === 0, "xmllint --noout", xmllint.status === 0 ? "" : xmllint.stderr.trim().split("\n")[0]);
    ok = ok && xmllint.status === 0;
  }
  return ok;
}

/** Microsoft's validator: "valid", "invalid", or "unknown" when it could not answer. */
async function serviceCheck() {
  console.log("Microsoft's manifest validation service:");
  if (args.has("--offline")) {
    console.log("  note  skipped (--offline)");
    return "unknown";
  }
  let validation;
  try {
    const { validateManifest } = require("office-addin-manifest");
    validation = await withTimeout(validateManifest(MANIFEST), SERVICE_TIMEOUT_MS);
  } catch (err) {
    const reason = String(err.message || err).split("\n")[0];
    console.log(`  note  could not reach the service (${reason}); offline checks above still apply`);
    return "unknown";
  }
  if (validation.status && validation.status !== 200) {
    console.log(`  note  service answered ${validation.status} ${validation.statusText || ""}; not validated`);
    return "unknown";
  }
  const report = validation.report || {};
  for (const issue of report.errors || []) console.log(`  error    ${issue.title || ""}: ${issue.content || ""}${issue.line ? ` (line ${issue.line})` : ""}`);
  for (const issue of report.warnings || []) console.log(`  warning  ${issue.title || ""}: ${issue.content || ""}`);
  line(validation.isValid, "Microsoft validator", validation.isValid ? "the manifest is valid" : "the manifest is not valid");
  return validation.isValid ? "valid" : "invalid";
}

async function main() {
  const structuralOk = await structuralChecks();
  const service = await serviceCheck();
  const strict = args.has("--strict");
  if (!structuralOk) console.log("\nThe manifest failed the structural check.");
  else if (service === "valid") console.log("\nThe manifest passed the structural check and Microsoft's validator.");
  else if (service === "invalid") console.log(`\nStructural check passed; Microsoft's validator rejected the manifest${strict ? "." : " (add --strict to fail on that)."}`);
  else console.log("\nThe manifest passed the structural check (Microsoft's validator not run).");
  // Exit explicitly: a hung request to the service must not keep us running.
  process.exit(structuralOk && !(strict && service === "invalid") ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
