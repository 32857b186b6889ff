// Runs `rag-scorecard build …` in this process as the command line does, and keeps what it printed.
import { execFile } from "child_process";
import { join } from "path";
import { main } from "../../../src/cli/main";

export interface BuildRun {
  code?: number;
  out: string[];
  err: string[];
  /** The exception that escaped the command: the real CLI would print a stack trace. */
  threw?: string;
}

const show = (args: unknown[]) => args.map((a) => (typeof a === "string" ? a : a instanceof Error ? `${a.name}: ${a.message}\n${a.stack}` : JSON.stringify(a))).join(" ");

export async function runBuild(args: string[]): Promise<BuildRun> {
  const run: BuildRun = { out: [], err: [] };
  const log = jest.spyOn(console, "log").mockImplementation((...a: unknown[]) => void run.out.push(show(a)));
  const info = jest.spyOn(console, "info").mockImplementation((...a: unknown[]) => void run.out.push(show(a)));
  const error = jest.spyOn(console, "error").mockImplementation((...a: unknown[]) => void run.err.push(show(a)));
  const warn = jest.spyOn(console, "warn").mockImplementation((...a: unknown[]) => void run.err.push(show(a)));
  try {
    run.code = await main(["build", ...args]);
  } catch (e) {
    run.threw = e instanceof Error ? `${e.name}: ${e.message}`.split("\n")[0] : String(e);
  } finally {
    for (const spy of [log, info, error, warn]) spy.mockRestore();
  }
  return run;
}

/** The lines it wrote to stderr (each console.error call may hold several). */
export const errLines = (run: BuildRun): string[] => run.err.join("\n").split("\n").filter((l) => l.trim() !== "");

/** Stack-trace lines ("    at f (file.js:1:2)") anywhere in what it printed. */
export const stackLines = (run: BuildRun): string[] => [...run.out, ...run.err].join("\n").split("\n").filter((l) => /^\s+at .+(\(|:\d+:\d+)/.test(l));

const CHILD = join(__dirname, "build-child.js");

/**
 * The same in a child process with a time and memory limit: a hang or an out-of-memory crash comes
 * back as `threw`, where in this process it would stop the whole test run.
 */
export function runBuildIsolated(args: string[], { timeoutMs = 20_000, memoryMb = 1536 } = {}): Promise<BuildRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [`--max-old-space-size=${memoryMb}`, CHILD, ...args], { timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 16 * 2 ** 20 }, (err, stdout, stderr) => {
      const run: BuildRun = { out: stdout.split("\n").filter(Boolean), err: stderr.split("\n").filter(Boolean) };
      const e = err as (Error & { code?: number | string; killed?: boolean; signal?: string }) | null;
      if (!e) run.code = 0;
      else if (e.killed || e.signal === "SIGKILL") run.threw = `did not finish in ${timeoutMs / 1000} s (a hang, or slower than any small file should be)`;
      else if (/heap out of memory|Allocation failed/.test(stderr)) run.threw = `ran out of memory (over ${memoryMb} MB of heap)`;
      else if (typeof e.code === "number" && !/\n\s+at /.test(stderr)) run.code = e.code;
      else run.threw = `crashed: ${stderr.split("\n").find((l) => l.trim()) ?? e.message}`;
      resolve(run);
    });
  });
}
