// `rag-scorecard build <in.xlsx> -o <out.xlsx>`: rate a workbook from a file, colour it, add the summary.
import { closeSync, existsSync, openSync, realpathSync, renameSync, rmSync, writeSync } from "fs";
import { resolve } from "path";
import { presetByKey, PRESET_KEYS } from "../engine/presets";
import { parseReportingPeriod } from "../engine/periods";
import { InputError, readXlsx, applyPlans, tempPathBeside, writeXlsx } from "../xlsx";
import { runScorecard, type ScorecardRun } from "../engine/scorecard";
import type { SheetPlan } from "../engine/plan";
import type { SheetGrid } from "../engine/types";
import { toJsonReport, type JsonReport } from "./report";
import { EXIT } from "./exit";

export interface BuildArgs {
  input: string;
  output: string;
  preset?: string;
  period?: string;
  reportDate?: string;
  committee?: string;
  allCommittees: boolean;
  json?: string;
}

const VALUE_FLAGS = new Set(["-o", "--output", "--preset", "--period", "--report-date", "--committee", "--json"]);

/** Parses build arguments; returns a message for the user on any mistake. */
export function parseBuildArgs(args: string[]): BuildArgs | string {
  const values = new Map<string, string>();
  const positional: string[] = [];
  let allCommittees = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--all-committees") allCommittees = true;
    else if (VALUE_FLAGS.has(a)) {
      if (i + 1 >= args.length) return `${a} needs a value`;
      values.set(a === "--output" ? "-o" : a, args[++i]);
    } else if (a.startsWith("-")) return `unknown option ${a}`;
    else positional.push(a);
  }
  if (positional.length !== 1) return "give exactly one input workbook";
  if (!values.get("-o")) return "give the output workbook with -o <output.xlsx>";
  const preset = values.get("--preset");
  if (preset && !presetByKey(preset)) return `unknown preset "${preset}" (use ${PRESET_KEYS.join(", ")})`;
  const reportDate = values.get("--report-date");
  if (reportDate && !/^\d{4}-\d{2}-\d{2}$/.test(reportDate)) return `--report-date must be YYYY-MM-DD, not "${reportDate}"`;
  const period = values.get("--period");
  if (period && !parseReportingPeriod(period)) return `--period "${period}" names no quarter or year (e.g. "Q3 2010/11")`;
  if (allCommittees && values.has("--committee")) return "use --committee NAME or --all-committees, not both";
  return {
    input: positional[0],
    output: values.get("-o") as string,
    preset,
    period,
    reportDate,
    committee: values.get("--committee"),
    allCommittees,
    json: values.get("--json"),
  };
}

function samePath(a: string, b: string): boolean {
  const ra = existsSync(a) ? realpathSync(a) : resolve(a);
  const rb = existsSync(b) ? realpathSync(b) : resolve(b);
  return ra === rb;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function headline(run: ScorecardRun, output: string): string[] {
  const line = (kind: "indicator" | "activity") =>
    Object.entries(run.result.counts[kind])
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ") || "none";
  const lines = [
    `Wrote ${output}`,
    `  ${run.scheme.name}; report date ${run.reportDate}`,
    `  Indicators: ${line("indicator")}`,
    `  Activities: ${line("activity")}`,
  ];
  if (run.result.problems.length) lines.push(`  Problems: ${run.result.problems.length} (listed on the summary sheet and in --json)`);
  return lines;
}

const RECORDS_PER_WRITE = 100;

function writeText(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

/**
 * Writes `JSON.stringify(report, null, 2)` and a newline, a few hundred records at a time: the whole
 * text of a 100,000-record report is 80 MB of string, held for nothing while the workbook is written.
 */
export function writeJsonReport(report: JsonReport, path: string): void {
  const shell = JSON.stringify({ ...report, records: [] }, null, 2);
  // Only the top-level key is at this indent after a line break: newlines inside strings are escaped.
  const at = shell.indexOf('\n  "records": []') + '\n  "records": ['.length;
  const fd = openSync(path, "w");
  try {
    writeText(fd, shell.slice(0, at));
    const { records } = report;
    for (let i = 0; i < records.length; i += RECORDS_PER_WRITE) {
      const part = records.slice(i, i + RECORDS_PER_WRITE).map((r) => `    ${JSON.stringify(r, null, 2).replace(/\n/g, "\n    ")}`);
      writeText(fd, `${i === 0 ? "\n" : ",\n"}${part.join(",\n")}`);
    }
    writeText(fd, `${records.length ? "\n  " : ""}${shell.slice(at)}\n`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs the engine and keeps only what the rest of the build needs, so the run itself can be freed.
 * The --json report is written now, while the run is at hand, to a temporary file.
 */
function planBuild(read: { grids: SheetGrid[]; ownedSheets: string[] }, args: BuildArgs): { plans: SheetPlan[]; jsonTemp?: string; headline: string[] } | undefined {
  const run = runScorecard(read.grids, {
    preset: args.preset,
    period: args.period,
    reportDate: args.reportDate,
    today: today(),
    committee: args.committee,
    allCommittees: args.allCommittees,
    ownedSheets: read.ownedSheets,
  });
  read.grids = [];
  if (run.result.tables.length === 0) {
    console.error(
      `rag-scorecard build: no indicator or activity table recognised in ${args.input}. ` +
        "Looked on every sheet for a header row naming indicators (ref, target, actual or a period such as \"Q3 YTD Actual\") " +
        "or activities (description or action, with status, progress or due date).",
    );
    return undefined;
  }
  const jsonTemp = args.json ? tempPathBeside(args.json) : undefined; // renamed once the workbook is saved
  if (jsonTemp) writeJsonReport(toJsonReport(run), jsonTemp);
  return { plans: run.plans, jsonTemp, headline: headline(run, args.output) };
}

export async function build(argv: string[]): Promise<number> {
  const args = parseBuildArgs(argv);
  if (typeof args === "string") {
    console.error(`rag-scorecard build: ${args}`);
    return EXIT.usage;
  }
  if (samePath(args.input, args.output)) {
    console.error("rag-scorecard build: refusing to write over the input workbook; choose another -o");
    return EXIT.usage;
  }
  let read;
  try {
    read = await readXlsx(args.input);
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`rag-scorecard build: ${e.message}`);
      return EXIT.unreadable;
    }
    throw e;
  }
  const workbook = read.workbook;
  const outcome = planBuild(read, args);
  if (!outcome) return EXIT.noTables;
  if (read.notKept.length) {
    console.error(`rag-scorecard build: note: ${args.input} has ${read.notKept.join(", ")}, which the built copy does not keep (the input file is unchanged).`);
  }
  try {
    // The new sheets' cells stay as plans until writeXlsx streams them into the file: a 100,000-row
    // summary would be about 250 MB of ExcelJS cells. Only the plans were needed from the engine run,
    // so the grids and records are gone by now; the plans go as soon as they are applied.
    applyPlans(workbook, outcome.plans, { deferNewSheetCells: true });
    outcome.plans = [];
    await writeXlsx(workbook, args.output, { inputPath: args.input });
    if (args.json && outcome.jsonTemp) renameSync(outcome.jsonTemp, args.json);
  } finally {
    if (outcome.jsonTemp) rmSync(outcome.jsonTemp, { force: true });
  }
  console.log(outcome.headline.join("\n"));
  return EXIT.done;
}
