// Excel tables (ListObjects) of a worksheet, found through its relationships: the <tablePart r:id>s
// of the sheet resolve, absolute or relative, to table parts.
import type { CellRange } from "../engine/vocab/types";
import { InputError } from "./errors";
import { readRelationships, relById } from "./package/relationships";
import type { Relationships } from "./package/types";
import type { ZipPackage } from "./package/zip-reader";
import { attr, parseXml } from "./package/xml";
import { parseRef } from "./sheet-reader";

export interface TableInfo {
  /** displayName (what formulas use), falling back to name. */
  name: string;
  /** The part it lives in ("xl/tables/table1.xml"). */
  part: string;
  /** The sheet relationship's id. */
  relId: string;
  /** The id attribute (unique across the workbook). */
  id: number;
  ref: string;
  range: CellRange;
  /** Header rows: 1 unless the table says 0. */
  headerRowCount: number;
  /** Totals rows: 0 unless the table has a totals row. */
  totalsRowCount: number;
  totalsRowShown: boolean;
}

function intAttr(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : parseInt(value, 10);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

export function parseTablePart(file: string, part: string, relId: string, xml: string): TableInfo | undefined {
  let info: TableInfo | undefined;
  parseXml(file, part, xml, {
    open(tag, local) {
      if (local !== "table" || info) return;
      const ref = attr(tag, "ref") ?? "";
      const range = parseRef(ref);
      const name = attr(tag, "displayName") ?? attr(tag, "name");
      if (!range || !name) throw new InputError(`${file} is corrupt: table ${part} has no ${range ? "name" : "valid range"}`);
      info = {
        name,
        part,
        relId,
        id: intAttr(attr(tag, "id"), 0),
        ref,
        range,
        headerRowCount: intAttr(attr(tag, "headerRowCount"), 1),
        totalsRowCount: intAttr(attr(tag, "totalsRowCount"), 0),
        totalsRowShown: attr(tag, "totalsRowShown") !== "0",
      };
    },
  });
  return info;
}

/** The tables a sheet's <tablePart>s name, in order. Missing table parts are skipped. */
export async function readTables(pkg: ZipPackage, sheetPart: string, relIds: string[], rels?: Relationships): Promise<TableInfo[]> {
  if (relIds.length === 0) return [];
  const sheetRels = rels ?? (await readRelationships(pkg, sheetPart));
  const tables: TableInfo[] = [];
  for (const relId of relIds) {
    const part = relById(sheetRels, relId)?.part;
    const entry = part ? pkg.entryName(part) : undefined;
    if (!entry) continue;
    const info = parseTablePart(pkg.file, entry, relId, await pkg.readText(entry));
    if (info) tables.push(info);
  }
  return tables;
}
