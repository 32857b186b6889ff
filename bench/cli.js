// The command line end to end, as a user runs it: `node bin/rag-scorecard.js build …` in a child process.
// Wall time and peak memory as the OS reports them: GNU time's "Maximum resident set size" when
// /usr/bin/time is there, else the child's own getrusage (bench/cli-child.js), which is the same figure.
"use strict";

const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "rag-scorecard.js");
const CHILD = path.join(__dirname, "cli-child.js");
const GNU_TIME = "/usr/bin/time";

function hasGnuTime() {
  try {
    fs.accessSync(GNU_TIME, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Largest VmHWM (peak RSS) of a process and its children, in KiB; 0 where /proc is not there. */
function treeHighWaterKb(pid) {
  let max = 0;
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    if (hwm) max = Number(hwm[1]);
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    for (const c of children) max = Math.max(max, treeHighWaterKb(Number(c)));
  } catch {
    // gone, or not Linux
  }
  return max;
}

/** Runs a command; past `timeoutMs` ends it (its own process group, started here) and says so. */
function spawnTimed(cmd, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    // Peak memory of the process tree so far, from /proc (Linux), for a build that has to be stopped.
    let hwmKb = 0;
    const sample = setInterval(() => (hwmKb = Math.max(hwmKb, treeHighWaterKb(child.pid))), 1000);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      clearInterval(sample);
      resolve({ code, stdout, stderr, timedOut, hwmKb, wallMs: Number(process.hrtime.bigint() - t) / 1e6 });
    });
  });
}

/** Peak RSS (KiB) and CPU time (ms) from GNU time -v's report. */
function peakAndCpu(stderr) {
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]);
  const user = Number(/User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1]);
  const sys = Number(/System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1]);
  return { peakKb, cpuMs: (user + sys) * 1000 };
}

/**
 * Runs `build` on the input (output and --json beside it, named with `suffix`); returns wall time, peak RSS, CPU time and the --json report's counts.
 * Past `timeoutMs` the build is stopped and reported as timed out (wall time and peak unknown).
 */
async function runBuild(input, settings, timeoutMs = 300_000, suffix = ".built") {
  const base = input.replace(/\.xlsx$/, "");
  const output = `${base}${suffix}.xlsx`;
  const json = `${base}${suffix}.json`;
  const buildArgs = ["build", input, "-o", output, "--json", json, "--preset", settings.preset, "--period", settings.period, "--report-date", settings.reportDate];
  const gnu = hasGnuTime();
  const r = gnu ? await spawnTimed(GNU_TIME, ["-v", process.execPath, BIN, ...buildArgs], timeoutMs) : await spawnTimed(process.execPath, [CHILD, ...buildArgs], timeoutMs);
  const measuredBy = gnu ? "/usr/bin/time -v" : "getrusage in bench/cli-child.js";
  if (r.timedOut) {
    return { timedOut: true, timeoutMs, wallMs: NaN, peakMb: NaN, peakMbBeforeStop: r.hwmKb / 1024, cpuMs: NaN, measuredBy, records: NaN, counts: undefined };
  }
  if (r.code !== 0) throw new Error(`build exited ${r.code}: ${r.stderr.slice(-2000)}`);
  let peakKb;
  let osWallMs;
  let cpuMs;
  if (gnu) {
    ({ peakKb, cpuMs } = peakAndCpu(r.stderr));
    const m = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
    if (m) osWallMs = ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
  } else {
    peakKb = Number(/maxRSS (\d+)/.exec(r.stderr)?.[1]);
    cpuMs = Number(/cpuMs ([\d.]+)/.exec(r.stderr)?.[1]);
  }
  const report = JSON.parse(fs.readFileSync(json, "utf8"));
  return {
    wallMs: r.wallMs,
    osWallMs,
    cpuMs,
    peakMb: peakKb / 1024,
    measuredBy,
    records: report.records.length,
    counts: report.counts,
    outputBytes: fs.statSync(output).size,
  };
}

module.exports = { runBuild, spawnTimed, peakAndCpu, hasGnuTime };
