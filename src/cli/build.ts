// `rag-scorecard build <in.xlsx> -o <out.xlsx>`: rate a workbook from a file, colour it, add the summary.
// The output is the input package with a few parts patched (src/xlsx/build-package.ts).
import { closeSync, openSync, writeSync } from "fs";
import { isVeryHiddenProblem, runScorecard, type ScorecardRun } from "../engine/scorecard";
import type { SheetPlan } from "../engine/vocab/plan";
import type { Problem } from "../engine/vocab/types";
import { InputError, OutputError, outputFailure, UsageError } from "../xlsx/errors";
import { readPackage, type PackageRead } from "../xlsx/read-package";
import { isMacroEnabled, removeQuietly, tempPathBeside, writePatchedPackage } from "../xlsx/build-package";
import type { HistoryContinued } from "../xlsx/patch/package-layout";
import { historyInPlace } from "../excel/history-write";
import { HISTORY_SHEET } from "../engine/history/types";
import { placeNewSheets, sameSheetName } from "../engine/sheets/ownership";
import { isUnreadTableProblem } from "../engine/detect/side-by-side";
import { staleCells, type StaleCells } from "../xlsx/patch/record-backups";
import { sheetRowKeys, type RowKey } from "../engine/trackers/row-keys";
import { consoleLines, recordOf, toJsonReport, type JsonRecord, type JsonReport } from "./report";
import { EXIT } from "./exit";
import { collectGarbage, COLLECT_ABOVE_RECORDS } from "./collect-garbage";
import { parseBuildArgs, type BuildArgs } from "./build-args";
import { commitFiles } from "./commit";
import { checkBuildPaths, checkOutputKind, writePlace } from "./paths";
import { settingsForInput } from "./v8-tuning";

export { parseBuildArgs, type BuildArgs };

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const RECORDS_PER_WRITE = 100;
/** What `JSON.stringify({ records: [...] }, null, 2)` puts around a non-empty list of records. */
const RECORDS_OPEN = '{\n  "records": [\n';
const RECORDS_CLOSE = "\n  ]\n}";

/** A buffer the report's pieces are encoded into, one after another (a new one for each made 50 MB of garbage at 100,000 records). */
let scratch: Buffer | undefined;

function writeText(fd: number, text: string): void {
  scratch ??= Buffer.allocUnsafe(1024 * 1024);
  // Three bytes a UTF-16 unit at most: text that might not fit is encoded on its own.
  const fits = text.length * 3 <= scratch.length;
  const bytes = fits ? scratch.subarray(0, scratch.write(text, "utf8")) : Buffer.from(text, "utf8");
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

/**
 * Writes `JSON.stringify(report, null, 2)` and a newline, a few hundred records at a time: the whole
 * text of a 100,000-record report is 80 MB of string, held for nothing while the workbook is written.
 */
export function writeJsonReport(report: JsonReport, path: string): void {
  writeJsonRecords({ ...report, records: [] }, report.records.length, (i) => report.records[i], path);
}

/**
 * writeJsonReport with the records made as they are written (`recordAt`), so a 100,000-record run
 * never holds them all as objects beside the engine's own.
 */
function writeJsonRecords(shellReport: JsonReport, count: number, recordAt: (i: number) => JsonRecord, path: string): void {
  const shell = JSON.stringify(shellReport, null, 2);
  // Only the top-level key is at this indent after a line break: newlines inside strings are escaped.
  const at = shell.indexOf('\n  "records": []') + '\n  "records": ['.length;
  const fd = openSync(path, "w");
  try {
    writeText(fd, shell.slice(0, at));
    for (let i = 0; i < count; i += RECORDS_PER_WRITE) {
      const part: JsonRecord[] = [];
      for (let k = i; k < Math.min(count, i + RECORDS_PER_WRITE); k++) part.push(recordAt(k));
      // Stringified where they sit in the report, so JSON indents them as the whole report would be:
      // no text made per record and indented again.
      const text = JSON.stringify({ records: part }, null, 2);
      writeText(fd, `${i === 0 ? "\n" : ",\n"}${text.slice(RECORDS_OPEN.length, text.length - RECORDS_CLOSE.length)}`);
    }
    writeText(fd, `${count ? "\n  " : ""}${shell.slice(at)}\n`);
  } finally {
    closeSync(fd);
  }
}

/** The run's --json report, its records made while they are written. */
function writeRunReport(run: ScorecardRun, path: string): void {
  const { rated } = run.result;
  const shell = toJsonReport({ ...run, result: { ...run.result, rated: [] } });
  writeJsonRecords(shell, rated.length, (i) => recordOf(run, rated[i]), path);
}

/**
 * The history plan of a run that read the history through its window: the rows from the first that
 * changed, to go on the sheet in place of its rows from there (the rows above are kept as they are).
 * Undefined when the run did not use the window; "whole" when the sheet must be read whole and run again.
 */
function continuedHistory(read: PackageRead, plans: SheetPlan[]): HistoryContinued | "whole" | undefined {
  const grid = read.grids.find((g) => g.skippedRows !== undefined);
  if (!grid) return undefined;
  const at = plans.findIndex((p) => p.action === "create" && sameSheetName(p.sheet, HISTORY_SHEET));
  if (at < 0) return undefined; // nothing recorded: the sheet is copied as it is
  const plan = plans[at];
  // Only where the plan goes on the sheet read: ours by the record as well as the mark (as placeNewSheets decides).
  if (!read.ownership.owned.some((o) => sameSheetName(o.plan, HISTORY_SHEET) && sameSheetName(o.sheet, grid.name))) return "whole";
  const part = read.sheets.find((s) => s.name === grid.name)?.part;
  const block = plan.blocks[0];
  const cut = block && part ? historyInPlace(plan, grid) : undefined;
  if (!cut || !block || !part || block.row === 0) return "whole";
  // The plan's rows end where its block ends; the cut's blank rows after them go with the rows left out.
  const end = block.row + block.values.length;
  const from = cut.blocks[0]?.row ?? end;
  const rows: SheetPlan = { ...cut, blocks: cut.blocks.length ? [{ row: from, col: 0, values: cut.blocks[0].values.slice(0, Math.max(0, end - from)) }] : [] };
  // The sheet's settings (print titles, its mark) still come from the plan; its rows from `rows`.
  plans[at] = { ...plan, blocks: [], styles: [] };
  return { sheet: grid.name, part, from, rows };
}

/**
 * With --all-committees the pack is every committee's, but a summary of ours this run did not rebuild (its
 * committee names no record now, or it is the whole council's) is left as it was, with an earlier run's
 * figures beside this run's: said, so a committee pack does not go out with last quarter's page in it.
 */
function leftOverSummaries(read: Pick<PackageRead, "ownedSheets" | "ownership" | "sheets">, plans: readonly SheetPlan[]): string[] {
  // Which of our sheets this run replaces, as package-layout.ts places them: by the plan each was made for
  // (record and mark), not by its name, which may be "Summary (2)" (a user's "Summary" was there) or renamed.
  const creates = plans.filter((p) => p.action === "create").map((p) => p.sheet);
  const replaced = placeNewSheets(creates, read.sheets.map((s) => s.name), read.ownership).flatMap((p) => (p.replaces === undefined ? [] : [p.replaces]));
  const planOf = (name: string): string => read.ownership.owned.find((o) => sameSheetName(o.sheet, name))?.plan ?? name;
  return read.ownedSheets
    .filter((name) => /^summary\b/i.test(planOf(name)) && !replaced.some((r) => sameSheetName(r, name)))
    .map((name) =>
      sameSheetName(planOf(name), "Summary")
        ? `  Note: "${name}", the whole council's summary an earlier run built, was not rebuilt (this run built one per committee): it still shows that run's figures. Delete it if it is no longer wanted.`
        : `  Note: "${name}", a summary an earlier run built, was not rebuilt: no record names its committee now, so it still shows that run's figures. Delete it if it is no longer wanted.`,
    );
}

/**
 * Runs the engine and keeps only what the rest of the build needs, so the run itself can be freed.
 * The --json report is written now, while the run is at hand, to a temporary file.
 */
function planBuild(read: PackageRead, args: BuildArgs): { plans: SheetPlan[]; stale: Map<string, StaleCells>; rowKeys: Map<string, Map<number, RowKey>>; jsonTemp?: string; headline: string[]; records: number; trackers: Set<string>; history?: HistoryContinued } | "whole" | undefined {
  const run = runScorecard(read.grids, {
    preset: args.preset,
    period: args.period,
    reportDate: args.reportDate,
    today: today(),
    committee: args.committee,
    allCommittees: args.allCommittees,
    includeHidden: args.includeHidden,
    ownedSheets: read.ownedSheets,
    written: read.written,
  });
  if (run.historyIncomplete) return "whole";
  const history = continuedHistory(read, run.plans);
  if (history === "whole") return "whole";
  // Worked out while the sheets' values are at hand: a cell of ours an officer has typed into is theirs.
  const stale = staleCells(read.saved, run.plans, read.grids, run.scheme);
  // …and so is which record each row holds, kept with the backups so a rebuild after a sort follows them.
  const trackers = new Set(run.result.tables.map((t) => t.sheet));
  const rowKeys = new Map(read.grids.filter((g) => trackers.has(g.name)).map((g) => [g.name, sheetRowKeys(g, run.result.tables)]));
  read.grids = [];
  if (run.committeeError) throw new UsageError(run.committeeError);
  if (run.result.tables.length === 0) {
    console.error(noTableLine(args.input, run.result.problems, read.problems));
    return undefined;
  }
  const jsonTemp = args.json ? tempPathBeside(args.json) : undefined; // renamed once the workbook is saved
  if (jsonTemp && args.json) {
    try {
      writeRunReport(run, jsonTemp);
    } catch (e) {
      removeQuietly(jsonTemp);
      throw outputFailure(args.json, e);
    }
  }
  const headline = [...consoleLines(run, args.output), ...(args.allCommittees ? leftOverSummaries(read, run.plans) : [])];
  return { plans: run.plans, stale, rowKeys, jsonTemp, headline, records: run.result.rated.length, trackers, history };
}

/**
 * Exit 3's one line. Tables found but not readable (side by side under one header row) are named with what
 * to do; a table on a very hidden sheet names that sheet; else every sheet's cells the reader left out for
 * being far from the rest, which may be the table itself (helper-137).
 */
export function noTableLine(input: string, problems: readonly Problem[], readProblems: readonly Problem[]): string {
  const unread = problems.find(isUnreadTableProblem);
  const veryHidden = problems.find(isVeryHiddenProblem);
  const leftOut = readProblems.map((p) => ` ${quotedSheet(p.sheet)}!${p.cell}: ${p.message}.`).join("");
  return (
    `rag-scorecard build: no indicator or activity table recognised in ${input}. ` +
    (unread
      ? `${unread.sheet}!${unread.cell}: ${unread.message}`
      : veryHidden
        ? `${veryHidden.message} Make it visible to rate it.`
        : "Looked on every sheet for a header row naming indicators (ref, target, actual or a period such as \"Q3 YTD Actual\") " +
          "or activities (description or action, with status, progress or due date)." +
          leftOut)
  );
}

/** A sheet's name as a reference quotes it: 'Officer''s sheet'. */
const quotedSheet = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/**
 * The reader's warnings, one line each naming sheet and cell: cells far from the data left out, and formulas
 * with no result (or one not to be trusted) on the sheets that hold a tracker, `trackers` (a budget sheet's
 * formulas rate nothing: telling of them on every sheet was noise, helper-76).
 */
export function readWarnings(read: Pick<PackageRead, "problems"> & Partial<Pick<PackageRead, "formulaProblems">>, trackers: ReadonlySet<string> = new Set()): string[] {
  const told = [...read.problems, ...(read.formulaProblems ?? []).filter((p) => trackers.has(p.sheet))];
  return told.map((p) => `  Warning: ${quotedSheet(p.sheet)}!${p.cell}: ${p.message}`);
}

function fail(message: string, code: number): number {
  console.error(`rag-scorecard build: ${message}`);
  return code;
}

/** Any failure as one line and its exit code: never a stack trace. */
function failure(e: unknown, input: string): number {
  if (e instanceof UsageError) return fail(e.message, EXIT.usage);
  if (e instanceof OutputError) return fail(e.message, EXIT.unwritable);
  if (e instanceof InputError) return fail(e.message, EXIT.unreadable);
  const line = (e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0];
  return fail(`${input} could not be read: ${line}`, EXIT.unreadable);
}

export async function build(argv: string[]): Promise<number> {
  const args = parseBuildArgs(argv);
  if (typeof args === "string") return fail(args, EXIT.usage);
  const clash = checkBuildPaths(args.input, args.output, args.json);
  if (clash) return fail(clash, EXIT.usage);
  // Written through links, to the files they name; never over a device.
  const outputPlace = writePlace(args.output, "-o");
  if ("error" in outputPlace) return fail(outputPlace.error, EXIT.usage);
  const jsonPlace = args.json === undefined ? undefined : writePlace(args.json, "--json");
  if (jsonPlace && "error" in jsonPlace) return fail(jsonPlace.error, EXIT.usage);
  const placed: BuildArgs = { ...args, output: outputPlace.path, ...(jsonPlace ? { json: jsonPlace.path } : {}) };
  let read: PackageRead | undefined;
  let jsonTemp: string | undefined;
  settingsForInput(args.input);
  // Stopped part-way (Ctrl-C, a scheduler's kill): the temporary files go, as on any other failure.
  const temps = [tempPathBeside(placed.output), ...(placed.json ? [tempPathBeside(placed.json)] : [])];
  const stopped = (signal: NodeJS.Signals): void => {
    for (const t of temps) removeQuietly(t);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", stopped);
  process.once("SIGTERM", stopped);
  try {
    read = await readPackage(args.input, args.input, { skipOwnSummaries: true, windowHistory: true });
    // The reader's garbage goes before the engine starts building on top of it.
    if (read.grids.reduce((n, g) => n + g.values.length, 0) > COLLECT_ABOVE_RECORDS) collectGarbage();
    const kind = checkOutputKind(args.output, isMacroEnabled(read));
    if (kind) return fail(kind, EXIT.usage);
    let outcome = planBuild(read, placed);
    if (outcome === "whole") {
      // The run needs history above the window (an earlier quarter run again, rows sorted by hand): all of it.
      const whole = await read.readWhole();
      read.grids = read.grids.map((g) => (g.skippedRows !== undefined && whole ? whole : g));
      outcome = planBuild(read, placed);
      if (outcome === "whole") throw new Error("the history sheet could not be read whole");
    }
    if (!outcome) return EXIT.noTables;
    jsonTemp = outcome.jsonTemp;
    const plans = outcome.plans;
    outcome.plans = [];
    // The run is gone: its garbage goes now, not on top of the writer's buffers.
    if (outcome.records > COLLECT_ABOVE_RECORDS) collectGarbage();
    const json = placed.json && jsonTemp ? [{ temp: jsonTemp, path: placed.json }] : [];
    // The workbook and the report go in place together, or neither does.
    const report = await writePatchedPackage(read, plans, placed.output, outcome.stale, outcome.history, async (temp) =>
      commitFiles([{ temp, path: placed.output }, ...json], (path) => tempPathBeside(path, "old")),
      outcome.rowKeys,
    );
    console.log(outcome.headline.join("\n"));
    for (const note of report.notes) console.log(`  Note: ${note}`);
    for (const line of readWarnings(read, outcome.trackers)) console.log(line);
    return EXIT.done;
  } catch (e) {
    return failure(e, args.input);
  } finally {
    process.off("SIGINT", stopped);
    process.off("SIGTERM", stopped);
    read?.pkg.close();
    if (jsonTemp) removeQuietly(jsonTemp);
  }
}
