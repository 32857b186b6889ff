// The formats Apply colours replaced on officers' sheets, kept in the workbook so Remove
// colours can put back exactly what was there. Stored compactly: cells with identical
// previous formats share one address list.
import type { PlanStyle, SheetPlan } from "../engine/vocab/plan";
import type { CellRange } from "../engine/vocab/types";
import { CellSet, cellKey, cellsWithin, keyCell, rangesOf } from "./cells";
import { cellCount, rangeAddress } from "./a1";
import { sameSheetName } from "../engine/sheets/ownership";
import type { RowKey } from "../engine/trackers/row-keys";

/** JSON text to a value; undefined when it is not JSON. */
export function parseJson(value: unknown): unknown {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

export type Side = "top" | "bottom" | "left" | "right";
export const SIDES: Side[] = ["top", "bottom", "left", "right"];

export interface SavedBorder {
  style: string;
  color: string;
  weight: string;
}

/** A cell's previous formats: only the properties the add-in changed. */
export interface SavedFormat {
  fill?: string | null; // null: no fill
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontName?: string;
  fontSize?: number;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  borders?: Partial<Record<Side, SavedBorder>>;
  numberFormat?: string;
}

export type FormatKey = keyof SavedFormat;
export const FORMAT_KEYS: FormatKey[] = ["fill", "fontColor", "bold", "italic", "fontName", "fontSize", "wrap", "hAlign", "vAlign", "borders", "numberFormat"];

/** One sheet's memory, expanded per cell (keys from `cellKey`). */
export interface SheetMemory {
  /** Cells whose whole format was copied into the record sheet (backup.ts): same row, column `cols.get(col)`. */
  backed: CellSet;
  /** Source column -> the record sheet's column holding its backups. */
  cols: Map<number, number>;
  /** Formats saved property by property (older records, and the naive baseline): put back, then forgotten. */
  cells: Map<number, SavedFormat>;
  /** Cells whose values the add-in wrote (its own columns): cleared by Remove colours. */
  values: CellSet;
  /** Previous widths/heights in points, by column/row. */
  widths: Map<number, number>;
  heights: Map<number, number>;
  /**
   * The properties our runs set on backed-up cells outside our own columns (the officers' rating cells):
   * Remove colours keeps what an officer changes there afterwards on any other (kept-formats.ts).
   * Unknown (a record from before it was kept): EARLIER_OFFICER_STYLE.
   */
  styled?: Set<FormatKey>;
  /**
   * The key of the record on each row with a backup, as it was when backed up (engine/trackers/row-keys.ts):
   * after Data > Sort, backups go back to the rows their records are on now. None in an older record.
   */
  keys?: Map<number, RowKey>;
}

interface StoredSheet {
  b?: string;
  c?: [number, number][];
  f: { p: SavedFormat; a: string }[];
  v: string;
  w?: [number, number][];
  h?: [number, number][];
  k?: string[];
  /** Row keys by key column: [column, first row, keys of the rows from there joined by ",", "" for none, and the Excel table's first and last columns where the key is in one]. */
  r?: StoredKeys[];
}

/** Characters per cell: under Excel's 32,767 with room to move a cut. */
export const PIECE_CHARS = 30000;

const UNSAFE_START = /^['=+\-@\s]/;

/** Cut text into cells. No piece starts with a character Excel could take as a prefix or a formula. */
export function pieces(text: string, size = PIECE_CHARS): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    while (end < text.length && end > at + 1 && UNSAFE_START.test(text.slice(end, end + 1))) end--;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

/**
 * Column A of the record sheet by sheet row, from its values read with their top-left cell at `origin`,
 * and how many of its cells the record uses (A1 included), so a shorter record can clear the rest.
 */
export function readRecordColumn(values: unknown[][], origin: { row: number; col: number }): { column: unknown[]; rows: number } {
  const column: unknown[] = [];
  if (origin.col === 0) values.forEach((line, i) => (column[origin.row + i] = line[0]));
  let rows = 0;
  for (let i = 0; i < column.length; i++) if (column[i] !== "" && column[i] !== null && column[i] !== undefined) rows = i + 1;
  return { column, rows };
}

/**
 * The memory kept in column A of the record sheet (A1 is the list of our sheets; A2 on, one JSON text cut
 * into pieces). Pure, so the command line reads the add-in's record with it too (src/xlsx/read-package.ts).
 */
export function savedFromColumn(column: unknown[]): Record<string, SheetMemory> {
  let text = "";
  for (let i = 1; i < column.length && typeof column[i] === "string" && column[i] !== ""; i++) text += column[i] as string;
  return text ? decodeSaved(text) : {};
}

/**
 * The memory keyed by the sheets' names as they are now: an entry under a name the workbook has only in
 * another case (the sheet renamed "KPIs" to "kpis") moves to the sheet's name, unless that has one already
 * (then both stay).
 * Both hosts look entries up by that name (the add-in's Apply colours by the exact name), so a renamed
 * sheet keeps its backups rather than getting a second entry that would back up our colours.
 */
export function keyedBySheet(saved: Record<string, SheetMemory>, names: readonly string[]): Record<string, SheetMemory> {
  const out: Record<string, SheetMemory> = {};
  const moved: { name: string; key: string; mem: SheetMemory }[] = [];
  for (const [key, mem] of Object.entries(saved)) {
    const now = names.includes(key) ? key : names.find((n) => sameSheetName(n, key));
    if (now === undefined || now === key) out[key] = mem;
    else moved.push({ name: now, key, mem });
  }
  // Where the sheet's name has an entry already, the other stays as it was (nothing of it is dropped).
  for (const { name, key, mem } of moved) out[Object.prototype.hasOwnProperty.call(out, name) ? key : name] = mem;
  return out;
}

/** The cells of ours each sheet holds, by sheet (SheetMemory.values), for the engine to tell an officer's text from ours. */
export function writtenCells(saved: Record<string, SheetMemory>): Record<string, CellSet> {
  return Object.fromEntries(Object.entries(saved).map(([sheet, mem]) => [sheet, mem.values]));
}

export function emptyMemory(): SheetMemory {
  return { backed: new CellSet(), cols: new Map(), cells: new Map(), values: new CellSet(), widths: new Map(), heights: new Map() };
}

/** Which saved properties a plan style overwrites. */
export function styleKeys(style: PlanStyle): FormatKey[] {
  const keys: FormatKey[] = [];
  if (style.fill !== undefined) keys.push("fill");
  if (style.fontColor !== undefined) keys.push("fontColor");
  if (style.bold !== undefined) keys.push("bold");
  if (style.italic !== undefined) keys.push("italic");
  if (style.fontName !== undefined) keys.push("fontName");
  if (style.fontSize !== undefined) keys.push("fontSize");
  if (style.wrap !== undefined) keys.push("wrap");
  if (style.hAlign !== undefined) keys.push("hAlign");
  if (style.vAlign !== undefined) keys.push("vAlign");
  if (style.border !== undefined) keys.push("borders");
  if (style.numberFormat !== undefined) keys.push("numberFormat");
  return keys;
}

/** The properties a plan sets on cells outside the columns it writes values in: the officers' own cells. */
export function styledOutside(plan: SheetPlan): Set<FormatKey> {
  const ours = new Set<number>();
  for (const b of plan.blocks) for (let j = 0; j < (b.values[0]?.length ?? 0); j++) ours.add(b.col + j);
  const keys = new Set<FormatKey>();
  for (const g of plan.styles) {
    const outside = g.ranges.some((r) => {
      for (let c = r.left; c <= r.right; c++) if (!ours.has(c)) return true;
      return false;
    });
    if (!outside) continue;
    for (const k of styleKeys(g.style)) keys.add(k);
  }
  return keys;
}

/**
 * What every version that kept whole-format backups set on an officer's rating cell (colour.ts
 * officerStyle, unchanged since the first version): what a record without `k` stands for.
 */
export const EARLIER_OFFICER_STYLE: readonly FormatKey[] = ["fill", "fontColor", "bold"];

/** The properties our runs set on a sheet's officers' cells, as the record says or, in an older record, as they were. */
export function styledOf(mem: SheetMemory): ReadonlySet<FormatKey> {
  return mem.styled ?? (mem.backed.size > 0 ? new Set(EARLIER_OFFICER_STYLE) : new Set());
}

/** `styled` after a run that set `now` outside our columns: what earlier runs set too. */
export function mergeStyled(old: SheetMemory | undefined, now: Set<FormatKey>): Set<FormatKey> {
  const before = old ? styledOf(old) : new Set<FormatKey>();
  return new Set(FORMAT_KEYS.filter((k) => now.has(k) || before.has(k)));
}

/**
 * The properties an officer may have changed on a coloured cell of theirs since its backup: every one our
 * runs did not set there (styledOf).
 */
export function keptOf(mem: SheetMemory): FormatKey[] {
  const styled = styledOf(mem);
  // What every version sets on an officer's cell is never theirs to keep, whatever a record says.
  return FORMAT_KEYS.filter((k) => !styled.has(k) && !EARLIER_OFFICER_STYLE.includes(k));
}

/** One side's border as drawn: the style, and where a line is drawn its colour and weight (Excel gives a colour for "None" too). */
export function sameBorder(a: SavedBorder, b: SavedBorder): boolean {
  if (a.style !== b.style) return false;
  return a.style === "None" || (a.color.toUpperCase() === b.color.toUpperCase() && a.weight === b.weight);
}

/** The sides of `now` drawn otherwise than in `was`; undefined when none is. A side with no line is set by its style alone. */
export function changedSides(now: SavedFormat["borders"], was: SavedFormat["borders"]): SavedFormat["borders"] {
  const out: Partial<Record<Side, SavedBorder>> = {};
  for (const s of SIDES) {
    const a = now?.[s];
    const b = was?.[s];
    if (!a || !b || sameBorder(a, b)) continue;
    out[s] = a.style === "None" ? ({ style: "None" } as SavedBorder) : a;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * The officer's cells among `cells`: those outside the columns of ours (where the record lists values
 * we wrote). Our own cells start empty and unformatted by the officer: their backups go back whole.
 */
export function officersBackedCells(mem: SheetMemory, cells: CellSet): CellSet {
  const ours = new Set<number>();
  for (const r of mem.values.rects()) for (let c = r.left; c <= r.right; c++) ours.add(c);
  const out = new CellSet();
  for (const r of cells.rects()) {
    for (let col = r.left; col <= r.right; col++) {
      if (ours.has(col) || !mem.cols.has(col)) continue;
      out.addRange({ top: r.top, bottom: r.bottom, left: col, right: col });
    }
  }
  return out;
}

/** Same properties in the same order, so equal formats serialise equally. */
export function normalise(f: SavedFormat): SavedFormat {
  const out: SavedFormat = {};
  for (const k of FORMAT_KEYS) if (f[k] !== undefined) (out as Record<string, unknown>)[k] = f[k];
  if (out.borders) out.borders = Object.fromEntries(SIDES.filter((s) => out.borders![s]).map((s) => [s, out.borders![s]]));
  return out;
}

/**
 * More cells than our two columns on a few whole sheets: a record listing more is damaged (or forged),
 * and its entries past that are dropped rather than expanded cell by cell.
 */
const MAX_RECORD_CELLS = 4 * 1048576;

/** The rectangles of an address list, counted against the record's budget; refused past it. */
function boundedRanges(list: string, budget: { cells: number }): CellRange[] {
  const ranges = rangesOf(list);
  const cells = ranges.reduce((n, r) => n + cellCount(r), 0);
  if (cells > budget.cells) throw new Error("Saved address list is too large");
  budget.cells -= cells;
  return ranges;
}

const KEY_TEXT = /^[0-9a-z]{1,7}$/;
/** Excel's last row and column, zero-based. */
const LAST_ROW = 1048575;
const LAST_COL = 16383;

type StoredKeys = [number, number, string] | [number, number, string, number, number];

/** Row keys as stored: a run of consecutive rows per key column (and Excel table), "" where a row has none. */
function encodeKeys(keys: ReadonlyMap<number, RowKey>): StoredKeys[] {
  const out: { col: number; first: number; list: string[]; within?: RowKey["within"] }[] = [];
  // Grouped by key column and table first (a few groups), then each group's rows in order: 100,000 rows at corporate scale.
  const groups = new Map<string, { rows: number[]; key: RowKey }>();
  for (const [row, k] of keys) {
    const id = k.within ? `${k.col}:${k.within.left}:${k.within.right}` : `${k.col}`;
    const g = groups.get(id);
    if (g) g.rows.push(row);
    else groups.set(id, { rows: [row], key: k });
  }
  for (const { rows, key: like } of groups.values()) {
    let last: (typeof out)[number] | undefined;
    for (const row of Float64Array.from(rows).sort()) {
      const key = keys.get(row)!.key;
      // A gap of a few rows is filled with blanks; a longer one starts a new run.
      if (last && row - (last.first + last.list.length) <= 8) {
        while (last.first + last.list.length < row) last.list.push("");
        last.list.push(key);
      } else out.push((last = { col: like.col, first: row, list: [key], within: like.within }));
    }
  }
  return out.map((r) => (r.within ? [r.col, r.first, r.list.join(","), r.within.left, r.within.right] : [r.col, r.first, r.list.join(",")]));
}

const isIndex = (n: unknown, last: number): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= last;

/** The stored keys; undefined where any run is damaged (the keys only are dropped: the record's backups still go back by position). */
function decodeKeys(runs: unknown[], budget: { cells: number }): Map<number, RowKey> | undefined {
  const keys = new Map<number, RowKey>();
  for (const run of runs) {
    if (!Array.isArray(run) || (run.length !== 3 && run.length !== 5)) return undefined;
    const [col, first, text, left, right] = run as unknown[];
    if (!isIndex(col, LAST_COL) || !isIndex(first, LAST_ROW) || typeof text !== "string") return undefined;
    const within = run.length === 5 ? (isIndex(left, LAST_COL) && isIndex(right, LAST_COL) && left <= col && col <= right ? { left, right } : undefined) : undefined;
    if (run.length === 5 && !within) return undefined;
    const list = text.split(",");
    if (first + list.length - 1 > LAST_ROW || list.length > budget.cells) return undefined;
    budget.cells -= list.length;
    list.forEach((key, i) => {
      if (KEY_TEXT.test(key)) keys.set(first + i, within ? { col, key, within } : { col, key });
    });
  }
  return keys;
}

export function decodeSaved(text: string): Record<string, SheetMemory> {
  const data = parseJson(text) as { v?: number; sheets?: Record<string, StoredSheet> } | undefined;
  const out: Record<string, SheetMemory> = {};
  if (!data || data.v !== 1 || !data.sheets) return out;
  const budget = { cells: MAX_RECORD_CELLS };
  for (const [sheet, s] of Object.entries(data.sheets)) {
    // A damaged entry (someone edited the setting) is dropped rather than blocking Apply colours.
    try {
      const mem = emptyMemory();
      for (const r of boundedRanges(s.b ?? "", budget)) mem.backed.addRange(r);
      for (const [src, at] of s.c ?? []) if (Number.isInteger(src) && Number.isInteger(at) && at >= 2) mem.cols.set(src, at);
      for (const { p, a } of s.f ?? []) for (const r of boundedRanges(a, budget)) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) mem.cells.set(cellKey(row, col), p);
      for (const r of boundedRanges(s.v, budget)) mem.values.addRange(r);
      for (const [c, w] of s.w ?? []) mem.widths.set(c, w);
      for (const [r, h] of s.h ?? []) mem.heights.set(r, h);
      if (Array.isArray(s.k)) mem.styled = new Set(FORMAT_KEYS.filter((k) => s.k!.includes(k)));
      const keys = Array.isArray(s.r) ? decodeKeys(s.r, budget) : undefined;
      if (keys) mem.keys = keys;
      out[sheet] = mem;
    } catch {
      continue;
    }
  }
  return out;
}

/** The saved formats as JSON text; "" when nothing is saved. */
export function encodeSaved(sheets: Record<string, SheetMemory>): string {
  const out: Record<string, StoredSheet> = {};
  for (const [name, mem] of Object.entries(sheets)) {
    if (mem.backed.size === 0 && mem.cells.size === 0 && mem.values.size === 0 && mem.widths.size === 0 && mem.heights.size === 0) continue;
    const groups = new Map<string, { p: SavedFormat; cells: CellSet }>();
    for (const [k, f] of mem.cells) {
      const p = normalise(f);
      const id = JSON.stringify(p);
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { p, cells: new CellSet() }));
      const { row, col } = keyCell(k);
      g.cells.add(row, col);
    }
    const list = (cells: CellSet): string => cells.rects().map(rangeAddress).join(",");
    const stored: StoredSheet = { f: [...groups.values()].map((g) => ({ p: g.p, a: list(g.cells) })), v: list(mem.values) };
    if (mem.backed.size) {
      stored.b = list(mem.backed);
      stored.c = [...mem.cols].sort((a, b) => a[0] - b[0]);
    }
    if (mem.widths.size) stored.w = [...mem.widths].sort((a, b) => a[0] - b[0]);
    if (mem.heights.size) stored.h = [...mem.heights].sort((a, b) => a[0] - b[0]);
    if (mem.styled) stored.k = FORMAT_KEYS.filter((k) => mem.styled!.has(k));
    if (mem.keys?.size) stored.r = encodeKeys(mem.keys);
    out[name] = stored;
  }
  return Object.keys(out).length ? JSON.stringify({ v: 1, sheets: out }) : "";
}

/** What this run touches on one sheet, with what was there before. */
export interface Capture {
  touched: Map<number, Set<FormatKey>>;
  before: Map<number, SavedFormat>;
  values: CellSet;
  widths: Map<number, number>;
  heights: Map<number, number>;
  /** What officers changed since on their cells this run stops colouring: set again after their backups go back (kept-formats.ts). */
  kept?: Map<number, SavedFormat>;
}

/**
 * Merge an earlier run's memory with this run's capture. Formats saved earlier win (the cell
 * now shows our colours, not the officer's); what the earlier run changed and this run no
 * longer does is returned as `stale`, to be restored now.
 */
export function mergeMemory(old: SheetMemory | undefined, cap: Capture): { keep: SheetMemory; stale: SheetMemory } {
  const keep = emptyMemory();
  const stale = emptyMemory();
  keep.values = cap.values;
  for (const [k, keys] of cap.touched) {
    const prev = old?.cells.get(k) ?? {};
    const fresh = cap.before.get(k) ?? {};
    const merged: Record<string, unknown> = {};
    for (const key of keys) merged[key] = prev[key] !== undefined ? prev[key] : fresh[key];
    keep.cells.set(k, merged as SavedFormat);
  }
  for (const [k, prev] of old?.cells ?? []) {
    const keys = cap.touched.get(k);
    const gone: Record<string, unknown> = {};
    for (const key of FORMAT_KEYS) if (prev[key] !== undefined && !keys?.has(key)) gone[key] = prev[key];
    if (Object.keys(gone).length) stale.cells.set(k, gone as SavedFormat);
  }
  if (old) for (const r of old.values.rects()) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (!cap.values.has(row, col)) stale.values.add(row, col);
  const mergeSizes = (was: Map<number, number> | undefined, now: Map<number, number>, keepTo: Map<number, number>, staleTo: Map<number, number>, stillOurs: ReadonlySet<number> = NONE): void => {
    for (const [i, v] of now) keepTo.set(i, was?.get(i) ?? v);
    for (const [i, v] of was ?? []) if (!now.has(i)) (stillOurs.has(i) ? keepTo : staleTo).set(i, v);
  };
  mergeSizes(old?.widths, cap.widths, keep.widths, stale.widths, columnsOf(cap.values));
  mergeSizes(old?.heights, cap.heights, keep.heights, stale.heights);
  return { keep, stale };
}

const NONE: ReadonlySet<number> = new Set();

/**
 * The columns a run writes values in. One of them this run leaves unsized keeps its width and its backup
 * (our status column, unsized while an old status of ours sits under a table that got shorter): put
 * back, its width flipped on every run. The file host does the same (xlsx/patch/record-backups.ts).
 */
function columnsOf(values: CellSet): Set<number> {
  const out = new Set<number>();
  for (const r of values.rects()) for (let col = r.left; col <= r.right; col++) out.add(col);
  return out;
}

/** The backed-up cells a run no longer touches: their backups go back (mergeBackups, and kept-formats.ts before it). */
export function untouchedBackups(backed: CellSet, touched: ReadonlyMap<number, unknown>): CellSet {
  const out = new CellSet();
  for (const r of backed.rects()) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (!touched.has(cellKey(row, col))) out.add(row, col);
  return out;
}

/**
 * The same merge for whole-format backups: a cell backed up earlier keeps its backup (it shows our colours
 * now, not the officer's); cells touched for the first time are backed up now (`fresh`); cells backed up
 * earlier and no longer touched are put back and forgotten (`stale.backed`). Formats an older record saved
 * property by property are all put back (`stale.cells`) before any backup is taken, so the backup is the
 * officer's format.
 */
export function mergeBackups(old: SheetMemory | undefined, cap: Capture): { keep: SheetMemory; stale: SheetMemory; fresh: CellSet } {
  const keep = emptyMemory();
  const stale = emptyMemory();
  const fresh = new CellSet();
  keep.values = cap.values;
  keep.cols = new Map(old?.cols ?? []);
  stale.cols = new Map(old?.cols ?? []);
  for (const k of cap.touched.keys()) {
    const { row, col } = keyCell(k);
    keep.backed.add(row, col);
    if (!old?.backed.has(row, col)) fresh.add(row, col);
  }
  if (old) stale.backed = untouchedBackups(old.backed, cap.touched);
  for (const [k, f] of old?.cells ?? []) stale.cells.set(k, f);
  if (old) for (const r of old.values.rects()) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (!cap.values.has(row, col)) stale.values.add(row, col);
  for (const [i, v] of cap.widths) keep.widths.set(i, old?.widths.get(i) ?? v);
  const stillOurs = columnsOf(cap.values);
  for (const [i, v] of old?.widths ?? []) if (!cap.widths.has(i)) (stillOurs.has(i) ? keep.widths : stale.widths).set(i, v);
  for (const [i, v] of cap.heights) keep.heights.set(i, old?.heights.get(i) ?? v);
  for (const [i, v] of old?.heights ?? []) if (!cap.heights.has(i)) stale.heights.set(i, v);
  return { keep, stale, fresh };
}

/**
 * Gives every backed-up column of every sheet a column of the record sheet, from C, none shared; none of
 * `reserved` either (columns a sorted sheet's backups are moving out of in the same request: backup.ts realignments).
 */
export function allocateColumns(memory: Record<string, SheetMemory>, reserved: Iterable<number> = []): void {
  let next = 2;
  for (const mem of Object.values(memory)) for (const at of mem.cols.values()) next = Math.max(next, at + 1);
  for (const at of reserved) next = Math.max(next, at + 1);
  for (const mem of Object.values(memory)) {
    for (const r of mem.backed.rects()) for (let col = r.left; col <= r.right; col++) if (!mem.cols.has(col)) mem.cols.set(col, next++);
    for (const src of [...mem.cols.keys()]) if (!mem.backed.rects().some((r) => src >= r.left && src <= r.right)) mem.cols.delete(src);
  }
}

/** Merged areas over cells of ours, and what to do about them (leaveMergedAlone). */
export interface MergedOverOurs {
  /** Whether a cell was taken out of what goes back: to filter formats read for it. */
  inMerge: (key: number) => boolean;
  /** Areas whose top-left cell holds ours: cleared whole (Excel keeps only that cell's value). */
  clearWhole: CellRange[];
}

/**
 * Cells of ours inside a merged area an officer made since (a section heading across our column). Excel
 * refuses to clear part of a merged area or copy formats onto part of one ("We can't do that to a merged
 * cell"), and pasting a cell's format onto a whole area would unmerge it. So every such cell is taken out
 * of what goes back (values, whole formats, saved properties) and the record forgets it. Where the area's
 * top-left cell still holds ours, the area is cleared whole instead (its other cells are empty); text an
 * officer typed there (`theirs`) is a heading of theirs, not cleared. Formats are left as the officer has
 * them: putting a backup back over the whole area would undo how they styled their heading, so a colour of
 * ours on an area's first cell stays (the engine colours no merged cell again).
 */
export function leaveMergedAlone(mem: SheetMemory, merges: readonly CellRange[], theirs: (row: number, col: number) => boolean = () => false): MergedOverOurs {
  const dropped = new Set<number>();
  const clearWhole: CellRange[] = [];
  const ours = [mem.values, mem.backed];
  // Worked out once: a merge is looked at cell by cell only where it meets one of these (a whole-column merge is not walked).
  const rects = [...mem.values.rects(), ...mem.backed.rects(), ...[...mem.cells.keys()].map((key) => {
    const { row, col } = keyCell(key);
    return { top: row, bottom: row, left: col, right: col };
  })];
  for (const m of merges) {
    const inside = cellsWithin(rects, m);
    if (!inside.length) continue;
    if (mem.values.has(m.top, m.left) && !theirs(m.top, m.left)) clearWhole.push(m);
    for (const { row, col } of inside) {
      const key = cellKey(row, col);
      for (const set of ours) {
        if (!set.has(row, col)) continue;
        set.delete(row, col);
        dropped.add(key);
      }
      if (mem.cells.delete(key)) dropped.add(key);
    }
  }
  return { inMerge: (key) => dropped.has(key), clearWhole };
}
