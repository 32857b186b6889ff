#!/usr/bin/env node
// `npm run package`: gathers the built site (dist/web) and the production manifest (dist/manifest.xml)
// into one folder, dist/package/, ready to copy to the web server at ADDIN_BASE_URL. Refuses when the
// manifest fails its check or points anywhere but https, and when the ribbon's function file would not
// start under desktop Excel's loader. docs/deploy.md says what to do with the folder.
"use strict";

const fs = require("fs");
const path = require("path");
const { checkManifest } = require("./manifest-check");
const { checkFunctionFile } = require("./stub-office-loader");

const ROOT = path.resolve(__dirname, "..");
const WEB = path.join(ROOT, "dist", "web");
const MANIFEST = path.join(ROOT, "dist", "manifest.xml");
const OUT = path.join(ROOT, "dist", "package");
const NEEDED = ["taskpane.html", "web.config", "staticwebapp.config.json", "assets", "compat", "js"];

function fail(message) {
  console.error(`npm run package: ${message}`);
  process.exit(1);
}

async function main() {
  if (!fs.existsSync(MANIFEST)) fail("no dist/manifest.xml; run it as ADDIN_BASE_URL=https://your.host/path npm run package.");
  const missing = NEEDED.filter((f) => !fs.existsSync(path.join(WEB, f)));
  if (missing.length) fail(`dist/web lacks ${missing.join(", ")}; build first (npx webpack --mode production).`);

  const xml = fs.readFileSync(MANIFEST, "utf8");
  const commandsSource = fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
  const check = checkManifest(xml, { assetsDir: path.join(WEB, "assets"), commandsSource });
  const failed = check.checks.filter((c) => !c.ok);
  if (failed.length) fail(`dist/manifest.xml fails: ${failed.map((c) => `${c.name} (${c.detail})`).join("; ")}`);
  const warnings = check.checks.filter((c) => c.warning).map((c) => c.warning);
  if (warnings.length) fail(`dist/manifest.xml is not deployable: ${warnings.join("; ")}`);

  const functionFile = await checkFunctionFile({ webDir: WEB, manifestXml: xml });
  if (!functionFile.ok) fail(`the ribbon's function file would not work in desktop Excel: ${functionFile.problems.join("; ")}`);

  fs.rmSync(OUT, { recursive: true, force: true });
  fs.cpSync(WEB, OUT, { recursive: true });
  fs.copyFileSync(MANIFEST, path.join(OUT, "manifest.xml"));
  const base = (xml.match(/<SourceLocation DefaultValue="([^"]+)\/taskpane\.html"/) || [])[1] || "(see manifest.xml)";
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) (e.isDirectory() ? walk : (d) => files.push(d))(path.join(dir, e.name));
  };
  walk(OUT);
  console.log(`dist/package/ is ready (${files.length} files): copy everything in it to ${base}/`);
  console.log(`  Then check ${base}/taskpane.html opens, and deploy ${base}/manifest.xml (also in dist/package/) from the Microsoft 365 admin centre: docs/deploy.md.`);
}

main().catch((err) => fail(String(err.message || err)));
