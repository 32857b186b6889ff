// The Statuses table of the rules sheet: one row per status, written from a scheme and read back onto one.
// Keys and levels belong to the preset; labels, meanings, colours, symbols and aliases may be edited.
import { SheetCells } from "../read/cells";
import { contrastRatio } from "../scheme/colours";
import { normaliseRating } from "../scheme/schemes";
import { levelOf, normLabel, STATUS_HEADER } from "./rules-sheet-spec";
import { readColour, textOf } from "./rules-sheet-values";
import type { PlanValue } from "../vocab/plan";
import type { CellValue, Problem, RecordKind, Scheme, Status } from "../vocab/types";

const ALIAS_SEPARATOR = " | ";
const KINDS: RecordKind[] = ["indicator", "activity"];
const KIND_WORD: Record<RecordKind, string> = { indicator: "Indicator", activity: "Activity" };

export const MIN_CONTRAST = 4.5;

/** Where a problem is: the reader turns (row, col) into an A1 address. */
export type CellReport = (row: number, col: number, message: string, severity?: Problem["severity"]) => void;

export function statusRow(kind: RecordKind, s: Status): PlanValue[] {
  return [KIND_WORD[kind], s.key, s.label, s.description, s.level, s.fill, s.font, s.symbol, s.aliases.join(ALIAS_SEPARATOR)];
}

export function statusRows(scheme: Scheme): { kind: RecordKind; status: Status; values: PlanValue[] }[] {
  return KINDS.flatMap((kind) => (kind === "indicator" ? scheme.indicator : scheme.activity).map((status) => ({ kind, status, values: statusRow(kind, status) })));
}

function kindOf(text: string): RecordKind | undefined {
  if (/^indicators?$/i.test(text)) return "indicator";
  if (/^activit(y|ies)$/i.test(text)) return "activity";
  return undefined;
}

function splitAliases(text: string): string[] {
  return text
    .split(/\s*[|;]\s*/)
    .map((a) => a.trim())
    .filter(Boolean);
}

type Column = "kind" | "key" | "label" | "meaning" | "level" | "fill" | "font" | "symbol" | "aliases";
const COLUMN_NAMES: Record<string, Column> = {
  kind: "kind",
  key: "key",
  label: "label",
  meaning: "meaning",
  description: "meaning",
  level: "level",
  fill: "fill",
  font: "font",
  "font colour": "font",
  "font color": "font",
  symbol: "symbol",
  "also accepts": "aliases",
  aliases: "aliases",
};
// The layout's own header must be readable by the reader.
for (const h of STATUS_HEADER) if (!COLUMN_NAMES[normLabel(h)]) throw new Error(`status header ${h} is not readable`);

/** The header row's columns by meaning, or undefined when the row is not the Kind | Key … header. */
export function statusColumns(cells: SheetCells, row: number): Partial<Record<Column, number>> | undefined {
  const cols: Partial<Record<Column, number>> = {};
  for (let c = cells.left; c <= cells.right; c++) {
    const name = COLUMN_NAMES[normLabel(textOf(cells.at(row, c)))];
    if (name && cols[name] === undefined) cols[name] = c;
  }
  return cols.kind !== undefined && cols.key !== undefined ? cols : undefined;
}

interface RowContext {
  cells: SheetCells;
  row: number;
  cols: Partial<Record<Column, number>>;
  report: CellReport;
}

function cellOf(ctx: RowContext, column: Column): { col: number; value: CellValue } | undefined {
  const col = ctx.cols[column];
  return col === undefined ? undefined : { col, value: ctx.cells.at(ctx.row, col) };
}

/** Applies one row's edits to its status (a copy the reader owns). */
function applyRow(ctx: RowContext, status: Status, kind: RecordKind): void {
  const { row, report } = ctx;
  const name = `${KIND_WORD[kind]} ${status.key}`;
  const label = cellOf(ctx, "label");
  if (label) {
    const text = textOf(label.value);
    if (text) status.label = text;
    else report(row, label.col, `${name}: the label is blank; "${status.label}" is used.`, "warning");
  }
  const meaning = cellOf(ctx, "meaning");
  if (meaning) status.description = textOf(meaning.value);
  const level = cellOf(ctx, "level");
  if (level && textOf(level.value) && levelOf(textOf(level.value)) !== status.level) {
    report(row, level.col, `${name}: levels are fixed by the scheme, so "${textOf(level.value)}" is ignored and ${status.level} is kept.`, "warning");
  }
  for (const part of ["fill", "font"] as const) {
    const cell = cellOf(ctx, part);
    if (!cell) continue;
    const colour = readColour(cell.value);
    if (colour) status[part] = colour;
    else report(row, cell.col, `${name}: ${part} colour "${textOf(cell.value)}" cannot be read (write it as #RRGGBB); ${status[part]} is used.`, "error");
  }
  const ratio = contrastRatio(status.fill, status.font);
  if (ratio < MIN_CONTRAST) {
    const at = cellOf(ctx, "font") ?? cellOf(ctx, "fill");
    report(row, at?.col ?? ctx.cols.key ?? 0, `${name}: fill ${status.fill} and font ${status.font} have a contrast of ${ratio.toFixed(1)}:1, below the ${MIN_CONTRAST}:1 needed to read it; used as written.`, "warning");
  }
  const symbol = cellOf(ctx, "symbol");
  if (symbol) {
    const text = textOf(symbol.value);
    if (text) status.symbol = text;
    else report(row, symbol.col, `${name}: the symbol is blank; "${status.symbol}" is used (colour must never be the only signal).`, "warning");
  }
  const aliases = cellOf(ctx, "aliases");
  const words = aliases ? splitAliases(textOf(aliases.value)) : [];
  if (words.length) status.aliases = words;
  // Officers may type a status's own label or symbol, whatever the list says.
  const known = new Set(status.aliases.map(normaliseRating));
  for (const own of [status.label, status.symbol]) if (!known.has(normaliseRating(own))) status.aliases.push(own);
}

/** Warns where an edit made one word mean two statuses: the first in the table wins when officers type it. */
function checkAliases(statuses: Status[], rowOf: Map<Status, { row: number; col: number }>, report: CellReport): void {
  const owner = new Map<string, Status>();
  for (const s of statuses) {
    for (const alias of s.aliases) {
      const a = normaliseRating(alias);
      const first = owner.get(a);
      if (!first) owner.set(a, s);
      else if (first !== s) {
        const at = rowOf.get(s);
        if (at) report(at.row, at.col, `"${alias}" is accepted for both ${first.key} and ${s.key}: it will mean ${first.key}.`, "warning");
      }
    }
  }
}

/** Reads the table's rows (sheet rows after its header) onto the scheme's statuses. */
export function readStatusTable(cells: SheetCells, rows: number[], scheme: Scheme, report: CellReport): void {
  let cols: Partial<Record<Column, number>> | undefined;
  const seen = new Set<Status>();
  const where = new Map<Status, { row: number; col: number }>();
  for (const row of rows) {
    if (!cols) {
      cols = statusColumns(cells, row);
      continue; // rows before the header are notes
    }
    const ctx: RowContext = { cells, row, cols, report };
    const kindCell = cellOf(ctx, "kind");
    const keyCell = cellOf(ctx, "key");
    const kindText = kindCell ? textOf(kindCell.value) : "";
    const keyText = keyCell ? textOf(keyCell.value) : "";
    if (!keyText) continue; // blank rows and notes
    const kind = kindOf(kindText);
    if (!kind) {
      report(row, kindCell?.col ?? 0, `Kind "${kindText}" is not Indicator or Activity: the row is ignored.`, "error");
      continue;
    }
    const statuses = kind === "indicator" ? scheme.indicator : scheme.activity;
    const status = statuses.find((s) => s.key === keyText.toLowerCase());
    if (!status) {
      const keys = statuses.map((s) => s.key).join(", ");
      report(row, keyCell?.col ?? 0, `No ${kind} status "${keyText}" in this scheme (${keys}): statuses cannot be added or renamed here, so the row is ignored.`, "error");
      continue;
    }
    if (seen.has(status)) {
      report(row, keyCell?.col ?? 0, `${KIND_WORD[kind]} ${status.key} is listed twice: the first row is used.`, "warning");
      continue;
    }
    seen.add(status);
    where.set(status, { row, col: cols.aliases ?? cols.key ?? 0 });
    applyRow(ctx, status, kind);
  }
  checkAliases(scheme.indicator, where, report);
  checkAliases(scheme.activity, where, report);
}
