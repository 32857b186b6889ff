// The add-in's commands, as the pane and the ribbon call them. Each is one Excel.run (with the options of
// run-options.ts) with a fixed number of requests, whatever the row count:
//   1 facts      sheet names, visibility, protection, tables              (facts.ts)
//   2 read       every tracker's values and number formats, merged areas (ExcelApi 1.13), the first
//                columns' widths, every sheet's ownership mark and our record            (read.ts)
//     … the engine rates the workbook and plans every write; anything refused (a protected sheet)
//       is refused here, before a single write …
//   3 sizes      only when our column lies beyond the widths already read               (capture.ts)
//   4 write      our record first, whole-format backups of the cells about to be coloured (backup.ts),
//                then colours, summary, rules sheet                                     (apply.ts)
// Apply colours: 3 (4 when a width must be read). Build summary: 3, plus one per further 4 MB written.
// Reading past ~5 MB of cell data adds requests in proportion to the data; nothing grows with the
// number of rows otherwise.
import { layoutRulesSheet, RULES_SHEET } from "../engine/rules-sheet/rules-sheet";
import { HISTORY_SHEET } from "../engine/history/types";
import type { ScorecardRun } from "../engine/scorecard";
import { runScorecard } from "../engine/scorecard";
import type { SheetPlan } from "../engine/vocab/plan";
import type { Problem, Scheme, SheetGrid } from "../engine/vocab/types";
import { cellValue } from "../engine/read/cells";
import { officersStale, recordInPlace } from "../engine/trackers/foreign";
import type { ColumnOverride } from "../engine/rate/workbook";
import type { ExcelRun, XlRequestContext } from "./api";
import type { AppliedSheet } from "./apply";
import { appliedSheets, writePlans } from "./apply";
import { captureFormats } from "./capture";
import { queueDrawingChecks } from "./drawings";
import { queueConditionalFillChecks, notListedProblems } from "./conditional-fills";
import { DEFAULT_BUDGET } from "./chunk";
import type { WorkbookFacts } from "./facts";
import { queueFacts, same } from "./facts";
import { encodeHint } from "./hint";
import type { ReadOptions, WorkbookRead } from "./read";
import { historyHint, readSheets, readWholeHistory } from "./read";
import { historyInPlace } from "./history-write";
import type { RemoveResult } from "./remove";
import { removeColours } from "./remove";
import { unknownCommittee } from "./errors";
import { resolveTargets } from "./targets";
import { writtenCells, type SheetMemory } from "./saved";
import { followGrid, type MovedBackups } from "./moved-rows";
import { sheetRowKeys, type RowKey } from "../engine/trackers/row-keys";
import { appliedMessage, removedMessage } from "./messages";
import { runAs, undoSentence } from "./run-options";

export interface CommandSettings {
  preset?: string;
  period?: string;
  reportDate?: string;
  committee?: string;
  columnOverrides?: ColumnOverride[];
}

export interface CommandResult {
  run: ScorecardRun;
  /** context.sync() calls made by the whole command, reading included. */
  syncs: number;
  sheets: AppliedSheet[];
  /** One plain sentence for the user. */
  message: string;
  /** What Excel's Undo does after this command, in one sentence (run-options.ts). */
  undo: string;
}

export type CommandProgress = (fraction: number, step: string) => void;

interface Opened {
  facts: WorkbookFacts;
  read: WorkbookRead;
  syncs: number;
  /** The record of each sheet sorted since its backups were made, moved to its rows (followSorts). */
  moved: Map<string, MovedBackups>;
}

async function open(context: XlRequestContext, opts: ReadOptions = {}): Promise<Opened> {
  const readFacts = queueFacts(context);
  await context.sync();
  const facts = readFacts();
  const read = await readSheets(context, facts, opts);
  // Before the engine reads which cells are ours (`written`): ours moved with the rows.
  const moved = followSorts(read.grids, read.state.saved);
  return { facts, read, syncs: 1 + read.syncs, moved };
}

const isRules = (p: SheetPlan): boolean => p.action === "create" && same(p.sheet, RULES_SHEET);
// The history is recorded by Apply colours as well as by Build summary (issue 14).
const isHistory = (p: SheetPlan): boolean => p.action === "create" && same(p.sheet, HISTORY_SHEET);

/**
 * Rate the workbook; where the history's window of latest periods was not enough (engine/history/run.ts),
 * read the history whole and rate again.
 */
async function scoreWithHistory(context: XlRequestContext, opened: Opened, settings: CommandSettings, today: string): Promise<ScorecardRun> {
  const first = score(opened.read, settings, today);
  if (!first.historyIncomplete) return first;
  opened.syncs += await readWholeHistory(context, opened.read);
  return score(opened.read, settings, today);
}

/** Rate the workbook. Settings given explicitly win over the workbook's Scorecard Rules sheet, and are saved with it. */
function score(read: WorkbookRead, settings: CommandSettings, today: string): ScorecardRun {
  const run = runScorecard(read.grids, {
    preset: settings.preset || undefined,
    period: settings.period || undefined,
    reportDate: settings.reportDate || undefined,
    committee: settings.committee || undefined,
    columnOverrides: settings.columnOverrides,
    today,
    // Every sheet ours by its mark too (a history a person renamed is read, and must never be rated).
    ownedSheets: [...read.state.owned.map((o) => o.sheet), ...read.state.notTrackers],
    written: writtenCells(read.state.saved),
  });
  // A misspelt committee would otherwise build nothing and report "no table found" (issue 12 item 4).
  if (run.committeeError) throw unknownCommittee(run.committeeError);
  if (settings.committee && run.settings.committee !== settings.committee) {
    // The engine takes the committee for this run only; the rules sheet must carry it too.
    run.settings = { ...run.settings, committee: settings.committee };
    run.plans = run.plans.map((p) => (isRules(p) ? layoutRulesSheet(run.scheme, run.settings) : p));
  }
  return run;
}

/**
 * Recorded cells of ours no run writes now that hold an officer's value, as read this run
 * (trackers/foreign.ts officersStale): never cleared as ours.
 */
function officersCells(grids: SheetGrid[], scheme?: Scheme): (sheet: string, row: number, col: number) => boolean {
  const bySheet = new Map<string, (row: number, col: number) => boolean>();
  return (sheet, row, col) => {
    let theirs = bySheet.get(sheet);
    if (!theirs) {
      const grid = grids.find((g) => same(g.name, sheet));
      bySheet.set(sheet, (theirs = grid ? officersStale((r, c) => cellValue(grid, r, c), scheme) : () => false));
    }
    return theirs(row, col);
  };
}

/** Whether a sheet's record is where its cells are now (trackers/foreign.ts recordInPlace). */
function recordsInPlace(grids: SheetGrid[], saved: Record<string, SheetMemory>, scheme?: Scheme): (sheet: string) => boolean {
  return (sheet) => {
    const grid = grids.find((g) => same(g.name, sheet));
    const mem = saved[sheet];
    return !grid || !mem || recordInPlace(mem.values.rects(), (r, c) => cellValue(grid, r, c), scheme);
  };
}

/**
 * The record of each sheet the officer sorted since its backups were made (moved-rows.ts), moved to the rows its
 * records are on now (`saved`, changed in place), by sheet; the record sheet follows in the write (apply.ts).
 */
function followSorts(grids: SheetGrid[], saved: Record<string, SheetMemory>): Map<string, MovedBackups> {
  const out = new Map<string, MovedBackups>();
  for (const sheet of Object.keys(saved)) {
    const grid = grids.find((g) => same(g.name, sheet));
    const moved = grid && followGrid(saved[sheet], grid);
    if (moved) out.set(sheet, moved);
  }
  return out;
}

/** Plans, targets, capture, writes: the write half shared by Apply colours and Build summary. */
async function execute(context: XlRequestContext, opened: Opened, plans: SheetPlan[], activate: boolean, progress?: CommandProgress, hint?: string, sc?: ScorecardRun): Promise<{ sheets: AppliedSheet[]; syncs: number }> {
  const scheme = sc?.scheme;
  const { facts, read } = opened;
  const targets = resolveTargets(plans, facts, read.state.owned); // throws, naming the sheet, before anything is written
  for (const t of targets) {
    // Our history, read this run: written from its first changed row (about one period), not replaced whole.
    const cut = t.replaces && isHistory(t.plan) ? historyInPlace(t.plan, read.grids.find((g) => same(g.name, t.sheet))) : undefined;
    if (cut) Object.assign(t, { plan: cut, inPlace: true, replaces: undefined });
    // A plan of the latest periods only must never replace the sheet: the rows above it would be lost.
    else if (isHistory(t.plan) && (t.plan.blocks[0]?.row ?? 0) > 0) throw new Error(`The history sheet '${t.sheet}' changed while it was read: nothing was written. Run the command again.`);
  }
  progress?.(0.5, "Saving the formats about to change");
  const edits = targets.filter((t) => t.plan.action === "edit");
  const { moved } = opened;
  const keys = new Map<string, ReadonlyMap<number, RowKey>>();
  const rowKeys = (sheet: string): ReadonlyMap<number, RowKey> | undefined => {
    const grid = read.grids.find((g) => same(g.name, sheet));
    if (!sc || !grid) return undefined;
    if (!keys.has(sheet)) keys.set(sheet, sheetRowKeys(grid, sc.result.tables));
    return keys.get(sheet);
  };
  const sheets = context.workbook.worksheets;
  // Conditional formats over our columns are read with the formats about to change (a request of reads, which
  // can be sent again without them where Excel refuses to list them: office-js#6827); drawings once the
  // statuses are written, where they then sit, in the write's last request (the command line's warnings).
  const coloured = new Set(edits.map((t) => t.sheet));
  const places = (sc?.statusPlaces ?? []).filter((p) => coloured.has(p.sheet));
  const capture = (firstReads?: () => void) =>
    captureFormats(
      context,
      edits.map((t) => ({ ws: sheets.getItem(t.sheet), plan: t.plan, memory: read.state.saved[t.sheet], grid: read.grids.find((g) => g.name === t.sheet), widths: read.widths[t.sheet] })),
      DEFAULT_BUDGET,
      facts.state && sheets.getItem(facts.state.name),
      firstReads,
    );
  let fills: () => Problem[] = () => [];
  let refused = 0;
  let cap: Awaited<ReturnType<typeof captureFormats>>;
  try {
    cap = await capture(places.length ? () => void (fills = queueConditionalFillChecks(context, places)) : undefined);
  } catch (e) {
    if (!places.length) throw e;
    refused = 1;
    fills = () => notListedProblems(places, e);
    cap = await capture();
  }
  progress?.(0.7, "Writing");
  const captures = new Map(edits.map((t, i) => [t, cap.captures[i]]));
  let covered: () => Problem[] = () => [];
  const lastReads = places.length ? () => void (covered = queueDrawingChecks(context, places)) : undefined;
  const written = await writePlans(context, { facts, state: read.state, targets, captures, activate, hint, theirs: officersCells(read.grids, scheme), inPlace: recordsInPlace(read.grids, read.state.saved, scheme), merges: (sheet) => read.grids.find((g) => same(g.name, sheet))?.merges ?? [], hidden: (sheet, col) => read.widths[sheet]?.get(col) === 0, lastReads, moved: (sheet) => moved.get(sheet), rowKeys }, DEFAULT_BUDGET);
  sc?.result.problems.push(...fills(), ...covered());
  return { sheets: appliedSheets(targets), syncs: opened.syncs + refused + cap.syncs + written.syncs };
}

/** Reads and rates the workbook; writes nothing. Two requests (more only past ~5 MB of cell data). */
export async function detectScorecard(run: ExcelRun, settings: CommandSettings, today: string): Promise<ScorecardRun> {
  return runAs(run, "read", async (context) => scoreWithHistory(context, await open(context, { isSetSupported: run.isSetSupported }), settings, today));
}

/** Colours the trackers and saves the settings in the Scorecard Rules sheet. */
export async function applyColoursCommand(run: ExcelRun, settings: CommandSettings, today: string, progress?: CommandProgress): Promise<CommandResult> {
  return runAs(run, "apply", async (context) => {
    progress?.(0, "Reading the workbook");
    const opened = await open(context, { isSetSupported: run.isSetSupported, widths: true });
    progress?.(0.35, "Rating");
    const sc = await scoreWithHistory(context, opened, settings, today);
    const plans = sc.plans.filter((p) => p.action === "edit" || isRules(p) || isHistory(p));
    const done = await execute(context, opened, plans, false, progress, encodeHint(opened.read.grids, plans, historyHint(plans, sc.historyWindow)), sc);
    progress?.(1, "Done");
    return { run: sc, ...done, message: appliedMessage(sc, done.sheets, false), undo: undoSentence(run, "apply") };
  });
}

/** Colours the trackers, builds the summary sheet(s) and saves the settings; shows the first summary. */
export async function buildSummaryCommand(run: ExcelRun, settings: CommandSettings, today: string, progress?: CommandProgress): Promise<CommandResult> {
  return runAs(run, "summary", async (context) => {
    progress?.(0, "Reading the workbook");
    const opened = await open(context, { isSetSupported: run.isSetSupported, widths: true });
    progress?.(0.35, "Rating");
    const sc = await scoreWithHistory(context, opened, settings, today);
    // Summaries first, so the sheet shown is a summary and not the rules sheet.
    const plans = [...sc.plans.filter((p) => p.action === "create" && !isRules(p)), ...sc.plans.filter((p) => p.action === "edit" || isRules(p))];
    const done = await execute(context, opened, plans, true, progress, encodeHint(opened.read.grids, plans, historyHint(plans, sc.historyWindow)), sc);
    progress?.(1, "Done");
    return { run: sc, ...done, message: appliedMessage(sc, done.sheets, true), undo: undoSentence(run, "summary") };
  });
}

/** Puts back every format Apply colours replaced and clears the add-in's own columns. */
export async function removeColoursCommand(run: ExcelRun, progress?: CommandProgress): Promise<RemoveResult & { message: string; undo: string }> {
  progress?.(0, "Removing colours");
  const result = await removeColours(run);
  progress?.(1, "Done");
  return { ...result, message: removedMessage(result), undo: undoSentence(run, "remove") };
}

/** Writes the settings to the Scorecard Rules sheet only: facts, the rules sheet (when there is one), the write. */
export async function saveSettingsCommand(run: ExcelRun, settings: CommandSettings, today: string): Promise<void> {
  await runAs(run, "save", async (context) => {
    const opened = await open(context, { only: [RULES_SHEET] });
    const sc = await scoreWithHistory(context, opened, settings, today);
    await execute(context, opened, sc.plans.filter(isRules), false);
  });
}
