// Reads an .xlsx file into an ExcelJS workbook (kept for writing back) and the engine's SheetGrids,
// with what ExcelJS's reader changes or drops put right (faithful-load.ts, defined-names.ts,
// merged-values.ts).
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import type { SheetGrid } from "../engine/types";
import { rememberDefinedNames } from "./defined-names";
import { InputError } from "./errors";
import { loadFaithfully, type LoadedParts } from "./faithful-load";
import { worksheetToGrid } from "./grid";
import { rememberMergedValues } from "./merged-values";
import { readOwned, STATE_SHEET } from "./ownership";
import { checkXlsxBytes, checkZipParts, partsNotKept } from "./sniff";

export interface ReadResult {
  workbook: ExcelJS.Workbook;
  /** Every sheet but our very hidden state sheet, in tab order. */
  grids: SheetGrid[];
  /** Sheets the add-in made on an earlier run (summaries): callers usually skip them when detecting trackers. */
  ownedSheets: string[];
  /** What the file holds that ExcelJS cannot carry into a copy ("charts (2)"): the user is told. */
  notKept: string[];
}

/** Where each workbook was read from, so writeXlsx can refuse to overwrite it. */
const sources = new WeakMap<ExcelJS.Workbook, string>();

export function sourcePathOf(workbook: ExcelJS.Workbook): string | undefined {
  return sources.get(workbook);
}

function oneLine(message: string): string {
  const line = message.split(/\r?\n/)[0].trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line || "unknown error";
}

async function readBytes(path: string, name: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`${name} was not found`);
    if (code === "EISDIR") throw new InputError(`${name} is a folder, not an .xlsx file`);
    if (code === "EACCES" || code === "EPERM") throw new InputError(`${name} cannot be opened (permission denied)`);
    throw new InputError(`${name} cannot be read: ${oneLine((e as Error).message)}`);
  }
}

/**
 * Reads a workbook from a path or from bytes. Throws InputError, with a one-line reason naming the
 * file, when it is not an .xlsx package, is corrupt or is password-protected.
 */
export async function readXlsx(input: string | Uint8Array, options: { name?: string } = {}): Promise<ReadResult> {
  const name = options.name ?? (typeof input === "string" ? input : "input");
  const bytes = typeof input === "string" ? await readBytes(input, name) : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  checkXlsxBytes(bytes, name);
  checkZipParts(bytes, name);

  const workbook = new ExcelJS.Workbook();
  let parts: LoadedParts;
  try {
    parts = await loadFaithfully(workbook, bytes);
  } catch (e) {
    throw new InputError(`${name} is corrupt: ${oneLine(e instanceof Error ? e.message : String(e))}`);
  }
  // Excel always saves at least one sheet; none means the package's parts could not be read.
  if (workbook.worksheets.length === 0) throw new InputError(`${name} is corrupt: no worksheets could be read from it`);
  if (typeof input === "string") sources.set(workbook, input);
  rememberDefinedNames(workbook, parts.workbookXml, parts.sheetNames);
  rememberMergedValues(workbook, parts.mergedValues);

  const grids: SheetGrid[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.name !== STATE_SHEET) grids.push(worksheetToGrid(ws));
  }
  return { workbook, grids, ownedSheets: readOwned(workbook).map((o) => o.sheet), notKept: partsNotKept(bytes) };
}
