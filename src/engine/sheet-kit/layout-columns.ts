// Dropping a table's columns that are empty on every row, and spreading the rest over the grid so
// the table still spans it, the spare room going where it saves the most lines.
import { mostPixels, paragraphPixels, textRoom, type Font } from "./layout-measure";
import { fontOf, leadWordsWidth, STYLES, WIDTHS, widthOf, widthsOf, type Grid } from "./layout-style";
import type { PlanStyle, PlanValue } from "../vocab/plan";

export interface Column<T> {
  col: number;
  /** Merge each cell across to this column (one merge-across area for the whole table). */
  to?: number;
  header: string;
  headerStyle?: PlanStyle;
  value: (item: T) => PlanValue;
  /** The same style on every row: one range for the whole column. */
  style?: PlanStyle;
  /** A style chosen row by row (a status or trend cell). */
  styleOf?: (item: T) => PlanStyle;
  /** Left out when empty on every row (dates and progress a tracker does not keep). */
  optional?: boolean;
  /** The least width (grid units) it needs, where more than its share of its own: a chart's. */
  minWidth?: number;
  /** Its cells' first two words (a status's symbol and word, "✓ Satisfactory") are never broken apart: measured bold, as statuses are set. */
  leadWordsWhole?: boolean;
}

/**
 * Tables up to this many rows may be laid across merged cells. A file still stores one merged area
 * per row, and thousands of merged areas make a sheet slow to open, sort and filter in Excel, so big
 * tables keep the plain grid.
 */
export const MERGE_ROWS = 200;
/** A kept column has room enough with this share of its own width (a status in G, 12 of F's 17). */
const ENOUGH = 0.7;

export const isEmpty = (v: PlanValue): boolean => v === null || (typeof v === "string" && v.trim() === "");

/**
 * The columns to show: optional ones empty on every row dropped, the rest laid across the same grid
 * columns. Each kept column takes whole grid columns, in order. Of the ways to do that, the one whose
 * rows take the fewest lines: Dudley's comparators, given one 12-wide column beside a 60-wide comment,
 * broke over seven lines. No column gets less than its room enough; where the lines are the same, the
 * last column (the comment) keeps the rest.
 */
export function fitColumns<T>(items: readonly T[], columns: Column<T>[], grid: Grid = WIDTHS): Column<T>[] {
  if (items.length === 0 || items.length > MERGE_ROWS) return columns;
  // Most tables keep every column: each optional one is asked only until a row fills it.
  const kept = columns.filter((c) => !c.optional || items.some((i) => !isEmpty(c.value(i)))).sort((a, b) => a.col - b.col);
  if (kept.length === columns.length || kept.length === 0) return columns;
  const last = Math.max(...columns.map((c) => c.to ?? c.col));
  const first = Math.min(...columns.map((c) => c.col));
  const ends = fewestLines(items, kept, first, last, grid);
  let at = first;
  return kept.map((c, i) => {
    const to = ends[i];
    const placed: Column<T> = { ...c, col: at };
    if (to > at) placed.to = to;
    else delete placed.to;
    at = to + 1;
    return placed;
  });
}

/** Statuses are set bold: their symbol and word are measured so. */
const LEAD_WORDS_STYLE: PlanStyle = { ...STYLES.body, bold: true };
/** More than a sum of word widths can differ from the width of the whole by rounding. */
const ROUNDING = 0.01;
/** Characters of a paragraph measured: longer ones wrap in any span, and their width is scaled from these. */
const SAMPLE = 80;
/** The share of a line wrapped text fills, words moving whole to the next line. */
const WRAP_FILL = 0.9;

/**
 * Lines paragraphs of these widths take in `room` pixels: exact where one fits, estimated where it
 * wraps. Choosing spans needs only which is fewer (the table then measures each cell exactly), and
 * wrapping every row's text in every span cost about 5% of a 10,000-row build.
 */
function estimatedLines(widths: readonly number[], room: number): number {
  let lines = 0;
  for (const px of widths) lines += px + ROUNDING < room ? 1 : Math.ceil(px / (room * WRAP_FILL));
  return lines;
}

/**
 * Costs, in lines: a line in any cell counts a little (a status broken under its symbol). A column short
 * of its room costs more than any lines a table of MERGE_ROWS rows could save, however little it is short:
 * a quadratic penalty let five rows of long comments take a grid column from a status ("✓ / Satisfactory")
 * and derby-csp's comments take one from the trend charts. Only where every way leaves some column short
 * does the shortfall's size choose.
 */
const CELL_LINE = 0.05;
const SHORT = 1e6;
/** A grid column a column takes beyond the least it could: only enough to leave the rest to the last column. */
const SPARE = 1e-6;

/** A column's texts, header first, each measured once: its widest paragraph's pixels, its paragraphs, and their pixels where more than one. */
interface ColumnTexts {
  widest: Float64Array;
  paragraphs: Uint16Array;
  parts: (number[] | undefined)[];
}

/** Texts too short to fill `narrowest` pixels in the widest letters fit in any span: not measured. */
function measureTexts<T>(c: Column<T>, values: PlanValue[], items: readonly T[], narrowest: number): ColumnTexts {
  const rows = items.length + 1;
  const out: ColumnTexts = { widest: new Float64Array(rows), paragraphs: new Uint16Array(rows), parts: new Array<number[] | undefined>(rows) };
  const uniform = c.styleOf ? undefined : fontOf(c.style);
  const put = (r: number, text: PlanValue, font: Font | undefined, style: () => PlanStyle | undefined) => {
    if (typeof text !== "string" || text.length === 0) return;
    out.paragraphs[r] = 1;
    const measureFont = font ?? fontOf(style());
    if (mostPixels(text.length, measureFont) < narrowest - ROUNDING && text.indexOf("\n") < 0) return;
    const px = paragraphPixels(text, measureFont, SAMPLE);
    out.paragraphs[r] = px.length;
    out.widest[r] = Math.max(...px) + ROUNDING;
    if (px.length > 1) out.parts[r] = px;
  };
  put(0, c.header, undefined, () => c.headerStyle ?? STYLES.header);
  items.forEach((item, i) => put(i + 1, values[i], uniform, () => c.styleOf?.(item)));
  return out;
}

/**
 * The last grid column of each kept column's span. Every way of cutting the grid columns into spans
 * is tried (at most a few hundred for the summary's grid), each span's lines measured once per row.
 */
function fewestLines<T>(items: readonly T[], kept: Column<T>[], first: number, last: number, grid: Grid): number[] {
  const n = kept.length;
  const rows = items.length + 1; // the header row first
  const values = kept.map((c) => items.map((i) => c.value(i)));
  const floors = kept.map((c, i) => {
    const words = c.leadWordsWhole ? leadWordsWidth(values[i].filter((v): v is string => typeof v === "string"), LEAD_WORDS_STYLE) : 0;
    return Math.max(widthOf(c.col, c.to, grid) * ENOUGH, c.minWidth ?? 0, words);
  });
  const narrowest = textRoom([Math.min(...widthsOf(first, last, grid))]);
  const texts = kept.map((c, i) => measureTexts(c, values[i], items, narrowest));
  // Each span's lines per row, and whether every row is then on as few lines as it can be (one a paragraph).
  const measured = kept.map(() => new Map<number, { lines: Uint16Array; sum: number; least: boolean }>());
  const linesOf = (i: number, p: number, e: number): { lines: Uint16Array; sum: number; least: boolean } => {
    const key = p * 1024 + e;
    let out = measured[i].get(key);
    if (out) return out;
    const widths = widthsOf(p, e, grid);
    const room = textRoom(widths);
    const lines = new Uint16Array(rows);
    let least = true;
    let sum = 0;
    const { widest, paragraphs, parts } = texts[i];
    for (let r = 0; r < rows; r++) {
      if (widest[r] < room) lines[r] = paragraphs[r];
      else {
        const part = parts[r];
        lines[r] = part ? estimatedLines(part, room) : Math.ceil(widest[r] / (room * WRAP_FILL));
        least = false;
      }
      sum += lines[r];
    }
    measured[i].set(key, (out = { lines, sum, least }));
    return out;
  };
  let best = Infinity;
  let bestEnds: number[] = [];
  const ends: number[] = [];
  // Each row's most lines so far, one buffer a column: a column's choices are tried one after another.
  const maxima = Array.from({ length: n + 1 }, () => new Uint16Array(rows));
  const place = (i: number, p: number, cost: number): void => {
    const lastEnd = i === n - 1 ? last : last - (n - 1 - i);
    for (let e = i === n - 1 ? last : p; e <= lastEnd; e++) {
      const width = widthOf(p, e, grid);
      const short = width >= floors[i] ? 0 : 1 + (floors[i] - width) / floors[i];
      const { lines, sum, least } = linesOf(i, p, e);
      const before = maxima[i];
      const next = maxima[i + 1];
      for (let r = 0; r < rows; r++) next[r] = before[r] > lines[r] ? before[r] : lines[r];
      const here = cost + SHORT * short + CELL_LINE * sum + (i === n - 1 ? 0 : SPARE * (e - p));
      ends[i] = e;
      if (i < n - 1) place(i + 1, e + 1, here);
      else {
        let total = here;
        for (let r = 0; r < rows; r++) total += next[r] > 1 ? next[r] : 1;
        if (total < best) {
          best = total;
          bestEnds = [...ends];
        }
      }
      // Wider than every row's fewest lines and the column's room saves nothing more: only the spare room would go.
      if (least && short === 0) break;
    }
  };
  place(0, first, 0);
  return bestEnds;
}
