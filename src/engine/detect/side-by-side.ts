// Two tables side by side on one header row ("Ref | Indicator | … | Actual", a blank column, "Ref | Action |
// Status | Due date"). The row is no one tracker's header (two Ref columns, two names), so neither table was
// read and their records were left out with no word, or, under another table, read with that table's columns.
// They are not read yet: such a row ends the table above it (tables.ts), and the run says so, naming the row.
import { SheetCells, headerValueText, isBlank } from "../read/cells";
import { headerCells, judgeHeader, mapping } from "./header-rows";
import { IDENTITY_ROLES, exactRole, isOurHeading } from "./headers";
import { toA1 } from "../vocab/address";
import type { CellValue, ColumnMapping, Problem, SheetGrid, TableSpec } from "../vocab/types";

const SIDE_BY_SIDE = " tables side by side ";

const NAMED_TWICE = " both name its records";

/** Whether a problem is sideBySideProblems's: a table found but not read (side by side, or named twice). */
export function isUnreadTableProblem(p: Problem): boolean {
  return p.message.includes(SIDE_BY_SIDE) || p.message.includes(NAMED_TWICE);
}

/**
 * Cheap tests first, as every row of a sheet is asked: four cells or more, every one could be header text,
 * with a blank between two of them; only then, two of them exactly identity headers (each table has its own
 * "Ref" or name), which costs a look-up a cell.
 */
function mayHeadTwo(values: readonly CellValue[]): boolean {
  let count = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isBlank(v)) continue;
    if (typeof v !== "string" && headerValueText(v) === undefined) return false;
    count++;
    if (first < 0) first = i;
    last = i;
  }
  if (count < 4 || count === last - first + 1) return false;
  let identities = 0;
  for (const v of values) {
    if (typeof v !== "string" || v.length > MAX_IDENTITY_LENGTH) continue;
    const role = exactRole(v);
    if (role !== undefined && IDENTITY_ROLES.has(role) && ++identities >= 2) return true;
  }
  return false;
}

/** Identity headers are short ("Code & Short Name"). */
const MAX_IDENTITY_LENGTH = 40;

/** The row's header texts in runs split by a blank column (a heading merged across columns is one cell). */
function segments(cells: SheetCells, row: number, texts: Map<number, string>): [number, string][][] {
  const out: [number, string][][] = [];
  let run: [number, string][] = [];
  let last = -1;
  for (const [col, text] of [...texts].sort((a, b) => a[0] - b[0])) {
    let gap = false;
    for (let k = last + 1; last >= 0 && k < col; k++) if (!cells.isCovered(row, k)) gap = true;
    if (gap && run.length) {
      out.push(run);
      run = [];
    }
    run.push([col, text]);
    last = col;
  }
  if (run.length) out.push(run);
  return out;
}

const mappings = (run: [number, string][]): ColumnMapping[] => run.map(([col, text]) => mapping(col, text));

/**
 * Each table's header columns where `row` heads two or more tables side by side; undefined where it does not,
 * or where the row read whole is one table's header (a gap inside a table splits nothing). Our own headings
 * ("Status (auto)") are left out, so the answer is the same before and after a build.
 */
export function sideBySideAt(cells: SheetCells, row: number): ColumnMapping[][] | undefined {
  if (!mayHeadTwo(cells.row(row))) return undefined;
  const all = headerCells(cells, row);
  if (!all) return undefined;
  const texts = new Map([...all].filter(([, text]) => !isOurHeading(text)));
  if (texts.size < 4 || judgeHeader(mappings([...texts])) !== undefined) return undefined;
  const tables = segments(cells, row, texts)
    .map(mappings)
    .filter((run) => looksLikeTable(run) && judgeHeader(run) !== undefined);
  return tables.length >= 2 ? tables : undefined;
}

/**
 * A table's header beside another, not a legend or a data row: a Ref or name and two more columns of known
 * roles, with at most one cell of no role ("DoT", "Risks"). "Symbol | RAG | Definition" and "Status |
 * Definition" (legends) and "A2 | Review fees | No | Complete" (a row, "No" read as a ref) are not.
 */
function looksLikeTable(run: readonly ColumnMapping[]): boolean {
  let known = 0;
  let unknown = 0;
  for (const c of run) {
    if (c.role === "ignore") unknown++;
    else if (!IDENTITY_ROLES.has(c.role)) known++;
  }
  return known >= 2 && unknown <= 1;
}

/** Text as a repeat is compared: a note in brackets ("(cont.)") left out, spaces and case not counted. */
const folded = (text: string | undefined): string =>
  (text ?? "")
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/**
 * Whether `run` is the header of a table whose header starts in row `headerRow`, with `columns`, printed
 * again: column by column, the same text as that row (a two-row header's upper row, "Ref | … | Q3 2010/11")
 * or the same role ("RAG Status" for "RAG", "Indicator (cont.)").
 */
export function repeatsHeader(cells: SheetCells, headerRow: number, columns: readonly ColumnMapping[], run: readonly ColumnMapping[]): boolean {
  const roles = new Map(columns.map((c) => [c.col, c.role]));
  return run.every((c) => folded(headerValueText(cells.at(headerRow, c.col))) === folded(c.header) || (c.role !== "ignore" && roles.get(c.col) === c.role));
}

/**
 * A problem for each row heading tables side by side that no table read. Rows of a table found are passed
 * over: detectTables ends a table at such a row, but for its own header printed again with a legend beside
 * it; nor are rows of an Excel table asked.
 */
export function sideBySideProblems(grid: SheetGrid, found: readonly TableSpec[]): Problem[] {
  const cells = new SheetCells(grid);
  const problems: Problem[] = [];
  const taken = [...found.map((t) => ({ top: t.headerRow, bottom: t.lastRow })), ...(grid.tables ?? []).map((t) => t.range)].sort((a, b) => a.top - b.top);
  // Headers naming their records twice, found in the same pass and listed after the rows side by side.
  const twice: Problem[] = [];
  const namedTwice = new Set<string>();
  for (let r = cells.top; r <= cells.bottom; r++) {
    const inside = taken.find((x) => r >= x.top && r <= x.bottom);
    if (inside) {
      r = inside.bottom;
      continue;
    }
    const tables = sideBySideAt(cells, r);
    if (!tables) {
      const problem = doubledIdentityProblem(cells, grid.name, r, namedTwice);
      if (problem) twice.push(problem);
      continue;
    }
    const listed = listOf(tables);
    problems.push({
      sheet: grid.name,
      cell: toA1(r, tables[0][0].col),
      severity: "error",
      message:
        `This header row reads as ${tables.length}${SIDE_BY_SIDE}(${listed}), which are not read: their records are left out. ` +
        "If they are separate tables, put one below the other or on a sheet of its own; if they are one table, give it one Ref and one name column.",
    });
  }
  problems.push(...twice);
  // A table's header printed again with another table beside it: the table goes on; the other is not read.
  for (const t of found) {
    for (const r of t.besideRepeats ?? []) {
      const others = (sideBySideAt(cells, r) ?? []).filter((run) => !repeatsHeader(cells, t.headerRow, t.columns, run));
      if (!others.length) continue;
      problems.push({
        sheet: grid.name,
        cell: toA1(r, others[0][0].col),
        severity: "warning",
        message:
          `Beside this table's header, printed again here, ${listOf(others)} reads as ${others.length === 1 ? "another table's header; that table is" : "other tables' headers; those tables are"} not read, and any records there are left out. ` +
          "If it is a table, put it below the other or on a sheet of its own.",
      });
    }
  }
  return problems;
}

/**
 * The identity columns a header row names twice ("No. | PI Code | Indicator", "Ref | Indicator | Measure"),
 * where the row would read as a tracker's header with one of each; else undefined. Such a row is no table's
 * header (judgeHeader: two name columns are a row of headings), so its table was left out without a word
 * (helper-90): it is named, and how to have it read.
 */
function doubledIdentity(cells: SheetCells, row: number): ColumnMapping[] | undefined {
  const all = headerCells(cells, row);
  if (!all || all.size < 3) return undefined;
  const columns = mappings([...all].filter(([, text]) => !isOurHeading(text)));
  if (judgeHeader(columns) !== undefined) return undefined;
  const seen = new Set<string>();
  const doubled: ColumnMapping[] = [];
  const once = columns.map((c) => {
    if (!IDENTITY_ROLES.has(c.role) || c.role === "description") return c;
    if (!seen.has(c.role)) {
      seen.add(c.role);
      return c;
    }
    doubled.push(c);
    return { ...c, role: "ignore" as const };
  });
  if (!doubled.length || judgeHeader(once) === undefined || segments(cells, row, all).length > 1) return undefined;
  return [...columns.filter((c) => doubled.some((d) => d.role === c.role) && !doubled.includes(c)).slice(0, 1), ...doubled];
}

/** The problem for row `row` where it is such a header; `reported` keeps a header printed again down the table to one. */
function doubledIdentityProblem(cells: SheetCells, sheet: string, row: number, reported: Set<string>): Problem | undefined {
  if (!mayHeadOne(cells.row(row))) return undefined;
  const doubled = doubledIdentity(cells, row);
  if (!doubled) return undefined;
  const names = doubled.map((c) => `"${c.header}"`).join(" and ");
  if (reported.has(names)) return undefined;
  reported.add(names);
  return {
    sheet,
    cell: toA1(row, doubled[0].col),
    severity: "error",
    message:
      `This row reads as a tracker's header, but ${names}${NAMED_TWICE}, so the table is not read and its records are left out. ` +
      "Rename the one that is not the records' ref or name (for example \"No.\" to \"Row\"), then run again.",
  };
}

/** Cheap test first, as every row is asked: three text cells or more, two of them identity headers. */
function mayHeadOne(values: readonly CellValue[]): boolean {
  let texts = 0;
  let identities = 0;
  for (const v of values) {
    if (typeof v !== "string" || isBlank(v)) continue;
    texts++;
    if (v.length > MAX_IDENTITY_LENGTH) continue;
    const role = exactRole(v);
    if (role !== undefined && IDENTITY_ROLES.has(role)) identities++;
  }
  return texts >= 3 && identities >= 2;
}

/** "Ref … Actual" and "Ref … Due date": each table's first and last header. */
function listOf(tables: ColumnMapping[][]): string {
  const spans = tables.map((run) => `"${run[0].header} … ${run[run.length - 1].header}"`);
  return spans.length === 1 ? spans[0] : `${spans.slice(0, -1).join(", ")} and ${spans[spans.length - 1]}`;
}
