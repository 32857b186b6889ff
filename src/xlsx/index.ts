// The file host: reads .xlsx packages into SheetGrids (read-package.ts) and writes the built copy by
// patching the input package (build-package.ts). No ExcelJS on this path.
import type { SheetGrid } from "../engine/vocab/types";
import { readPackage } from "./read-package";

export { InputError, OutputError, UsageError } from "./errors";
export { readPackage, type PackageRead } from "./read-package";
export { tempPathBeside, writePatchedPackage } from "./build-package";
export { STATE_SHEET } from "../engine/sheets/ownership";

export interface ReadResult {
  /** Every worksheet but our state sheet, in tab order. */
  grids: SheetGrid[];
  /** Sheets the add-in made (by their mark): callers skip them when detecting trackers. */
  ownedSheets: string[];
}

/** Reads a workbook's grids from a path or bytes, and closes the package: for callers that only rate. */
export async function readXlsx(input: string | Uint8Array, options: { name?: string } = {}): Promise<ReadResult> {
  const source = typeof input === "string" ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const read = await readPackage(source, options.name ?? (typeof input === "string" ? input : "input"));
  read.pkg.close();
  return { grids: read.grids, ownedSheets: read.ownedSheets };
}
