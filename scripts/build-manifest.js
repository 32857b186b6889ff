#!/usr/bin/env node
// Writes the production manifest, dist/manifest.xml, from the development one (manifest.xml, every URL
// on https://localhost:3000, which stays as it is). Run by `npm run build`; settings come from the
// environment so a council's IT team sets them without editing files:
//   ADDIN_BASE_URL     https address the site (dist/web) is served from, e.g. https://apps.council.gov.uk/rag
//   ADDIN_ID           the council's own add-in Id (a GUID); keep it the same for every later version
//   ADDIN_PROVIDER     ProviderName shown in Office, e.g. "Anytown Borough Council"
//   ADDIN_SUPPORT_URL  page users are sent to for help (https)
//   ADDIN_VERSION      manifest Version, four numbers (1.0.0.0); raise it whenever the manifest changes
// Without ADDIN_BASE_URL nothing is written (a note says so), unless --required is given: then it fails.
"use strict";

const fs = require("fs");
const path = require("path");
const { checkManifest } = require("./manifest-check");

const ROOT = path.resolve(__dirname, "..");
const DEV_ORIGIN = "https://localhost:3000";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){3}$/;

const escapeXml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The base URL without a trailing slash, or throws one sentence saying what is wrong. */
function normaliseBase(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL "${raw}" is not a URL; give the https address the site is served from, e.g. https://apps.council.gov.uk/rag`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL must start with https:// (Office loads add-ins only over https), not ${url.protocol}//`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL must not have a query or fragment: ${raw}`);
  if (url.username || url.password) throw new Error("ADDIN_BASE_URL must not contain a user name or password");
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * The production manifest's text from the development one and the settings. Pure, for the tests.
 * settings: { baseUrl, id?, provider?, supportUrl?, version? } (unset ones keep the development value).
 */
function productionManifest(devXml, settings) {
  const base = normaliseBase(settings.baseUrl);
  if (settings.id !== undefined && !GUID.test(settings.id)) throw new Error(`ADDIN_ID "${settings.id}" is not a GUID (make one with: node -e "console.log(crypto.randomUUID())")`);
  if (settings.version !== undefined && !VERSION.test(settings.version)) throw new Error(`ADDIN_VERSION "${settings.version}" must be four numbers, like 1.0.1.0`);
  if (settings.supportUrl !== undefined && !/^https:\/\//i.test(settings.supportUrl)) throw new Error(`ADDIN_SUPPORT_URL must start with https://: ${settings.supportUrl}`);
  if (settings.provider !== undefined && !settings.provider.trim()) throw new Error("ADDIN_PROVIDER is empty");

  let xml = devXml.split(`${DEV_ORIGIN}/`).join(`${base}/`).split(`"${DEV_ORIGIN}"`).join(`"${base}"`);
  xml = xml.replace(/<!--[\s\S]*?-->/, `<!-- RAG Scorecard production manifest, written by scripts/build-manifest.js from manifest.xml.
     Site: ${escapeXml(base)}/ (the contents of dist/web). Do not edit: set ADDIN_* and build again. -->`);
  if (settings.id !== undefined) xml = xml.replace(/<Id>[^<]*<\/Id>/, `<Id>${settings.id.toLowerCase()}</Id>`);
  if (settings.version !== undefined) xml = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${settings.version}</Version>`);
  if (settings.provider !== undefined) xml = xml.replace(/<ProviderName>[^<]*<\/ProviderName>/, `<ProviderName>${escapeXml(settings.provider.trim())}</ProviderName>`);
  if (settings.supportUrl !== undefined) xml = xml.replace(/<SupportUrl DefaultValue="[^"]*"\/>/, `<SupportUrl DefaultValue="${escapeXml(settings.supportUrl)}"/>`);
  if (xml.includes(DEV_ORIGIN)) throw new Error(`a ${DEV_ORIGIN} URL is left in the manifest in a form this script does not rewrite`);
  return { xml, base };
}

/** Settings from the environment; empty variables count as unset. */
function settingsFromEnv(env) {
  const get = (name) => (env[name] && env[name].trim() ? env[name].trim() : undefined);
  return { baseUrl: get("ADDIN_BASE_URL"), id: get("ADDIN_ID"), provider: get("ADDIN_PROVIDER"), supportUrl: get("ADDIN_SUPPORT_URL"), version: get("ADDIN_VERSION") };
}

function main() {
  const required = process.argv.includes("--required");
  const settings = settingsFromEnv(process.env);
  const out = path.join(ROOT, "dist", "manifest.xml");
  if (!settings.baseUrl) {
    const say = "dist/manifest.xml not written: set ADDIN_BASE_URL to the https address the site is served from (see docs/deploy.md).";
    if (required) {
      console.error(say);
      process.exit(1);
    }
    console.log(say);
    return;
  }
  try {
    const { xml, base } = productionManifest(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), settings);
    const commandsSource = fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
    const result = checkManifest(xml, { assetsDir: path.join(ROOT, "assets"), commandsSource });
    const failed = result.checks.filter((c) => !c.ok);
    if (failed.length) throw new Error(`the production manifest fails its check: ${failed.map((c) => `${c.name} (${c.detail})`).join("; ")}`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, xml);
    console.log(`Wrote dist/manifest.xml for ${base}/`);
    if (!settings.id) console.log("  note: ADDIN_ID not set, so this manifest has the project's own Id; a council should set its own GUID once and keep it.");
    if (!settings.supportUrl) console.log(`  note: ADDIN_SUPPORT_URL not set, so the add-in's support link is ${base}/taskpane.html, which only says to open the add-in in Excel; set it to your help page.`);
    for (const c of result.checks.filter((c) => c.warning)) console.log(`  warning: ${c.warning}`);
  } catch (err) {
    console.error(`Could not write dist/manifest.xml: ${err.message}`);
    process.exit(1);
  }
}

if (require.main === module) main();

module.exports = { productionManifest, settingsFromEnv, normaliseBase, DEV_ORIGIN };
