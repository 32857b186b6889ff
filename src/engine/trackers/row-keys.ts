// Which record each row held when its formats were backed up, kept with the record of what Apply colours
// replaced. Data > Sort moves an officer's values and formats with their rows, but not the backups kept
// by position: without the keys, Remove colours gave a hand-coloured rating another row's colour back.
import { cellText, cellValue, isBlank } from "../read/cells";
import type { CellValue, SheetGrid, TableSpec } from "../vocab/types";

/** A row's key: the column it was read from, and a short hash of the text there. */
export interface RowKey {
  col: number;
  key: string;
  /**
   * The columns that move with the row in a sort: the Excel table (ListObject) the key is in, as sorting a
   * table moves its own columns only (ours sit outside it). None in a plain range: the whole row moves.
   */
  within?: { left: number; right: number };
}

/**
 * FNV-1a of the cell's text, trimmed and lower-cased, in base 36: at most 7 characters, so a key per row
 * costs little in the record at 100,000 rows. Undefined for a blank cell.
 */
export function keyOf(v: CellValue): string | undefined {
  if (isBlank(v)) return undefined;
  const text = cellText(v).trim().toLowerCase();
  if (!text) return undefined;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** The columns a table's rows are known by, in turn: its ref, else its code-and-name, name or description column. */
export function keyColumns(t: TableSpec): number[] {
  const out: number[] = [];
  for (const role of ["ref", "refAndName", "name", "description"] as const) {
    const c = t.columns.find((m) => m.role === role);
    if (c && !out.includes(c.col)) out.push(c.col);
  }
  return out;
}

/**
 * The key of every body row of `tables` on `grid` that has one: from the first of the table's key columns
 * that is filled on the row (a record with a blank ref is known by its name). Rows with none have no key.
 */
export function sheetRowKeys(grid: SheetGrid, tables: readonly TableSpec[]): Map<number, RowKey> {
  const out = new Map<number, RowKey>();
  for (const t of tables) {
    if (t.sheet !== grid.name) continue;
    const cols = keyColumns(t);
    if (cols.length === 0) continue;
    const list = grid.tables?.find((x) => x.range.left <= cols[0] && x.range.right >= cols[0] && x.range.top <= t.firstRow && x.range.bottom >= t.firstRow);
    const within = list && { left: list.range.left, right: list.range.right };
    for (let row = t.firstRow; row <= t.lastRow; row++) {
      for (const col of cols) {
        const key = keyOf(cellValue(grid, row, col));
        if (key === undefined) continue;
        out.set(row, within ? { col, key, within } : { col, key });
        break;
      }
    }
  }
  return out;
}

/** Row moves: each row the record keeps to the row it is on now, or -1 where it cannot be placed. */
export type RowMoves = ReadonlyMap<number, number>;

/** Every row of a grid, made as they are looked in. */
export function* gridRows(grid: SheetGrid): Iterable<number> {
  const top = grid.origin?.row ?? 0;
  for (let row = top; row < top + grid.values.length; row++) yield row;
}

/** Whether a grid's row holds anything now. */
export function filledRow(grid: SheetGrid): (row: number) => boolean {
  const top = grid.origin?.row ?? 0;
  return (row) => (grid.values[row - top] ?? []).some((v) => !isBlank(v));
}

/** Where rowMoves looks, besides the record's own rows. */
export interface MoveSearch {
  /** More rows to look for a key in (the rows a sort may have moved records onto: a blank row's, a new one's). */
  rows?: Iterable<number>;
  /** Key cells known not to have changed (live colours reads only the cells edited): their key stays, and a row of none is not looked in. */
  unchanged?: (row: number, col: number) => boolean;
}

/**
 * Where the rows the record keeps (`keys`) are now, from the key cells as they read now (`valueAt`).
 * A row whose key is on another row now (among its rows and `search.rows`), there and nowhere else, moves
 * there (a sort). A row whose key is found nowhere stays, unless another row moves onto it: its ref was
 * edited, and the row is still its own; where another record sits on it now, it is -1 (its formats cannot
 * be placed). Keys held by two rows are not moved. Undefined when no row moved: the record is where its rows are.
 */
export function rowMoves(keys: ReadonlyMap<number, RowKey>, valueAt: (row: number, col: number) => CellValue, search: MoveSearch = {}): RowMoves | undefined {
  const { unchanged } = search;
  const now = new Map<number, string | undefined>();
  let changed = false;
  for (const [row, k] of keys) {
    const key = unchanged?.(row, k.col) ? k.key : keyOf(valueAt(row, k.col));
    now.set(row, key);
    if (key !== k.key) changed = true;
  }
  if (!changed) return undefined;
  const id = (col: number, key: string) => `${col}:${key}`;
  const kept = new Map<string, number>();
  for (const k of keys.values()) kept.set(id(k.col, k.key), (kept.get(id(k.col, k.key)) ?? 0) + 1);
  // Each key column's keys as they read now, on the record's rows and the rows searched besides.
  const found = new Map<string, number[]>();
  const cols = new Set([...keys.values()].map((k) => k.col));
  const rows = new Set([...keys.keys(), ...(search.rows ?? [])]);
  for (const row of rows) {
    for (const col of cols) {
      const own = keys.get(row);
      const key = own?.col === col ? now.get(row) : unchanged?.(row, col) ? undefined : keyOf(valueAt(row, col));
      if (key === undefined) continue;
      const at = found.get(id(col, key));
      if (at) at.push(row);
      else found.set(id(col, key), [row]);
    }
  }
  const moves = new Map<number, number>();
  const taken = new Set<number>();
  const unplaced: number[] = [];
  for (const [row, k] of keys) {
    if (now.get(row) === k.key) continue;
    const at = found.get(id(k.col, k.key));
    if (kept.get(id(k.col, k.key)) === 1 && at?.length === 1) {
      moves.set(row, at[0]);
      taken.add(at[0]);
    } else unplaced.push(row);
  }
  for (const row of unplaced) if (taken.has(row)) moves.set(row, -1);
  return moves.size ? moves : undefined;
}
