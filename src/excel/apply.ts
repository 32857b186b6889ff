// Execute sheet plans in Excel. The write phase (writePlans) is one request while it stays under
// the 4 MB budget and one more per further 4 MB: our record first (so Remove colours can undo whatever
// lands even if a later write fails), then restores of cells an earlier run coloured and this one no
// longer does, new sheets, values, formats and layout.
// applyPlans is the stand-alone form for plans made elsewhere: facts, our record (when the workbook has
// one), the formats about to be replaced (edit plans only), the writes: 2 to 4 requests.
import type { SheetPlan } from "../engine/vocab/plan";
import type { CellRange } from "../engine/vocab/types";
import { unionRange } from "../engine/vocab/address";
import type { ExcelRun, XlRequestContext, XlWorksheet } from "./api";
import { captureFormats } from "./capture";
import { Batcher, DEFAULT_BUDGET, OP_OVERHEAD } from "./chunk";
import type { WorkbookFacts } from "./facts";
import { findSheet, queueFacts } from "./facts";
import { queueRestore, queueSavedFormats, queueWholeClears } from "./formats";
import { queueHintWrite } from "./hint";
import { readSheets } from "./read";
import type { Capture, SavedFormat, SheetMemory } from "./saved";
import { allocateColumns, emptyMemory, leaveMergedAlone, mergeBackups, mergeStyled, styledOutside } from "./saved";
import { queueBackup, queueCopyBack, queueRealign, queueRecordClears, realignments } from "./backup";
import { keysKept, type MovedBackups } from "./moved-rows";
import type { RowKey } from "../engine/trackers/row-keys";
import { CellSet, cellsWithin } from "./cells";
import type { StateRecord } from "./state";
import { queueMark, queueStateCells, queueStateSheet, stateCells, statePlace } from "./state";
import type { Target } from "./targets";
import { ownedAfter, resolveTargets } from "./targets";
import { queuePlan } from "./write";
import { runAs } from "./run-options";
import { refusedWrite } from "./errors";
import { rangeAddress } from "./a1";

export interface ApplyOptions {
  /** Request size at which work is split over another sync (default 4 MB, under Excel on the web's 5 MB). */
  budgetBytes?: number;
  /** Show the first sheet created (Build summary). */
  activate?: boolean;
}

export interface AppliedSheet {
  plan: string;
  sheet: string;
  action: SheetPlan["action"];
}

export interface ApplyResult {
  /** Where each plan went: a create plan may land on "Summary (2)" when a user's sheet is called "Summary". */
  sheets: AppliedSheet[];
  cellsWritten: number;
  /** context.sync() calls made. */
  syncs: number;
}

export interface WriteJob {
  facts: WorkbookFacts;
  state: StateRecord;
  targets: Target[];
  /** The formats each edit target is about to lose, by target. */
  captures: Map<Target, Capture>;
  activate?: boolean;
  /** Sheet sizes read this time (hint.ts), for the next read. */
  hint?: string;
  /** Whether a cell of ours from an earlier run holds an officer's value now (trackers/foreign.ts officersStale): then it is not cleared. */
  theirs?: (sheet: string, row: number, col: number) => boolean;
  /**
   * Whether a sheet's record is where its cells are (trackers/foreign.ts recordInPlace): columns inserted
   * before ours with live colours off would put the backups of cells no longer coloured on an officer's.
   */
  inPlace?: (sheet: string) => boolean;
  /** The merged areas of a sheet, as read this run (ExcelApi 1.13; none known without it). */
  merges?: (sheet: string) => CellRange[];
  /** Whether a column is hidden now (read.ts reads the first columns' widths, a hidden one as 0); unknown: false. */
  hidden?: (sheet: string, col: number) => boolean;
  /** Reads queued after every write, in the write's last request: what they see is the sheets as written (drawings.ts). */
  lastReads?: () => void;
  /** Backups of rows the officer sorted since they were made (moved-rows.ts), by sheet: the record follows its rows first. */
  moved?: (sheet: string) => MovedBackups | undefined;
  /** The key of each record's row as read this run (engine/trackers/row-keys.ts), by sheet: kept with the row's backups. */
  rowKeys?: (sheet: string) => ReadonlyMap<number, RowKey> | undefined;
}

export function appliedSheets(targets: Target[]): AppliedSheet[] {
  return targets.map((t) => ({ plan: t.plan.sheet, sheet: t.sheet, action: t.plan.action }));
}

/** Queue every write of a command and send it. Returns cells written and syncs used. */
export async function writePlans(context: XlRequestContext, job: WriteJob, budget: number): Promise<{ cellsWritten: number; syncs: number }> {
  try {
    return await queueWrites(context, job, budget);
  } catch (e) {
    throw refusedWrite(e, job.targets.filter((t) => t.plan.action === "edit").map((t) => ({ sheet: t.sheet, cells: planArea(t.plan) })));
  }
}

/** The rectangle around every cell a plan writes or formats, as an A1 address ("M3:N13"). */
function planArea(plan: SheetPlan): string {
  // Reduced, not spread: a plan may hold 100,000 rows.
  const widest = (values: unknown[][]): number => values.reduce((n: number, v) => Math.max(n, v.length), 1);
  const rects = [...plan.blocks.map((b) => ({ top: b.row, left: b.col, bottom: b.row + b.values.length - 1, right: b.col + widest(b.values) - 1 })), ...plan.styles.flatMap((g) => g.ranges)];
  if (!rects.length) return "no cells";
  const around = rects.reduce(unionRange);
  return rangeAddress(around);
}

async function queueWrites(context: XlRequestContext, job: WriteJob, budget: number): Promise<{ cellsWritten: number; syncs: number }> {
  const { facts, state, targets } = job;
  const sheets = context.workbook.worksheets;
  const memory: Record<string, SheetMemory> = Object.fromEntries(Object.entries(state.saved).filter(([name]) => findSheet(facts, name)));
  // Rows sorted since their backups were made: the backups move to the rows' places now, in new columns.
  const realign = realignments(memory, job.moved);
  // Our columns an earlier run sized (their widths are in the record, taken before this run's backups join
  // it) and hidden now: the officer hid them since, and they stay hidden.
  // Out of place (columns inserted or deleted before ours), the record's widths are of other columns now.
  const hiddenSince = (t: Target): number[] =>
    job.inPlace && !job.inPlace(t.sheet) ? [] : t.plan.columnWidths.map((w) => w.col).filter((col) => state.saved[t.sheet]?.widths.has(col) && job.hidden?.(t.sheet, col));
  const keepHidden = new Map(targets.map((t) => [t, new Set(hiddenSince(t))]));
  const stale: { sheet: string; mem: SheetMemory; kept?: Map<number, SavedFormat>; clearWhole: CellRange[] }[] = [];
  const fresh: { sheet: string; cells: CellSet }[] = [];
  for (const t of targets) {
    const cap = job.captures.get(t);
    if (!cap) continue;
    const merged = mergeBackups(memory[t.sheet], cap);
    const merges = job.merges?.(t.sheet) ?? [];
    // A cell of a merged area cannot be backed up (Excel refuses to copy part of one): written into whole
    // (our two columns merged on a row), it gets no backup and the record lists none.
    const freshRects = merges.length ? merged.fresh.rects() : [];
    for (const { row, col } of merges.flatMap((m) => cellsWithin(freshRects, m))) {
      merged.fresh.delete(row, col);
      merged.keep.backed.delete(row, col);
    }
    // A cell of ours the officer has typed a figure into is theirs now: not cleared as one we no longer write.
    for (const c of t.plan.leaveAlone ?? []) merged.stale.values.delete(c.row, c.col);
    // Nor is one an earlier run wrote that this run does not (the table ends higher up now) once it holds the officer's value.
    if (job.theirs) for (const r of merged.stale.values.rects()) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (job.theirs(t.sheet, row, col)) merged.stale.values.delete(row, col);
    // Where the record's positions no longer hold our cells (columns inserted or deleted before ours with live
    // colours off), the backups of cells no longer coloured are forgotten: put back now or later, they would
    // land on an officer's column.
    // Nor is one inside a merged area an officer made since: Excel refuses part of one, and it is theirs now.
    const { inMerge, clearWhole } = leaveMergedAlone(merged.stale, merges);
    if (job.inPlace && !job.inPlace(t.sheet)) {
      merged.stale.backed = new CellSet();
      merged.stale.widths = new Map();
    }
    merged.keep.styled = mergeStyled(memory[t.sheet], styledOutside(t.plan));
    const keys = job.rowKeys?.(t.sheet) ?? memory[t.sheet]?.keys;
    if (keys) merged.keep.keys = keysKept(merged.keep, keys);
    memory[t.sheet] = merged.keep;
    stale.push({ sheet: t.sheet, mem: merged.stale, kept: cap.kept && new Map([...cap.kept].filter(([key]) => !inMerge(key))), clearWhole });
    fresh.push({ sheet: t.sheet, cells: merged.fresh });
  }
  allocateColumns(memory, realign.flatMap((r) => [...r.was.values()]));

  const writes = new Batcher(context, budget);
  const place = statePlace(facts);
  await queueStateSheet(writes, context, place);
  const record = sheets.getItem(place.name);
  for (const r of realign) await queueRealign(writes, record, place.name, r.cells, r.was, r.now, r.moved);
  // The queue runs in order, across syncs too. Backups of the cells coloured for the first time come first
  // (into columns no earlier backup uses, saved.ts allocateColumns), then the record listing them: a copy
  // Excel refuses stops the request before the record changes, so the old record stays true and Remove
  // colours keeps working. Then cells an earlier run coloured that this run no longer does, then colours.
  // Formats an older record saved property by property go back before that, so the backups are the officer's.
  for (const s of stale) if (s.mem.cells.size) await queueRestore(writes, sheets.getItem(s.sheet), { ...emptyMemory(), cells: s.mem.cells });
  for (const f of fresh) await queueBackup(writes, record, f.sheet, f.cells, memory[f.sheet].cols);
  await queueStateCells(writes, context, place, state.rows, stateCells(ownedAfter(facts, state.owned, targets), memory));
  // Once the record names the new columns, the old ones go.
  for (const r of realign) await queueRecordClears(writes, record, [...r.was.values()], r.rows);
  for (const s of stale) {
    await queueRestore(writes, sheets.getItem(s.sheet), { ...s.mem, cells: new Map() });
    await queueWholeClears(writes, sheets.getItem(s.sheet), s.clearWhole);
    await queueCopyBack(writes, sheets.getItem(s.sheet), record, place.name, s.mem.backed, s.mem.cols);
    // What the officer changed there since, that the copy must not undo: read for these very cells
    // (capture.ts), unless their backups were given up (the record out of place).
    if (s.kept && s.mem.backed.size) await queueSavedFormats(writes, sheets.getItem(s.sheet), s.kept);
  }

  const creates = targets.filter((t) => t.plan.action === "create" && !t.inPlace);
  const created = new Map<Target, XlWorksheet>();
  if (creates.length) {
    const taken = new Set(facts.sheets.map((s) => s.name.toLowerCase()));
    let temp = 0;
    const tempName = (): string => {
      let n: string;
      do n = `RAG scorecard tmp ${++temp}`;
      while (taken.has(n.toLowerCase()));
      taken.add(n.toLowerCase());
      return n;
    };
    await writes.add(OP_OVERHEAD * 6 * creates.length, () => {
      for (const t of creates) {
        if (t.replaces) {
          // Add first, under a temporary name, so the workbook never runs out of visible sheets.
          const ws = sheets.add(tempName());
          const old = sheets.getItem(t.replaces.name);
          // Excel refuses to delete a very hidden sheet: it is made hidden first.
          if (findSheet(facts, t.replaces.name)?.visibility === "VeryHidden") old.visibility = "Hidden";
          old.delete();
          ws.name = t.sheet;
          ws.position = t.replaces.position;
          created.set(t, ws);
        } else created.set(t, sheets.add(t.sheet));
        // Our mark, so a later run (or the command line) knows the sheet is ours, even renamed.
        queueMark(created.get(t)!, t.plan.sheet);
      }
    });
  }

  let cellsWritten = 0;
  for (const t of targets) cellsWritten += await queuePlan(writes, created.get(t) ?? sheets.getItem(t.sheet), t.plan, keepHidden.get(t));
  const first = creates[0] && created.get(creates[0]);
  if (job.activate && first) await writes.add(OP_OVERHEAD, () => first.activate());
  if (job.hint) await queueHintWrite(writes, context, job.hint);
  if (job.lastReads) await writes.add(OP_OVERHEAD, job.lastReads);
  await writes.flush();
  return { cellsWritten, syncs: writes.syncs };
}

export async function applyPlans(run: ExcelRun, plans: SheetPlan[], opts: ApplyOptions = {}): Promise<ApplyResult> {
  const budget = opts.budgetBytes ?? DEFAULT_BUDGET;
  return runAs(run, "apply", async (context) => {
    const readFacts = queueFacts(context);
    await context.sync();
    const facts = readFacts();
    const read = await readSheets(context, facts, { only: [] });
    const targets = resolveTargets(plans, facts, read.state.owned); // throws, naming the sheet, before anything is written
    const edits = targets.filter((t) => t.plan.action === "edit");
    const sheets = context.workbook.worksheets;
    const cap = await captureFormats(
      context,
      edits.map((t) => ({ ws: sheets.getItem(t.sheet), plan: t.plan, memory: read.state.saved[t.sheet] })),
      budget,
      facts.state && sheets.getItem(facts.state.name),
    );
    const captures = new Map(edits.map((t, i) => [t, cap.captures[i]]));
    const written = await writePlans(context, { facts, state: read.state, targets, captures, activate: opts.activate }, budget);
    return { sheets: appliedSheets(targets), cellsWritten: written.cellsWritten, syncs: 1 + read.syncs + cap.syncs + written.syncs };
  });
}
