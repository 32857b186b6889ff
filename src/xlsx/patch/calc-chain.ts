// xl/calcChain.xml lists every formula cell in the order Excel last calculated them. When the build
// takes a formula away (a sheet of ours replaced, a value written over a formula in our column), an
// entry naming that cell makes Excel repair the file ("Removed Records: Formula from
// /xl/calcChain.xml part"). Excel rebuilds a missing chain silently, so a chain that names a cell we
// overwrite is left out; one that does not stays byte for byte.
import type { PackageRead } from "../read-package";
import type { PackageLayout } from "./package-layout";
import { attrsOf } from "./xml-text";

export const CALC_CHAIN_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";

/** "AB12" as zero-based row and column; undefined when it is not a cell reference. */
function cellOf(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The calc chain's entry name and workbook relationship id when the build overwrites a cell it names. */
export async function staleCalcChain(read: PackageRead, layout: PackageLayout): Promise<{ entry: string; relId: string } | undefined> {
  const rel = read.workbook.rels.list.find((r) => r.type === CALC_CHAIN_REL && r.targetMode === "Internal" && r.part);
  const entry = rel?.part ? read.pkg.entryName(rel.part) : undefined;
  if (!rel || !entry) return undefined;
  const sheetIdOf = (part: string) => read.sheets.find((s) => s.part?.toLowerCase() === part.toLowerCase())?.sheetId;
  // Sheets replaced whole, and the cells given values on the sheets we patch, by sheetId.
  const replaced = new Set<number>();
  // Our history continued in place loses its rows from the first that changed: as good as replaced here.
  for (const r of [...layout.rendered, ...layout.continued]) {
    const id = sheetIdOf(r.part);
    if (id !== undefined) replaced.add(id);
  }
  const written = new Map<number, Set<number>[]>();
  for (const p of layout.patched) {
    const id = sheetIdOf(p.part);
    if (id === undefined) continue;
    const rows: Set<number>[] = [];
    for (const { row, cells } of p.edits.rows) for (const c of cells) if (c.value !== undefined) (rows[row] ??= new Set()).add(c.col);
    written.set(id, rows);
  }
  if (replaced.size === 0 && written.size === 0) return undefined;
  const xml = await read.pkg.readText(entry);
  let sheetId = 0;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?c\b[^>]*>/g)) {
    const attrs = attrsOf(m[0]);
    // An entry without i is on the same sheet as the one before it.
    const i = attrs.get("i");
    if (i !== undefined) sheetId = Number(i);
    if (replaced.has(sheetId)) return { entry, relId: rel.id };
    const rows = written.get(sheetId);
    const cell = rows && cellOf(attrs.get("r") ?? "");
    if (cell && rows[cell.row]?.has(cell.col)) return { entry, relId: rel.id };
  }
  return undefined;
}
