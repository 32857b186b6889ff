// The comparisons beside the CLI's time: the floor (bench/floor-child.js: unzip + one saxes pass over
// every worksheet) and, where python3 has openpyxl, an openpyxl load and save of the same file.
// Both run as child processes under the same timer as the CLI (bench/cli.js spawnTimed).
"use strict";

const { execFileSync } = require("child_process");
const path = require("path");
const { spawnTimed, peakAndCpu, hasGnuTime } = require("./cli");

const FLOOR = path.join(__dirname, "floor-child.js");
const OPENPYXL = path.join(__dirname, "openpyxl-load-save.py");
const GNU_TIME = "/usr/bin/time";

/** openpyxl's version, or undefined where python3 or openpyxl is missing. */
function openpyxlVersion() {
  try {
    return execFileSync("python3", ["-c", "import openpyxl; print(openpyxl.__version__)"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

async function timed(cmd, args, timeoutMs) {
  const gnu = hasGnuTime();
  const r = gnu ? await spawnTimed(GNU_TIME, ["-v", cmd, ...args], timeoutMs) : await spawnTimed(cmd, args, timeoutMs);
  if (r.timedOut) return { timedOut: true, timeoutMs, wallMs: NaN, peakMb: NaN };
  if (r.code !== 0) throw new Error(`${path.basename(args[0])} exited ${r.code}: ${r.stderr.slice(-1000)}`);
  const lines = r.stdout.trim().split("\n");
  const own = JSON.parse(lines[lines.length - 1]);
  const { peakKb, cpuMs } = gnu ? peakAndCpu(r.stderr) : { peakKb: own.maxRSS, cpuMs: NaN };
  // The harness's timer, as for the CLI: the child's own clock (the floor's wallMs, from after Node's
  // start and its modules' loading) is kept beside it as innerMs, and must not stand in for it.
  const { wallMs: innerMs, ...rest } = own;
  return { ...rest, ...(innerMs === undefined ? {} : { innerMs }), wallMs: r.wallMs, cpuMs, peakMb: peakKb / 1024 };
}

/** Unzip + one saxes pass over every worksheet of the input. */
function runFloor(input, timeoutMs = 300_000) {
  return timed(process.execPath, [FLOOR, input], timeoutMs);
}

/** openpyxl.load_workbook(input).save(output). */
function runOpenpyxl(input, timeoutMs = 600_000) {
  return timed("python3", [OPENPYXL, input, input.replace(/\.xlsx$/, ".openpyxl.xlsx")], timeoutMs);
}

module.exports = { runFloor, runOpenpyxl, openpyxlVersion };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/** The run with the median wall time, with every run's time and the highest peak beside it. */
function summarise(runs) {
  if (!runs.length) return undefined;
  if (runs.some((r) => r.timedOut)) return runs.find((r) => r.timedOut);
  const ms = median(runs.map((r) => r.wallMs));
  const mid = runs.find((r) => r.wallMs === ms);
  return { ...mid, runsMs: runs.map((r) => Math.round(r.wallMs)), peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

/**
 * The CLI build, the floor and openpyxl on one file, `rounds` times each, interleaved (cli, floor,
 * openpyxl, cli, …) so that a busy spell on the machine falls on all three alike; the median of each.
 * A CLI build stopped at the time limit is not repeated.
 */
async function measureInterleaved(file, settings, { rounds = 3, cliTimeoutMs, runBuild, log }) {
  const version = openpyxlVersion();
  const runs = { cli: [], floor: [], openpyxl: [] };
  for (let i = 0; i < rounds; i++) {
    if (!runs.cli.some((r) => r.timedOut)) runs.cli.push(await runBuild(file, settings, cliTimeoutMs));
    runs.floor.push(await runFloor(file));
    if (version) runs.openpyxl.push(await runOpenpyxl(file));
    const last = (k) => runs[k][runs[k].length - 1];
    log(`  round ${i + 1}: CLI ${(last("cli").wallMs / 1000).toFixed(2)} s, floor ${(last("floor").wallMs / 1000).toFixed(2)} s${version ? `, openpyxl ${(last("openpyxl").wallMs / 1000).toFixed(2)} s` : ""}`);
  }
  const openpyxl = summarise(runs.openpyxl);
  return { cli: summarise(runs.cli), floor: summarise(runs.floor), openpyxl: openpyxl && { ...openpyxl, version } };
}

module.exports.measureInterleaved = measureInterleaved;
