// Cells of our columns that hold an officer's value. Our Status (auto) column is reused from run to run,
// but a table can grow over rows it did not have (a header below typed over, so the table under it
// joins this one), and there our column may hold that table's cells: "Q1 Actual", its figures. Apply
// colours never writes or colours those: "nothing an officer typed is written" (colour.ts).
import { GENERATED_CHECK_HEADER, GENERATED_STATUS_HEADER } from "../detect/headers";
import { PRESETS } from "../scheme/presets";
import type { Scheme, SheetGrid, TableSpec } from "../vocab/types";

/** The symbols our status texts start with ("✓" of "✓ On target"): this scheme's and every preset's. */
const symbolsByScheme = new WeakMap<Scheme, Set<string>>();
const PRESET_SYMBOLS = Object.values(PRESETS).flatMap((s) => [...s.indicator, ...s.activity].map((x) => x.symbol));

function symbolsOf(scheme: Scheme): Set<string> {
  let symbols = symbolsByScheme.get(scheme);
  if (!symbols) symbolsByScheme.set(scheme, (symbols = new Set([...PRESET_SYMBOLS, ...[...scheme.indicator, ...scheme.activity].map((x) => x.symbol)])));
  return symbols;
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === "";

function valueAt(grid: SheetGrid, row: number, col: number): unknown {
  const o = grid.origin ?? { row: 0, col: 0 };
  return grid.values[row - o.row]?.[col - o.col];
}

/** Text an earlier Apply could have written in our status column: our headings, or a status ("✓ On target (officer)"). */
function isOurText(v: unknown, symbols: Set<string>): boolean {
  if (typeof v !== "string") return false;
  const text = v.trim();
  if (text === GENERATED_STATUS_HEADER || text === GENERATED_CHECK_HEADER) return true;
  const space = text.indexOf(" ");
  return space > 0 && symbols.has(text.slice(0, space));
}

/** "row,col" of every cell of ours (`col` and, when `width` is 2, the check column) that holds an officer's value. */
export function foreignCells(grid: SheetGrid, table: TableSpec, col: number, width: number, scheme: Scheme): ReadonlySet<string> {
  const symbols = symbolsOf(scheme);
  const headerRow = table.headerRow + table.headerHeight - 1;
  // A check column of ours is one whose heading we wrote: its texts are ours where the status beside them is.
  const checksOurs = width === 2 && valueAt(grid, headerRow, col + 1) === GENERATED_CHECK_HEADER;
  let found: Set<string> | undefined;
  for (let row = headerRow; row <= table.lastRow; row++) {
    const status = valueAt(grid, row, col);
    const statusOurs = isBlank(status) || isOurText(status, symbols);
    if (!statusOurs) (found ??= new Set()).add(`${row},${col}`);
    if (width < 2) continue;
    const check = valueAt(grid, row, col + 1);
    if (isBlank(check) || isOurText(check, symbols) || (checksOurs && statusOurs && !isBlank(status))) continue;
    (found ??= new Set()).add(`${row},${col + 1}`);
  }
  return found ?? NONE;
}

const NONE: ReadonlySet<string> = new Set();
