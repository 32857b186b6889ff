// Runs `rag-scorecard build …` in this process as the command line does, and keeps what it printed.
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
