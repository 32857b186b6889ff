#!/usr/bin/env node
// Run by `npm test` before jest: the browser test needs Chrome, Edge or Chromium. Finds one (CHROME_PATH
// or PLAYWRIGHT_CHROMIUM_EXECUTABLE may name it), else installs Debian's chromium through apt when this
// user may install packages (root, or sudo without a password), else stops with one sentence saying what
// to run. test/e2e/preview.test.ts finds the browser with the same findBrowser().
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ENV_VARS = ["CHROME_PATH", "PLAYWRIGHT_CHROMIUM_EXECUTABLE"];
const COMMANDS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable", "chrome"];
const MAC_APPS = [
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];
const WINDOWS_APPS = ["Google\\Chrome\\Application\\chrome.exe", "Microsoft\\Edge\\Application\\msedge.exe", "Chromium\\Application\\chrome.exe"];
const APT_UPDATE = ["apt-get", "update", "-qq"];
const APT_INSTALL = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"];
// sudo resets the environment, so DEBIAN_FRONTEND must be set on its far side (`env`), or a debconf
// question could wait for an answer nobody gives. Root gets it from our own environment.
const SUDO = ["sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive"];

/** Candidate executables in order of preference, for this platform and environment. */
function candidates(env, platform) {
  if (platform === "darwin") return MAC_APPS;
  if (platform === "win32") {
    const roots = [env.ProgramFiles, env["ProgramFiles(x86)"], env.LOCALAPPDATA].filter(Boolean);
    return roots.flatMap((root) => WINDOWS_APPS.map((app) => path.win32.join(root, app)));
  }
  return [];
}

/**
 * What to do, from facts about the machine (all injected, so the test can try every branch):
 *   facts.env, facts.platform, facts.exists(file), facts.which(command) -> path | undefined,
 *   facts.isRoot, facts.canSudo (sudo -n works), facts.hasApt.
 * Returns { action: "use", path, source } | { action: "install", commands: string[][] } (apt-get update, then
 * install: a fresh machine's package lists are empty) | { action: "stop", message }.
 */
function decide(facts) {
  for (const name of ENV_VARS) {
    const named = facts.env[name];
    if (!named) continue;
    if (facts.exists(named)) return { action: "use", path: named, source: name };
    return { action: "stop", message: `${name} names ${named}, which does not exist: point it at a Chrome, Edge or Chromium executable, or unset it.` };
  }
  if (facts.platform === "linux") {
    for (const command of COMMANDS) {
      const found = facts.which(command);
      if (found) return { action: "use", path: found, source: command };
    }
  }
  for (const file of candidates(facts.env, facts.platform)) {
    if (facts.exists(file)) return { action: "use", path: file, source: "installed application" };
  }
  if (facts.platform === "linux" && facts.hasApt && (facts.isRoot || facts.canSudo)) {
    const prefix = facts.isRoot ? [] : SUDO;
    return { action: "install", commands: [[...prefix, ...APT_UPDATE], [...prefix, ...APT_INSTALL]] };
  }
  const how =
    facts.platform === "linux"
      ? facts.hasApt
        ? "sudo apt-get update && sudo apt-get install -y chromium"
        : "install Chromium with your package manager"
      : "install Google Chrome or Microsoft Edge";
  return { action: "stop", message: `The browser test needs Chrome, Edge or Chromium and none was found: ${how}, or set CHROME_PATH to one, then run npm test again.` };
}

function which(command) {
  if (process.platform === "win32") return undefined;
  const r = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  const found = r.status === 0 ? r.stdout.trim() : "";
  return found && fs.existsSync(found) ? found : undefined;
}

/** The facts decide() needs, from this machine. */
function machineFacts(env = process.env) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = process.platform === "linux" && Boolean(which("apt-get"));
  const canSudo = !isRoot && hasApt && Boolean(which("sudo")) && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
  return { env, platform: process.platform, exists: (f) => fs.existsSync(f), which, isRoot, canSudo, hasApt };
}

/** The browser to use, without installing anything: { path } or { message } saying what to run. */
function findBrowser(env = process.env) {
  const facts = machineFacts(env);
  const decision = decide({ ...facts, isRoot: false, canSudo: false });
  return decision.action === "use" ? { path: decision.path } : { message: decision.message };
}

function main() {
  const facts = machineFacts();
  let decision = decide(facts);
  if (decision.action === "install") {
    console.log("No Chrome, Edge or Chromium found: installing Debian's chromium for the browser test (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    for (const args of decision.commands) {
      const run = spawnSync(args[0], args.slice(1), { stdio: "inherit", env });
      if (run.status !== 0) {
        const sudo = facts.isRoot ? "" : "sudo ";
        console.error(`Installing chromium failed at \`${args.join(" ")}\` (exit ${run.status}): run ${sudo}apt-get update && ${sudo}apt-get install -y chromium yourself, then npm test again.`);
        process.exit(1);
      }
    }
    decision = decide({ ...machineFacts(), isRoot: false, canSudo: false });
    if (decision.action !== "use") decision = { action: "stop", message: "apt-get installed chromium, but no chromium command is on the PATH: set CHROME_PATH to it, then run npm test again." };
  }
  if (decision.action !== "use") {
    console.error(decision.message);
    process.exit(1);
  }
  console.log(`Browser for the browser test: ${decision.path}`);
}

if (require.main === module) main();

module.exports = { decide, findBrowser, machineFacts, APT_UPDATE, APT_INSTALL, SUDO };
