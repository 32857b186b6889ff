// `rag-scorecard build` arguments: parsed and checked before any file is opened.
import { presetByKey, PRESET_KEYS } from "../engine/scheme/presets";
import { checkPeriod } from "../engine/read/periods";

export interface BuildArgs {
  input: string;
  output: string;
  preset?: string;
  period?: string;
  reportDate?: string;
  committee?: string;
  allCommittees: boolean;
  /** Count and list hidden rows in the pack (RULES §10). */
  includeHidden?: boolean;
  json?: string;
}

const VALUE_FLAGS = new Set(["-o", "--output", "--preset", "--period", "--report-date", "--committee", "--json"]);

/** True for YYYY-MM-DD naming a day the calendar has (no 31 April, no 29 February 2023). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Parses build arguments; returns a message for the user on any mistake. */
export function parseBuildArgs(args: string[]): BuildArgs | string {
  const values = new Map<string, string>();
  const positional: string[] = [];
  let allCommittees = false;
  let includeHidden = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--all-committees") allCommittees = true;
    else if (a === "--include-hidden") includeHidden = true;
    else if (VALUE_FLAGS.has(a)) {
      if (i + 1 >= args.length) return `${a} needs a value`;
      values.set(a === "--output" ? "-o" : a, args[++i]);
    } else if (a.startsWith("-") && a !== "-") return `unknown option ${a}`;
    else positional.push(a);
  }
  if (positional.length !== 1) return "give exactly one input workbook";
  if (!values.get("-o")) return "give the output workbook with -o <output.xlsx>";
  const preset = values.get("--preset");
  if (preset !== undefined && !presetByKey(preset)) return `unknown preset "${preset}" (use ${PRESET_KEYS.join(", ")})`;
  const reportDate = values.get("--report-date");
  if (reportDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(reportDate)) return `--report-date must be YYYY-MM-DD, not "${reportDate}"`;
  if (reportDate !== undefined && !isCalendarDate(reportDate)) return `--report-date ${reportDate} is not a date on the calendar`;
  const period = values.get("--period");
  const checked = period === undefined ? undefined : checkPeriod(period);
  if (typeof checked === "string") return `--period: ${checked}`;
  if (allCommittees && values.has("--committee")) return "use --committee NAME or --all-committees, not both";
  if (values.has("--json") && !values.get("--json")) return "--json needs a file name";
  return {
    input: positional[0],
    output: values.get("-o") as string,
    preset,
    period,
    reportDate,
    committee: values.get("--committee"),
    allCommittees,
    includeHidden: includeHidden || undefined,
    json: values.get("--json"),
  };
}
