// `rag-scorecard build <in.xlsx> -o <out.xlsx>`: rate a workbook from a file, colour it, add the summary.
import { realpathSync, existsSync, writeFileSync } from "fs";
import { resolve } from "path";
import { presetByKey, PRESET_KEYS } from "../engine/presets";
import { parseReportingPeriod } from "../engine/periods";
import { InputError, readXlsx, applyPlans, writeXlsx } from "../xlsx";
import { runScorecard, type ScorecardRun } from "../engine/scorecard";
import type { SheetPlan } from "../engine/plan";
import type { SheetGrid } from "../engine/types";
import { toJsonReport } from "./report";
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

/** Runs the engine and keeps only what the rest of the build needs, so the run itself can be freed. */
function planBuild(read: { grids: SheetGrid[]; ownedSheets: string[] }, args: BuildArgs): { plans: SheetPlan[]; json?: string; headline: string[] } | undefined {
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
  return {
    plans: run.plans,
    json: args.json ? JSON.stringify(toJsonReport(run), null, 2) + "\n" : undefined,
    headline: headline(run, args.output),
  };
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
  applyPlans(workbook, outcome.plans);
  // Only the plans' strings were needed from the engine run: dropping them now lets a 100,000-row
  // build write its output without holding the grids, records and plans in memory as well.
  outcome.plans = [];
  await writeXlsx(workbook, args.output, { inputPath: args.input });
  if (args.json && outcome.json) writeFileSync(args.json, outcome.json);
  console.log(outcome.headline.join("\n"));
  return EXIT.done;
}
