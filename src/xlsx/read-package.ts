// Reads an .xlsx package without ExcelJS: the package stays open for the writer, which copies every
// part it does not patch. Worksheets are streamed into the engine's grids; chart sheets are listed
// but have no grid; our state sheet is read for the ownership record and never handed to the engine.
import type { CellRange, Problem, SheetGrid } from "../engine/vocab/types";
import { decideOwnership, isOurs, OWNER_MARK, parseMark, sameSheetName, STATE_SHEET, type Ownership, type SheetFacts } from "../engine/sheets/ownership";
import { HISTORY_SHEET } from "../engine/history/types";
import { HISTORY_PERIODS_READ } from "../engine/history/layout";
import { usableHistoryRowOrder } from "../engine/history/read";
import { RULES_SHEET } from "../engine/rules-sheet/rules-sheet-spec";
import type { CellsWritten } from "../engine/trackers/foreign";
// The record's codec is the add-in's (pure code, no Office): one format, read the same way by both hosts.
import { keyedBySheet, readRecordColumn, savedFromColumn, writtenCells, type SheetMemory } from "../excel/saved";
import { cellKey } from "../excel/cells";
import { areasOfAddress } from "../excel/a1";
import { InputError } from "./errors";
import { readContentTypes } from "./package/content-types";
import { readRelationships, relOfType } from "./package/relationships";
import { readSharedStrings, type SharedStrings } from "./package/shared-strings";
import { readCellFormats } from "./package/styles-read";
import { REL, type ContentTypes, type SheetKind, type SheetState, type WorkbookPart } from "./package/types";
import { readWorkbookPart } from "./package/workbook-part";
import { ZipPackage } from "./package/zip-reader";
import { readSheet, sharedStringIndices, type ColumnSpan } from "./sheet-reader";
import { readTables, type TableInfo } from "./tables-read";
import { readDrawingPlaces } from "./drawings-read";
import { followSortedRows, type Backup } from "./patch/record-backups";

/** Shared-strings parts above this size are read selectively (only the strings the sheets use). */
export const SELECTIVE_STRINGS_BYTES = 32 * 1024 * 1024;

export interface ReadPackageOptions {
  /** Read the shared strings selectively above this many bytes (tests lower it). */
  selectiveStringsBytes?: number;
  /**
   * Leave out the grids of sheets carrying our mark for a summary (a build replaces them whole, and at
   * 100,000 rows they are a third of a built workbook). Callers that show the workbook keep them.
   */
  skipOwnSummaries?: boolean;
  /**
   * Read our history sheet's latest periods only (HISTORY_PERIODS_READ), and column A of the rows above
   * them: a build keeps those rows as they are (build-package.ts), so a rebuild's memory stops growing
   * with every quarter recorded. A row the window cannot pass over (usableHistoryRowOrder) reads it whole.
   */
  windowHistory?: boolean;
}

export interface SheetInfo {
  name: string;
  /** The sheet's part; undefined when its relationship is missing. */
  part?: string;
  relId: string;
  sheetId: number;
  kind: SheetKind;
  state: SheetState;
  /** Worksheets only: <sheetProtection sheet="1">. */
  protected: boolean;
  tables: TableInfo[];
  hiddenColumns: ColumnSpan[];
  /** Carries our mark, or is our state sheet: made by the add-in. */
  ours: boolean;
}

export interface PackageRead {
  /** The open package: close it when done (after the writer has copied from it). */
  pkg: ZipPackage;
  contentTypes: ContentTypes;
  workbook: WorkbookPart;
  /** Every worksheet but our state sheet (and our summaries, with `skipOwnSummaries`), in tab order (chart and other sheets have none). */
  grids: SheetGrid[];
  /** Every sheet of the workbook part, in tab order. */
  sheets: SheetInfo[];
  /** Sheets the add-in made (by their mark): not trackers. */
  ownedSheets: string[];
  ownership: Ownership;
  /** The cells of ours the add-in's record lists on each sheet (its SheetMemory.values), read from the record sheet. */
  written: Record<string, CellsWritten>;
  /** The add-in's memory in the record sheet (A2 on), and how many cells of column A the record uses (A1 included). */
  saved: Record<string, SheetMemory>;
  recordRows: number;
  /** The format index of each cell of the record sheet that has one, by cellKey: the backups Remove colours copies back. */
  recordFormats: Map<number, number>;
  /**
   * Backups that moved with rows an officer sorted since the record was kept (record-backups.ts
   * followSortedRows): `saved` and `recordFormats` are read at the rows now, and these record-sheet cells
   * must be written so the record sheet agrees.
   */
  recordMoves: Backup[];
  /** Warnings about the input (cells too far from the data to read), naming sheet and cell. */
  problems: Problem[];
  /** Warnings about formulas' results, by sheet (sheet-reader.ts): the build tells those of the sheets with a tracker. */
  formulaProblems: Problem[];
  sharedStringsPart?: string;
  stylesPart?: string;
  /** The grid of the sheet read through a window (windowHistory), read again whole; undefined when none was. */
  readWhole(): Promise<SheetGrid | undefined>;
}

/**
 * A sheet carrying our mark for a summary: replaced whole by this run and never a tracker, so its cells
 * (a row per record, the largest part of a built workbook) are not read. The rules and history sheets
 * are read: the run takes its settings and earlier periods from them.
 */
function unreadOwnSheet(mark: string | undefined): boolean {
  const plan = parseMark(mark);
  return plan !== undefined && !sameSheetName(plan, RULES_SHEET) && !sameSheetName(plan, HISTORY_SHEET) && !sameSheetName(plan, STATE_SHEET);
}

/** Each sheet's print area (_xlnm.Print_Area, "'KPIs'!$A$1:$E$40"), by its place in <sheets>. */
function printAreasByIndex(workbook: WorkbookPart): Map<number, CellRange[]> {
  const areas = new Map<number, CellRange[]>();
  for (const n of workbook.definedNames) {
    if (n.localSheetId === undefined || n.name.toLowerCase() !== "_xlnm.print_area") continue;
    const rects = areasOfAddress(namedArea(workbook, n.formula.trim(), n.localSheetId));
    if (rects.length) areas.set(n.localSheetId, rects);
  }
  return areas;
}

/** A print area given as a defined name (`MyArea`, helper-76): that name's cells, the sheet's own name first. */
function namedArea(workbook: WorkbookPart, formula: string, sheet: number): string {
  if (!/^[A-Za-z_\\][\w.]*$/.test(formula)) return formula;
  const named = (local: number | undefined) => workbook.definedNames.find((d) => d.localSheetId === local && d.name.toLowerCase() === formula.toLowerCase());
  return (named(sheet) ?? named(undefined))?.formula.trim() ?? formula;
}

/** Each sheet's OWNER_MARK formula, by its place in <sheets>. */
function marksByIndex(workbook: WorkbookPart): Map<number, string> {
  const marks = new Map<number, string>();
  for (const n of workbook.definedNames) {
    if (n.localSheetId !== undefined && sameSheetName(n.name, OWNER_MARK)) marks.set(n.localSheetId, n.formula);
  }
  return marks;
}

async function readStrings(pkg: ZipPackage, part: string | undefined, sheetParts: string[], selectiveAbove: number): Promise<SharedStrings | undefined> {
  if (!part || !pkg.has(part)) return undefined;
  const size = pkg.info(part)?.uncompressedSize ?? 0;
  if (size <= selectiveAbove) return readSharedStrings(pkg, part);
  const wanted = new Set<number>();
  for (const sheetPart of sheetParts) await sharedStringIndices(pkg, sheetPart, wanted);
  return readSharedStrings(pkg, part, (i) => wanted.has(i));
}

/** Reads the package at `path` (`name` in messages: the path as the user typed it). */
export async function readPackage(path: string | Buffer, name = typeof path === "string" ? path : "input", options: ReadPackageOptions = {}): Promise<PackageRead> {
  const pkg = await ZipPackage.open(path, name);
  try {
    return await readOpenPackage(pkg, options.selectiveStringsBytes ?? SELECTIVE_STRINGS_BYTES, options.skipOwnSummaries ?? false, options.windowHistory ?? false);
  } catch (e) {
    pkg.close();
    throw e;
  }
}

async function readOpenPackage(pkg: ZipPackage, selectiveAbove: number, skipOwnSummaries: boolean, windowHistory: boolean): Promise<PackageRead> {
  const contentTypes = await readContentTypes(pkg);
  const workbook = await readWorkbookPart(pkg);
  const stringsPart = relOfType(workbook.rels, REL.sharedStrings)?.part;
  const stylesPart = relOfType(workbook.rels, REL.styles)?.part;
  const formats = await readCellFormats(pkg, stylesPart);
  const worksheets = workbook.sheets.filter((s) => s.kind === "worksheet");
  for (const s of worksheets) {
    if (!s.part || !pkg.has(s.part)) throw new InputError(`${pkg.file} is corrupt: the part of sheet '${s.name}' (${s.part ?? s.relId}) is missing`);
  }
  const marks = marksByIndex(workbook);
  const printAreas = printAreasByIndex(workbook);
  const facts: SheetFacts[] = workbook.sheets.map((s) => ({ name: s.name, visibility: s.state, mark: marks.get(s.index) }));
  const stateName = decideOwnership(facts, undefined).stateSheet;
  const skipped = (s: WorkbookPart["sheets"][number]): boolean => skipOwnSummaries && s.name !== stateName && unreadOwnSheet(marks.get(s.index));
  const strings = await readStrings(pkg, stringsPart, worksheets.filter((s) => !skipped(s)).map((s) => s.part as string), selectiveAbove);

  const sheets: SheetInfo[] = [];
  const grids: SheetGrid[] = [];
  const problems: Problem[] = [];
  const formulaProblems: Problem[] = [];
  let stateA1: unknown;
  let saved: Record<string, SheetMemory> = {};
  let recordRows = 0;
  const recordFormats = new Map<number, number>();
  let windowed: { name: string; part: string; problems: Problem[] } | undefined;
  const context = (name: string, part: string) => ({ name, part, strings, formats, date1904: workbook.date1904, recalculatedOnLoad: workbook.recalculatedOnLoad });

  for (const s of workbook.sheets) {
    const info: SheetInfo = {
      name: s.name,
      ...(s.part ? { part: pkg.entryName(s.part) ?? s.part } : {}),
      relId: s.relId,
      sheetId: s.sheetId,
      kind: s.kind,
      state: s.state,
      protected: false,
      tables: [],
      hiddenColumns: [],
      ours: false,
    };
    sheets.push(info);
    if (s.kind !== "worksheet" || !info.part) continue;
    const isRecord = stateName !== undefined && s.name === stateName;
    if (skipped(s)) continue;
    const onCellFormat = isRecord ? (row: number, col: number, xf: number) => col >= 2 && recordFormats.set(cellKey(row, col), xf) : undefined;
    // Only under its own name: the build writes the history to the sheet of that name (a renamed one is kept).
    const ourHistory = windowHistory && !isRecord && sameSheetName(s.name, HISTORY_SHEET) && sameSheetName(parseMark(marks.get(s.index)) ?? "", HISTORY_SHEET);
    let read = await readSheet(pkg, { ...context(s.name, info.part), onCellFormat, ...(ourHistory ? { window: { groups: HISTORY_PERIODS_READ, orderOf: usableHistoryRowOrder } } : {}) });
    if (read.windowFailed) read = await readSheet(pkg, context(s.name, info.part));
    if (read.grid.skippedRows) windowed = { name: s.name, part: info.part, problems: read.problems };
    info.protected = read.protected;
    info.hiddenColumns = read.hiddenColumns;
    // The engine warns of a status column it must leave hidden (colour.ts hiddenStatusProblems).
    if (read.hiddenColumns.length) read.grid.hiddenColumns = read.hiddenColumns;
    // A hidden sheet's records are left out of the pack as hidden rows' are; a very hidden one is no tracker.
    if (s.state !== "visible") read.grid.visibility = s.state;
    // …and of one under a chart or picture (coveredStatusProblems).
    const drawings = await readDrawingPlaces(pkg, info.part, read.drawingRelId, read.legacyDrawingRelId);
    if (drawings.length) read.grid.drawings = drawings;
    // …and of one outside the sheet's print area (unprintedStatusProblems).
    const printArea = printAreas.get(s.index);
    if (printArea) read.grid.printArea = printArea;
    if (read.tableRelIds.length) {
      const rels = await readRelationships(pkg, info.part);
      info.tables = await readTables(pkg, info.part, read.tableRelIds, rels);
      read.grid.tables = info.tables.map((t) => ({ name: t.name, range: t.range, ...(t.totalsRowCount ? { totalsRows: t.totalsRowCount } : {}) }));
    }
    if (isRecord) {
      stateA1 = read.grid.values[0]?.[0] ?? null;
      // The add-in's part of the record (A2 on): which cells it wrote, so text it did not write there stays the officer's.
      const record = readRecordColumn(read.grid.values, read.grid.origin ?? { row: 0, col: 0 });
      saved = keyedBySheet(
        savedFromColumn(record.column),
        workbook.sheets.map((w) => w.name),
      );
      recordRows = record.rows;
      continue;
    }
    problems.push(...read.problems);
    formulaProblems.push(...(read.formulaProblems ?? []));
    grids.push(read.grid);
  }

  // Before anything reads the record (`written` too): a sorted sheet's backups are found at their records' rows now.
  const recordMoves = followSortedRows(saved, grids, recordFormats);
  const ownership = decideOwnership(facts, stateA1);
  for (const info of sheets) info.ours = isOurs(ownership, info.name);
  const ownedSheets = ownership.ours.filter((n) => n !== ownership.stateSheet);
  return {
    pkg,
    contentTypes,
    workbook,
    grids,
    sheets,
    ownedSheets,
    ownership,
    written: writtenCells(saved),
    saved,
    recordRows,
    recordFormats,
    recordMoves,
    problems,
    formulaProblems,
    ...(stringsPart ? { sharedStringsPart: stringsPart } : {}),
    ...(stylesPart ? { stylesPart } : {}),
    readWhole: async () => {
      if (!windowed) return undefined;
      const whole = await readSheet(pkg, context(windowed.name, windowed.part));
      // The whole sheet's warnings in place of the window's.
      const before = new Set(windowed.problems);
      const kept = problems.filter((p) => !before.has(p));
      problems.length = 0;
      problems.push(...kept, ...whole.problems);
      return whole.grid;
    },
  };
}
