// Read the sheets into SheetGrids for the engine, after the facts request (facts.ts) named them.
// A used range needs its sheet's name, so sizes cannot be known before this request; three ways in:
//   whole    one request: every used range with values and number formats, the tables' ranges and
//            our record. Used when the last read (hint.ts) was small, or there is no hint.
//   hinted   the last read was over ~4 MB: sizes plus a first ~4 MB slice planned from the hint,
//            then the rest in ~4 MB slices. 1 + ceil(data / 4 MB) requests, none refused.
//   careful  Excel refused the whole read (Excel on the web: 5 MB, or past 512 merged areas in a band):
//            sizes, then the merged areas banded over the sizes found, then slices.
// Slices are sized in bytes (slices.ts): from the hint's bytes per cell, or an assumed 50 bytes a cell
// until the first response, then from the bytes each response carried, per sheet.
// So reading costs 1 request up to ~4–5 MB of cell data and grows only with the data beyond.
// Sheets that look like our summaries (their tab colour) are sized but not read: the record sheet
// says whether they are ours; a user's sheet that only shares the colour is read afterwards.
// The Scorecard History sheet (its name or tab colour) has only its values read, in the first request.
import type { CellRange, CellValue, SheetGrid } from "../engine/vocab/types";
import type { SheetPlan } from "../engine/vocab/plan";
import type { ExcelRun, IsSetSupported, XlColumnProperties, XlRange, XlRangeAreas, XlRequestContext, XlWorksheet } from "./api";
import { areasOfAddress, MAX_COLS, MAX_ROWS, rangeAddress } from "./a1";
import { DEFAULT_BUDGET, utf8Bytes } from "./chunk";
import type { SheetHint } from "./hint";
import { tooLarge } from "./errors";
import type { SheetFacts, WorkbookFacts } from "./facts";
import { queueFacts, same } from "./facts";
import type { Area, Slice } from "./slices";
import { CellCosts, readAreas, responseBytes, takeBatch } from "./slices";
import type { StateRecord } from "./state";
import { EMPTY_STATE, parseState } from "./state";
import { keyedBySheet } from "./saved";
import { dateIn1900, toCellValue } from "./values";
import { RULES_SHEET } from "../engine/rules-sheet/rules-sheet";
import { HISTORY_SHEET } from "../engine/history/types";
import { HISTORY_TAB_COLOUR } from "../engine/history/layout";
import type { SheetFacts as OwnerFacts } from "../engine/sheets/ownership";
import { decideOwnership, findStateSheet, isStateSheetName, OWNER_MARK, parseStateRecord } from "../engine/sheets/ownership";
import { runAs } from "./run-options";

export { toCellValue };

export const MAX_CELLS = 5_000_000;
/**
 * Bytes a cell (value and number format) is taken to cost until a response or the hint says better.
 * Trackers are text-heavy (commentary): assuming 20 bytes, a 100,000-row benchmark tracker had 8 of
 * 22 slices refused as over 5 MB, each a wasted round trip.
 */
const ASSUMED_CELL_BYTES = 50;
/** Margin on the hint's bytes per cell: the response carries more than the values themselves. */
const HINT_MARGIN = 1.2;
/** Tab colour of the summary sheets the layout makes (src/engine/summary/layout.ts). */
export const SUMMARY_TAB_COLOURS = ["#1F3864"];
/** Largest read (as the hint measures it) tried in one request: Excel on the web refuses responses over 5 MB. */
const WHOLE_MAX = 4_000_000;
/** Largest history (its window, as last written) read in the first request; a larger one is read in slices after it. */
const HISTORY_FIRST_MAX = 3_000_000;
/** Bytes a cell's number format ("General") adds to a response, as hint.ts counts it. */
const FORMAT_BYTES = 10;
/** A period cell ("Q3 2021/22") in a response, and the most of them read above a window (~65,000 rows); past that the history is read whole. */
const PERIOD_CELL_BYTES = 16;
const PERIODS_ABOVE_MAX = 1_000_000;

export interface ReadOptions {
  maxCells?: number;
  /** A fixed number of cells per request when the read is sliced (default: sized in bytes as responses come back). */
  chunkCells?: number;
  /** Bytes a request of the sliced read may bring back (default 4 MB, under Excel on the web's 5 MB). */
  sliceBytes?: number;
  /** Read values of these sheets only (others are not read at all). */
  only?: string[];
  /** Also read the widths of the first WIDTH_COLUMNS columns of each sheet read (for Apply colours). */
  widths?: boolean;
  /** The host's requirement check: merged areas are read too where it has ExcelApi 1.13 (queueMerges). */
  isSetSupported?: IsSetSupported;
}

export interface WorkbookRead {
  /** Sheets in tab order, without our record sheet, very hidden sheets or our own summaries. */
  grids: SheetGrid[];
  state: StateRecord;
  /** context.sync() calls made by the read. */
  syncs: number;
  /** Widths in points of each tracker's first WIDTH_COLUMNS columns, read with the sheets (see queueWidths). */
  widths: Record<string, Map<number, number>>;
}

/**
 * Columns whose widths are read with the sheets: Apply colours sets the width of our Status column and
 * must save the width it replaces; reading the first columns now spares a request later in most workbooks.
 */
export const WIDTH_COLUMNS = 40;

function queueWidths(context: XlRequestContext, sheets: SheetFacts[]): () => Record<string, Map<number, number>> {
  const loads = sheets.map((s) => {
    const ws = context.workbook.worksheets.getItem(s.name);
    // One call for the row's columns (ExcelApi 1.9), not a load per column.
    return { name: s.name, cols: ws.getRangeByIndexes(0, 0, 1, WIDTH_COLUMNS).getColumnProperties({ columnHidden: true, format: { columnWidth: true } }) };
  });
  // A hidden column is backed up as 0 points wide, and Remove colours hides it again: Apply colours shows
  // our status column where the officer had hidden the columns right of a tracker (write.ts).
  const width = (col: XlColumnProperties): number | undefined => (col.columnHidden === true ? 0 : col.format?.columnWidth);
  return () => Object.fromEntries(loads.map((l) => [l.name, new Map(l.cols.value.map((col, c) => [c, width(col)]).filter((e): e is [number, number] => typeof e[1] === "number"))]));
}

interface Used {
  sheet: SheetFacts;
  full: boolean;
  /** Values only, no number formats: the history sheet (see looksHistory). */
  valuesOnly?: boolean;
  range: XlRange;
}

const DIMS = "rowIndex,columnIndex,rowCount,columnCount";

function queueUsed(context: XlRequestContext, sheets: SheetFacts[], full: (s: SheetFacts) => boolean, valuesOnly: (s: SheetFacts) => boolean = () => false): Used[] {
  return sheets.map((sheet) => {
    const f = full(sheet);
    const v = !f && valuesOnly(sheet);
    const range = context.workbook.worksheets.getItem(sheet.name).getUsedRangeOrNullObject(true).load(f ? `${DIMS},values,numberFormat` : v ? `${DIMS},values` : DIMS);
    return { sheet, full: f, ...(v ? { valuesOnly: true } : {}), range };
  });
}

/**
 * The Scorecard History sheet, known before the record is read by its name or its tab colour. A pack
 * reads only what it needs: the history's values, in the read request every command already makes
 * (one more load, no more syncs), without number formats (the history writes its figures as numbers
 * and its dates and periods as text), so the read grows by the values alone, a few thousand rows a
 * quarter; its bytes count against the request's budget like any sheet's (readSheets).
 */
function looksHistory(s: SheetFacts): boolean {
  return same(s.name, HISTORY_SHEET) || (s.tabColor !== null && s.tabColor.toUpperCase() === HISTORY_TAB_COLOUR);
}

const VISIBILITY = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;

/**
 * A sheet that may hold our record, so column A is read with the marks: a very hidden one, or one under
 * the record's own name (LibreOffice, which has no "very hidden", saves our record sheet hidden; Gnumeric
 * visible): the sheets findStateSheet may choose.
 */
function mayHoldRecord(s: SheetFacts): boolean {
  return s.visibility === "VeryHidden" || isStateSheetName(s.name);
}

/**
 * Our record, checked rather than trusted (src/engine/sheets/ownership.ts): every sheet's mark and the column A
 * of every very hidden sheet are read with the sheets; the record sheet is the very hidden one carrying
 * our mark, and a sheet counts as ours only when the record lists it and it carries the mark for that plan.
 * Sets facts.state, facts.stateName and facts.stateMarked.
 */
function queueState(context: XlRequestContext, facts: WorkbookFacts, reading: boolean): () => StateRecord {
  const sheets = context.workbook.worksheets;
  // No sheet that may hold a record, so no record: marks matter only to keep our sheets out of a read.
  const none = !facts.sheets.some(mayHoldRecord) && !reading;
  const marks = none ? [] : facts.sheets.map((s) => sheets.getItem(s.name).names.getItemOrNullObject(OWNER_MARK).load("formula"));
  // Column A only: a user's very hidden lookup sheet may be megabytes, and our record is in column A.
  const records = new Map(facts.sheets.filter(mayHoldRecord).map((s) => [s.name, sheets.getItem(s.name).getRange("A:A").getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,values")]));
  return () => {
    const seen: OwnerFacts[] = facts.sheets.map((s, i) => ({ name: s.name, visibility: VISIBILITY[s.visibility], mark: !marks[i] || marks[i].isNullObject ? undefined : String(marks[i].formula) }));
    const at = findStateSheet(seen);
    const range = at && records.get(at.name);
    const parsed = range && !range.isNullObject ? parseState(range.values as unknown[][], { row: range.rowIndex, col: range.columnIndex }) : { ...EMPTY_STATE };
    const a1 = range && !range.isNullObject && range.rowIndex === 0 && range.columnIndex === 0 ? (range.values as unknown[][])[0]?.[0] : undefined;
    const decided = decideOwnership(seen, a1);
    facts.state = at && facts.sheets.find((s) => s.name === at.name);
    facts.stateName = decided.stateSheetName;
    facts.stateMarked = at !== undefined && at.mark !== undefined;
    // Not trackers: sheets carrying our mark, and (for records written before marks) what a well-formed record lists.
    const listed = parseStateRecord(a1);
    const notTrackers = [...decided.ours, ...(listed.ok ? listed.owned.map((o) => o.sheet) : [])];
    // The formats saved are ours only when the record sheet is.
    const saved = at ? keyedBySheet(parsed.saved, facts.sheets.map((s) => s.name)) : {};
    return { ...parsed, owned: decided.owned, saved, notTrackers, notes: decided.notes };
  };
}

function queueTables(facts: WorkbookFacts, sheets: SheetFacts[]): { name: string; sheet: string; totalsRows: number; range: XlRange }[] {
  return facts.tables
    .filter((t) => sheets.some((s) => same(s.name, t.sheet)))
    .map((t) => ({ name: t.name, sheet: t.sheet, totalsRows: t.totalsRows, range: facts.tableItems.items[t.index].getRange().load(DIMS) }));
}

/**
 * Merged areas of each sheet read (getMergedAreasOrNullObject is ExcelApi 1.13), so the engine places our
 * column beside a merged note box, reads a comment merged over several records as each one's, and cuts our
 * column around a merged section row rather than writing or backing up part of a merge. The method fails past
 * 512 areas in the range, so each sheet is asked in bands of rows (Excel lists an area in the band holding its
 * top-left cell, office-js#3611): a tracker merging its comment cells row by row has thousands. Where a band
 * still has more, readSheets asks sizes first, then the merged areas banded over them; where that is refused too it
 * goes without, and a copy Excel refuses is reported naming the sheet (apply.ts).
 */
function queueMerges(
  context: XlRequestContext,
  sheets: SheetFacts[],
  hint: Record<string, SheetHint | undefined>,
  isSetSupported?: IsSetSupported,
  banded = MERGE_BANDED_ROWS,
  bandRows = MERGE_BAND_ROWS,
): { sheet: string; bands: { top: number; rows: number; areas: XlRangeAreas }[] }[] {
  if (!isSetSupported || !safely(() => isSetSupported("ExcelApi", "1.13"))) return [];
  // A band costs ~500 bytes of the request: 300 sheets at 33 bands each made 5.8 MB, which Excel on the web refuses,
  // and the read was made again without merged areas. Past MERGE_BANDS_TOTAL, the bands below the rows the hint
  // knows (there for a sheet grown since) go first: those rows fall to the band for the rest of the sheet.
  const hints = sheets.map((s) => hint[s.name]);
  let floor = banded;
  let most = MERGE_BANDS_MAX;
  const total = (): number => hints.reduce((n, h) => n + mergeBands(h, floor, bandRows, most).length, 0);
  while (floor > 0 && total() > MERGE_BANDS_TOTAL) floor -= MERGE_BAND_ROWS;
  // Still past it with no floor left (asked again over the sizes found: 30 sheets reaching row 1,000,000 made a
  // 6 MB request, refused, and every sheet lost its merged areas): the longest sheets get fewer, wider bands.
  while (most > 1 && total() > MERGE_BANDS_TOTAL) most = Math.floor(most / 2);
  return sheets.map((s, i) => {
    const ws = context.workbook.worksheets.getItem(s.name);
    return {
      sheet: s.name,
      bands: mergeBands(hints[i], floor, bandRows, most).map((b) => ({
        ...b,
        areas: ws.getRangeByIndexes(b.top, 0, Math.min(b.rows + MERGE_OVERLAP, MAX_ROWS - b.top), MAX_COLS).getMergedAreasOrNullObject().load("address"),
      })),
    };
  });
}

/**
 * Rows a band of merged areas holds. Each is asked with the next MERGE_OVERLAP rows too, and keeps the areas
 * starting in it: an area crossing into the next band comes back whole even were Excel to cut areas at the range
 * asked (office-js#1590 reports odd addresses for a range cutting a merge). 512 areas even where every row has two.
 */
const MERGE_BAND_ROWS = 192;
const MERGE_OVERLAP = 64;
/** Rows a band holds when asked again after a refusal: a third as many, so a band of rows merged three or four times over passes too. */
const MERGE_BAND_ROWS_AGAIN = 64;
/** Rows banded where the last read (the hint) knows no more: a band past a sheet's used range costs one null object. */
const MERGE_BANDED_ROWS = 8192;
/** Bands a sheet is asked in at most: past 102,400 rows the bands grow. */
const MERGE_BANDS_MAX = 400;
/** Bands asked over all sheets, ~2 MB of the first request (Excel on the web refuses one over 5 MB). */
const MERGE_BANDS_TOTAL = 4000;

/**
 * The bands of rows a sheet's merged areas are asked in: down to the used range the last read found (and at least
 * `floor` rows), then down to its last merged area where that lies below, then the rest of the sheet; `most` bands
 * at most in each of the first two (wider bands past it). The rows below the cells are banded apart, so that rows
 * formatted far below them (to row 1,048,576) do not widen the bands over the cells.
 */
export function mergeBands(h: SheetHint | undefined, floor = MERGE_BANDED_ROWS, bandRows = MERGE_BAND_ROWS, most = MERGE_BANDS_MAX): { top: number; rows: number }[] {
  const cells = Math.min(MAX_ROWS, Math.max(h ? h.top + h.rows : 0, floor));
  const merged = Math.min(MAX_ROWS, h?.merged ?? 0);
  const bands: { top: number; rows: number }[] = [];
  let top = 0;
  for (const end of [cells, merged]) {
    const size = Math.max(bandRows, Math.ceil((end - top) / most));
    for (; top < end; top += size) bands.push({ top, rows: Math.min(size, MAX_ROWS - top) });
  }
  if (top < MAX_ROWS) bands.push({ top, rows: MAX_ROWS - top });
  return bands;
}

/**
 * Each sheet's formula cells (ExcelApi 1.9): a formula giving "" reads as empty, and the engine must not put
 * our column over it (helper-79). Given up, like merged areas, where Excel refuses the whole read.
 */
function queueFormulas(context: XlRequestContext, sheets: SheetFacts[]): { sheet: string; range: XlRangeAreas }[] {
  return sheets.map((s) => ({ sheet: s.name, range: context.workbook.worksheets.getItem(s.name).getRange().getSpecialCellsOrNullObject("Formulas").load("address") }));
}

/** Each sheet's print area (ExcelApi 1.9), so the engine warns of a status column that will not print. */
function queuePrintAreas(context: XlRequestContext, sheets: SheetFacts[]): { sheet: string; range: XlRangeAreas }[] {
  return sheets.map((s) => ({ sheet: s.name, range: context.workbook.worksheets.getItem(s.name).pageLayout.getPrintAreaOrNullObject().load("address") }));
}

/**
 * Merged areas reaching into a rectangle of a sheet, asked of the range from A1 to its bottom-right corner:
 * Excel lists only the areas whose top-left cell lies in the range asked (OfficeDev/office-js#3611).
 * Undefined where ExcelApi 1.13 is missing. The answer is read after the request carrying it is sent.
 */
export function queueMergesReaching(ws: XlWorksheet, rect: CellRange, isSetSupported?: IsSetSupported): (() => CellRange[]) | undefined {
  if (!isSetSupported || !safely(() => isSetSupported("ExcelApi", "1.13"))) return undefined;
  const areas = ws.getRangeByIndexes(0, 0, rect.bottom + 1, rect.right + 1).getMergedAreasOrNullObject().load("address");
  return () => (areas.isNullObject ? [] : areasOfAddress(areas.address));
}

function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

function emptyGrid(sheet: SheetFacts, u: XlRange): SheetGrid {
  const empty = u.isNullObject;
  return {
    name: sheet.name,
    // Very hidden sheets are not read (readSheets); a hidden one's records are hidden records.
    ...(sheet.visibility === "Hidden" ? { visibility: "hidden" as const } : {}),
    values: new Array<CellValue[]>(empty ? 0 : u.rowCount),
    numberFormats: new Array<string[]>(empty ? 0 : u.rowCount),
    origin: empty ? { row: 0, col: 0 } : { row: u.rowIndex, col: u.columnIndex },
  };
}

function fill(grid: SheetGrid, at: number, values: unknown[][], formats: unknown[][]): void {
  for (let r = 0; r < values.length; r++) {
    grid.values[at + r] = values[r].map(toCellValue);
    grid.numberFormats![at + r] = formats[r].map((f) => String(f));
  }
}

/** Read grids and our record. Call after the facts request. */
export async function readSheets(context: XlRequestContext, facts: WorkbookFacts, opts: ReadOptions = {}): Promise<WorkbookRead> {
  const candidates = facts.sheets.filter((s) => s.visibility !== "VeryHidden" && (!opts.only || opts.only.some((n) => same(n, s.name))));
  // A hidden sheet has no tab colour (null): it is read, and left out afterwards if the record says it is ours.
  const looksOurs = (s: SheetFacts): boolean => (s.tabColor !== null && SUMMARY_TAB_COLOURS.includes(s.tabColor.toUpperCase())) || looksHistory(s);
  const wanted = (s: SheetFacts): boolean => !looksOurs(s);
  const hinted = candidates.filter(wanted).map((s) => ({ s, h: facts.hint[s.name] }));
  // The history comes back in the first response too where it is small (its window of latest periods
  // where the hint names one), its bytes sharing that request's budget; else in the slices that follow.
  const historyBytes = candidates.filter(looksHistory).reduce((n, s) => n + valuesBytes(facts.hint[s.name]), 0);
  // The merged areas and formula cells listed in the first request, as the last read found them.
  const listedBytes = candidates.filter(wanted).reduce((n, s) => n + (facts.hint[s.name]?.listed ?? 0), 0);
  const historyFirst = historyBytes + listedBytes <= HISTORY_FIRST_MAX;
  // The periods above a history's window always come in the first request (queueHistoryWindows).
  const aboveBytes = candidates.reduce((n, s) => n + ((windowOf(facts, s)?.window ?? 1) - 1) * PERIOD_CELL_BYTES, 0);
  const firstBytes = (historyFirst ? historyBytes : 0) + aboveBytes + listedBytes;
  const hintBytes = hinted.reduce((n, x) => n + (x.h?.bytes ?? 0), 0) + firstBytes;
  // Bytes a cell of each sheet, from the hint where it has one.
  const hintCost = (sheet: string): number => {
    const h = facts.hint[sheet];
    const rows = h ? hintedRows(h) : 0;
    return h && h.bytes > 0 && rows * h.cols > 0 ? (h.bytes / (rows * h.cols)) * HINT_MARGIN : ASSUMED_CELL_BYTES;
  };
  const sizing = (fromHint: boolean): { budget: number; costs: CellCosts } =>
    opts.chunkCells !== undefined
      ? { budget: opts.chunkCells, costs: new CellCosts(() => 1, false) }
      : { budget: opts.sliceBytes ?? DEFAULT_BUDGET, costs: new CellCosts(fromHint ? hintCost : () => ASSUMED_CELL_BYTES, true) };
  let sized = sizing(true);
  let syncs = 0;

  // First request: everything (whole), or sizes and a first slice planned from the hint (hinted).
  const whole = hintBytes <= WHOLE_MAX;
  let readState = queueState(context, facts, candidates.length > 0);
  let used = queueUsed(context, candidates, (s) => whole && wanted(s), (s) => historyFirst && looksHistory(s) && !windowOf(facts, s));
  let windows = queueHistoryWindows(context, facts, candidates, historyFirst);
  let tables = queueTables(facts, candidates);
  let merges = queueMerges(context, candidates.filter(wanted), facts.hint, opts.isSetSupported);
  let printAreas = queuePrintAreas(context, candidates.filter(wanted));
  let formulas = queueFormulas(context, candidates.filter(wanted));
  let widths = opts.widths ? queueWidths(context, candidates.filter(wanted)) : () => ({});
  let early: { slice: Slice; range: XlRange; name: string }[] = [];
  if (!whole) {
    const ws = (name: string) => context.workbook.worksheets.getItem(name);
    const scratch = (name: string): SheetGrid => ({ name, values: [], numberFormats: [] });
    const areas: Area[] = hinted.filter((x) => x.h && x.h.rows && x.h.cols).map(({ s, h }) => ({ grid: scratch(s.name), ws: ws(s.name), row: h!.top, col: h!.left, rows: h!.rows, cols: h!.cols }));
    // A first slice where the rest of the first request leaves a quarter of its budget for one.
    const room = sized.budget - firstBytes;
    early = (room >= sized.budget / 4 ? takeBatch(areas, room, sized.costs) : []).map((slice) => ({ slice, name: slice.grid.name, range: slice.ws.getRangeByIndexes(slice.row, slice.col, slice.rows, slice.cols).load("values,numberFormat") }));
  }
  try {
    if (candidates.length || tables.length || facts.sheets.some(mayHoldRecord)) {
      syncs++;
      await context.sync();
    }
  } catch (e) {
    if (!used.some((u) => u.full || u.valuesOnly) && !early.length && !merges.length && !formulas.length) throw e;
    // Refused (too big, or past 512 merged areas): sizes first, then the merged areas in narrower bands, then slices. The formula
    // cells are asked again: an officer's helper formulas giving "" must not lose them to our column (helper-80);
    // only if that is refused too are they given up.
    const askedMerges = merges.length > 0;
    // Each sheet's extent with its formatting (a merged area of blank cells lies outside the values' used range).
    let extents: { sheet: string; range: XlRange }[] = [];
    const sizesOnly = async (withFormulas: boolean): Promise<void> => {
      extents = askedMerges ? candidates.filter(wanted).map((s) => ({ sheet: s.name, range: context.workbook.worksheets.getItem(s.name).getUsedRangeOrNullObject(false).load("rowIndex,rowCount") })) : [];
      readState = queueState(context, facts, candidates.length > 0);
      used = queueUsed(context, candidates, () => false);
      windows = [];
      tables = queueTables(facts, candidates);
      merges = [];
      formulas = withFormulas ? queueFormulas(context, candidates.filter(wanted)) : [];
      printAreas = queuePrintAreas(context, candidates.filter(wanted));
      widths = opts.widths ? queueWidths(context, candidates.filter(wanted)) : () => ({});
      early = [];
      sized = sizing(false);
      syncs++;
      await context.sync();
    };
    try {
      await sizesOnly(formulas.length > 0);
    } catch (again) {
      if (!formulas.length) throw again;
      await sizesOnly(false);
    }
    // The merged areas again, banded down to each sheet's used range now known: on a first run (no hint) the band
    // for the rest of the sheet below row 8,192 could hold more than 512 of them, and a comment merged over
    // several records would read as none. The bands are narrower, in case a band's count was what Excel refused;
    // given up only if Excel refuses this too.
    if (askedMerges) {
      const sizes: Record<string, SheetHint> = {};
      for (const e of extents) {
        if (e.range.isNullObject) continue;
        const u = used.find((x) => x.sheet.name === e.sheet)?.range;
        // The formatted cells below the values are banded apart (mergeBands): one cell formatted on row 1,048,576 must
        // not widen the bands over a tracker merged on every row past 512 areas (2,622 rows each), refused, all lost.
        const cells = u && !u.isNullObject ? u.rowIndex + u.rowCount : 0;
        sizes[e.sheet] = { top: 0, left: 0, rows: cells, cols: 0, bytes: 0, merged: e.range.rowIndex + e.range.rowCount };
      }
      merges = queueMerges(context, candidates.filter(wanted), sizes, opts.isSetSupported, 0, MERGE_BAND_ROWS_AGAIN);
      try {
        syncs++;
        await context.sync();
      } catch {
        merges = [];
      }
    }
  }
  const state = readState();
  for (const x of early) sized.costs.loaded(x.name, responseBytes(x.range.values as unknown[][], x.range.numberFormat as unknown[][]), x.slice.rows * x.slice.cols);

  // Our summaries are left out, whatever their colour, visibility or name (the rules sheet is read: it
  // holds the settings, and the history: it holds the statuses of earlier periods); a sheet that only
  // looked like one is read with the rest.
  const ownedAs = (name: string, plan: string): boolean => same(name, plan) || state.owned.some((o) => same(o.sheet, name) && same(o.plan, plan));
  const notTracker = (name: string): boolean => state.notTrackers.some((n) => same(n, name));
  // A history a person renamed is ours by its mark only (the record names the old name): still read.
  const history = (u: Used): boolean => ownedAs(u.sheet.name, HISTORY_SHEET) || (u.valuesOnly === true && notTracker(u.sheet.name));
  const kept = used.filter((u) => !notTracker(u.sheet.name) || ownedAs(u.sheet.name, RULES_SHEET) || history(u));
  checkSize(kept, opts.maxCells ?? MAX_CELLS);
  const grids = kept.map((u) => emptyGrid(u.sheet, u.range));
  const pending: Area[] = [];
  for (const [i, u] of kept.entries()) {
    if (u.range.isNullObject) continue;
    if (u.full) {
      fill(grids[i], 0, u.range.values as unknown[][], u.range.numberFormat as unknown[][]);
      continue;
    }
    if (u.valuesOnly && history(u)) {
      grids[i].values = (u.range.values as unknown[][]).map((r) => r.map(toCellValue));
      delete grids[i].numberFormats;
      continue;
    }
    // Only our own history (by the record) is rewritten in place below a window; any other is read whole.
    const recorded = state.owned.some((o) => same(o.sheet, u.sheet.name) && same(o.plan, HISTORY_SHEET));
    const h = history(u) && recorded ? windowOf(facts, u.sheet) : undefined;
    const loaded = h && windows.find((w) => w.sheet === u.sheet.name);
    // The sheet as long as we left it (a note typed to its right does not matter: our columns are read).
    if (h && loaded && u.range.rowIndex === 0 && u.range.columnIndex === 0 && u.range.rowCount === h.rows && u.range.columnCount >= h.cols) {
      // The header, the latest periods, and the periods above them; the engine checks the rest.
      const grid = grids[i];
      grid.skippedRows = { top: 1, bottom: h.window - 1, firstColumn: (loaded.above.values as unknown[][]).map((r) => toCellValue(r[0])) };
      if (loaded.header && loaded.window) {
        grid.values[0] = (loaded.header.values as unknown[][])[0].map(toCellValue);
        (loaded.window.values as unknown[][]).forEach((r, k) => (grid.values[h.window + k] = r.map(toCellValue)));
        delete grid.numberFormats;
      } else {
        const ws = context.workbook.worksheets.getItem(u.sheet.name);
        pending.push({ grid, ws, row: 0, col: 0, rows: 1, cols: h.cols, at: 0 }, { grid, ws, row: h.window, col: 0, rows: h.rows - h.window, cols: h.cols, at: h.window });
      }
      continue;
    }
    // Rows a first slice already brought, when the sheet kept the shape the hint gave.
    let done = 0;
    const mine = early.filter((x) => x.name === u.sheet.name);
    if (mine.length && mine.every((x) => x.slice.col === u.range.columnIndex && x.slice.cols === u.range.columnCount) && mine[0].slice.row === u.range.rowIndex) {
      for (const x of mine) {
        const take = Math.max(0, Math.min(x.slice.rows, u.range.rowCount - (x.slice.row - u.range.rowIndex)));
        fill(grids[i], x.slice.row - u.range.rowIndex, (x.range.values as unknown[][]).slice(0, take), (x.range.numberFormat as unknown[][]).slice(0, take));
        done = Math.max(done, x.slice.row - u.range.rowIndex + take);
      }
    }
    if (done < u.range.rowCount) {
      const ws = context.workbook.worksheets.getItem(u.sheet.name);
      pending.push({ grid: grids[i], ws, row: u.range.rowIndex + done, col: u.range.columnIndex, rows: u.range.rowCount - done, cols: u.range.columnCount, at: done });
    }
  }
  syncs += await readAreas(context, pending, sized.budget, sized.costs);

  for (const grid of grids) {
    // Each band keeps the areas starting in its rows (its range reaches into the next band's); one listed twice counts once.
    const areas = new Map<string, CellRange>();
    for (const band of merges.find((m) => m.sheet === grid.name)?.bands ?? []) {
      if (band.areas.isNullObject) continue;
      for (const a of areasOfAddress(band.areas.address)) if (a.top >= band.top && a.top < band.top + band.rows) areas.set(`${a.top},${a.left},${a.bottom},${a.right}`, a);
    }
    if (areas.size) grid.merges = [...areas.values()];
    const printed = printAreas.find((p) => p.sheet === grid.name);
    if (printed && !printed.range.isNullObject) grid.printArea = areasOfAddress(printed.range.address);
    const formulaCells = formulas.find((f) => f.sheet === grid.name);
    if (formulaCells && !formulaCells.range.isNullObject) grid.formulaCells = areasOfAddress(formulaCells.range.address);
    const own = tables.filter((t) => same(t.sheet, grid.name));
    if (own.length) {
      grid.tables = own.map((t) => ({
        name: t.name,
        ...(t.totalsRows ? { totalsRows: t.totalsRows } : {}),
        range: { top: t.range.rowIndex, left: t.range.columnIndex, bottom: t.range.rowIndex + t.range.rowCount - 1, right: t.range.columnIndex + t.range.columnCount - 1 },
      }));
    }
  }
  if (facts.date1904) for (const grid of grids) datesIn1900(grid);
  const read: Record<string, Map<number, number>> = widths();
  // Columns read as hidden (0 points wide): the engine warns of a status column it must leave hidden.
  for (const grid of grids) {
    const hidden = [...(read[grid.name] ?? [])].filter(([, points]) => points === 0).map(([col]) => ({ first: col, last: col }));
    if (hidden.length) grid.hiddenColumns = hidden;
  }
  return { grids, state, syncs, widths: read };
}

/** A 1904 workbook's date serials moved to the engine's 1900 count, in place (values.ts dateIn1900). */
function datesIn1900(grid: SheetGrid): void {
  const formats = grid.numberFormats;
  if (!formats) return;
  grid.values.forEach((line, r) => {
    const nfs = formats[r];
    if (line && nfs) for (let c = 0; c < line.length; c++) line[c] = dateIn1900(line[c], nfs[c], true);
  });
}

/** Rows a hint's bytes are of: a history's window, or the whole sheet. */
const hintedRows = (h: SheetHint): number => (h.window !== undefined && h.window < h.rows ? h.rows - h.window : h.rows);

/** A hint's bytes without its number formats (the history is read values only in the first request): ~10 bytes a cell. */
const valuesBytes = (h: SheetHint | undefined): number => (h ? Math.max(0, h.bytes - FORMAT_BYTES * h.cols * hintedRows(h)) : 0);

/** The read hint of a history sheet that names a window of latest periods (hint.ts), if any. */
function windowOf(facts: WorkbookFacts, s: SheetFacts): (SheetHint & { window: number }) | undefined {
  const h = looksHistory(s) ? facts.hint[s.name] : undefined;
  const usable = h && h.window !== undefined && h.top === 0 && h.left === 0 && h.window < h.rows && h.cols > 0 && (h.window - 1) * PERIOD_CELL_BYTES <= PERIODS_ABOVE_MAX;
  return usable ? (h as SheetHint & { window: number }) : undefined;
}

/**
 * What the first request brings of each history whose hint names a window: the periods (column A) of
 * the rows above the window, always (the engine checks them: a sort or a move by hand puts later rows
 * up there, at ~16 bytes a row); and with `rows`, the header row and the window itself, values only.
 */
function queueHistoryWindows(context: XlRequestContext, facts: WorkbookFacts, sheets: SheetFacts[], rows: boolean): WindowLoad[] {
  return sheets.flatMap((s) => {
    const h = windowOf(facts, s);
    if (!h) return [];
    const ws = context.workbook.worksheets.getItem(s.name);
    const above = ws.getRangeByIndexes(1, 0, h.window - 1, 1).load("values");
    if (!rows) return [{ sheet: s.name, above }];
    return [{ sheet: s.name, above, header: ws.getRangeByIndexes(0, 0, 1, h.cols).load("values"), window: ws.getRangeByIndexes(h.window, 0, h.rows - h.window, h.cols).load("values") }];
  });
}

interface WindowLoad {
  sheet: string;
  above: XlRange;
  header?: XlRange;
  window?: XlRange;
}

/**
 * The whole history, for a run that found its window of latest periods not enough (a re-run of an
 * older quarter, or a sheet sorted by hand): one more request, or a few past ~4 MB.
 */
export async function readWholeHistory(context: XlRequestContext, read: WorkbookRead): Promise<number> {
  const i = read.grids.findIndex((g) => g.skippedRows !== undefined);
  if (i < 0) return 0;
  const old = read.grids[i];
  const cols = old.values.reduce((n, r) => Math.max(n, r?.length ?? 0), 0);
  const grid: SheetGrid = { name: old.name, values: new Array<CellValue[]>(old.values.length), numberFormats: new Array<string[]>(old.values.length), origin: { row: 0, col: 0 } };
  const ws = context.workbook.worksheets.getItem(old.name);
  const syncs = await readAreas(context, [{ grid, ws, row: 0, col: 0, rows: old.values.length, cols }], DEFAULT_BUDGET, new CellCosts(() => ASSUMED_CELL_BYTES, true));
  read.grids[i] = grid;
  read.syncs += syncs;
  return syncs;
}

/**
 * The history as this run writes it, for the next read's hint (hint.ts): its size, and where the
 * window of latest periods starts with the bytes of that window alone, so the next read brings the
 * window in its first request where it fits, instead of the whole history.
 */
export function historyHint(plans: SheetPlan[], window: number | undefined): { sheet: string; hint: SheetHint } | undefined {
  const plan = plans.find((p) => p.action === "create" && same(p.sheet, HISTORY_SHEET));
  const block = plan?.blocks[plan.blocks.length - 1];
  if (!plan || !block) return undefined;
  const rows = block.row + block.values.length;
  const cols = block.values.reduce((n, r) => Math.max(n, r.length), 0);
  const from = window !== undefined && window >= block.row ? window : 0;
  const read = block.values.slice(Math.max(0, from - block.row));
  const bytes = read.reduce((n, r) => n + utf8Bytes(JSON.stringify(r)) + FORMAT_BYTES * cols, 0);
  return { sheet: plan.sheet, hint: { top: 0, left: 0, rows, cols, bytes, ...(from > 1 ? { window: from } : {}) } };
}

/** A workbook past the limit is refused, naming its largest sheet: the engine is never handed millions of cells. */
function checkSize(kept: Used[], maxCells: number): void {
  const sizes = kept.map((u) => (u.range.isNullObject ? 0 : u.range.rowCount * u.range.columnCount));
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= maxCells) return;
  const i = sizes.indexOf(Math.max(...sizes));
  const r = kept[i].range;
  throw tooLarge(total, maxCells, kept[i].sheet.name, sizes[i], rangeAddress({ top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 }));
}

/** Every sheet as the engine sees it (the record sheet and our summaries left out): facts, then the read. */
export async function readWorkbook(run: ExcelRun, opts: ReadOptions = {}): Promise<SheetGrid[]> {
  return runAs(run, "read", async (context) => {
    const readFacts = queueFacts(context);
    await context.sync();
    return (await readSheets(context, readFacts(), opts)).grids;
  });
}
