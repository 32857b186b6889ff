// Issue 11's checks of a built package against its input, each giving a list of problems (empty when
// all is well) so that a failing test prints the file host's to-do list rather than one mismatch.
import { posix } from "path";
import { attributes, child, outer, rootElement, sheetCells, sheetContent, without, workbookPart, workbookSheets, relsPartOf, type XmlNode } from "./package-xml";
import { entryOfSheet, STATE_SHEET } from "../../../src/engine/sheets/ownership";
import { savedFromColumn } from "../../../src/excel/saved";
import { toA1 } from "../../../src/engine/vocab/address";
import { text, type Parts } from "./zip-parts";

const same = (a: Buffer | undefined, b: Buffer | undefined) => !!a && !!b && a.equals(b);

/** The parts the build may change: the workbook's own, the styles, app.xml and the sheets it rated. */
export function patchableParts(input: Parts, ratedSheetParts: string[]): Set<string> {
  const wb = workbookPart(input);
  const dir = posix.dirname(wb);
  return new Set([wb, relsPartOf(wb), "[Content_Types].xml", "docProps/app.xml", posix.join(dir, "styles.xml"), posix.join(dir, "sharedStrings.xml"), ...ratedSheetParts]);
}

/** Each child of `parent`'s element `local` in input must be in output, in order, at the same place. */
function keptAsPrefix(inXml: string, outXml: string, local: string, inNode: XmlNode | undefined, outNode: XmlNode | undefined, where: string): string[] {
  if (!inNode) return [];
  if (!outNode) return [`${where}: <${local}> is gone`];
  const a = inNode.children.map((n) => outer(inXml, n));
  const b = outNode.children.map((n) => outer(outXml, n));
  const at = a.findIndex((x, i) => b[i] !== x);
  return at < 0 ? [] : [`${where}: <${local}> entry ${at} changed (${a[at].slice(0, 80)} → ${(b[at] ?? "nothing").slice(0, 80)})`];
}

/** styles.xml: every existing collection keeps its entries and indices; only appends. */
export function stylesProblems(inXml: string, outXml: string, name: string): string[] {
  const a = rootElement(inXml);
  const b = rootElement(outXml);
  return a.children.flatMap((n) => {
    const m = child(b, n.local);
    if (n.children.length === 0 || ["colors", "extLst"].includes(n.local)) return m && outer(outXml, m) === outer(inXml, n) ? [] : [`${name}: <${n.local}> changed`];
    return keptAsPrefix(inXml, outXml, n.local, n, m, name);
  });
}

/** sharedStrings.xml: the input's strings stay at their indices; the build may only append. */
export function sharedStringsProblems(inXml: string, outXml: string, name: string): string[] {
  const a = rootElement(inXml);
  const b = rootElement(outXml);
  return keptAsPrefix(inXml, outXml, "si", a, b, name);
}

/** workbook.xml: the input's sheets and names kept verbatim; the rest too, but for which tab is active. */
export function workbookProblems(inXml: string, outXml: string, name: string): string[] {
  const problems: string[] = [];
  const a = rootElement(inXml);
  const b = rootElement(outXml);
  const views = (xml: string, n: XmlNode) => outer(xml, n).replace(/\s(activeTab|firstSheet)="\d+"/g, "");
  for (const n of a.children) {
    const m = child(b, n.local);
    if (!m) problems.push(`${name}: <${n.local}> is gone`);
    else if (n.local === "sheets" || n.local === "definedNames") {
      const kept = new Set(m.children.map((c) => outer(outXml, c)));
      for (const c of n.children) if (!kept.has(outer(inXml, c))) problems.push(`${name}: ${outer(inXml, c).slice(0, 100)} changed or gone`);
    } else if (n.local === "bookViews" ? views(inXml, n) !== views(outXml, m) : outer(inXml, n) !== outer(outXml, m)) problems.push(`${name}: <${n.local}> changed`);
  }
  if (JSON.stringify(attributes(inXml, a)) !== JSON.stringify(attributes(outXml, b))) problems.push(`${name}: the root element's attributes changed`);
  return problems;
}

/** Relationships and content types: every input entry still there, byte for byte. */
export function entriesKept(inXml: string, outXml: string, name: string): string[] {
  const kept = new Set(rootElement(outXml).children.map((c) => outer(outXml, c)));
  return rootElement(inXml)
    .children.map((c) => outer(inXml, c))
    .filter((c) => !kept.has(c))
    .map((c) => `${name}: ${c.slice(0, 140)} changed or gone`);
}

/** Every part of the input is in the output; those the build need not touch are byte-identical. */
export function untouchedProblems(input: Parts, output: Parts, patchable: Set<string>): string[] {
  const problems: string[] = [];
  const wb = workbookPart(input);
  for (const [name, bytes] of input) {
    const out = output.get(name);
    if (!out) problems.push(`${name} is missing from the output`);
    else if (same(bytes, out)) continue;
    else if (!patchable.has(name)) problems.push(`${name} changed`);
    else if (name.endsWith("styles.xml")) problems.push(...stylesProblems(text(input, name), text(output, name), name));
    else if (name.endsWith("sharedStrings.xml")) problems.push(...sharedStringsProblems(text(input, name), text(output, name), name));
    else if (name === wb) problems.push(...workbookProblems(text(input, name), text(output, name), name));
    else if (name === relsPartOf(wb) || name === "[Content_Types].xml") problems.push(...entriesKept(text(input, name), text(output, name), name));
  }
  return problems;
}

/**
 * A rated sheet: all but <sheetData>, <dimension> and <cols> verbatim; every input cell keeps its type,
 * value, formula and style, but for the style of cells on rated rows (the ones we colour). An empty
 * cell (a format and nothing typed) may take our column's heading or status, in our formats.
 */
export function trackerSheetProblems(inXml: string, outXml: string, name: string, ratedRows: Set<number>, outCellXfs: number): string[] {
  const problems: string[] = [];
  const cut = ["sheetData", "dimension", "cols"];
  if (without(inXml, cut) !== without(outXml, cut)) problems.push(`${name}: elements other than sheetData, dimension and cols changed`);
  const { cells: a, rows: inRows } = sheetContent(inXml);
  const { cells: b, rows: outRows } = sheetContent(outXml);
  // Row heights, hiding and outline levels stay; spans may widen for our column.
  const rowAttrs = (attrs: Record<string, string> | undefined) => JSON.stringify(Object.entries(attrs ?? {}).filter(([k]) => k !== "spans").sort());
  for (const [r, attrs] of inRows) {
    if (rowAttrs(attrs) !== rowAttrs(outRows.get(r))) problems.push(`${name} row ${r}: attributes ${rowAttrs(attrs)} became ${outRows.has(r) ? rowAttrs(outRows.get(r)) : "no row"}`);
  }
  for (const [ref, cell] of a) {
    const got = b.get(ref);
    if (!got) {
      problems.push(`${name} ${ref}: the cell is gone`);
      continue;
    }
    const empty = cell.v === undefined && cell.f === undefined && cell.is === undefined;
    if (empty && (got.v !== undefined || got.is !== undefined) && got.f === undefined) {
      if (Number(got.s ?? 0) >= outCellXfs) problems.push(`${name} ${ref}: style ${got.s} is past the end of cellXfs (${outCellXfs})`);
      continue;
    }
    for (const k of ["t", "v", "f", "is"] as const) {
      if (cell[k] !== got[k]) problems.push(`${name} ${ref}: ${k} ${JSON.stringify(cell[k])} became ${JSON.stringify(got[k])}`);
    }
    const row = Number(/\d+$/.exec(ref)?.[0]);
    if ((cell.s ?? "0") !== (got.s ?? "0")) {
      if (!ratedRows.has(row)) problems.push(`${name} ${ref}: style ${cell.s ?? "0"} became ${got.s ?? "0"} on a row that was not rated`);
      else if (Number(got.s) >= outCellXfs) problems.push(`${name} ${ref}: style ${got.s} is past the end of cellXfs (${outCellXfs})`);
    }
  }
  return problems.slice(0, 20);
}

/** Building the output again gives the same package, part for part. */
export function stableProblems(first: Parts, second: Parts): string[] {
  const names = new Set([...first.keys(), ...second.keys()]);
  return [...names].filter((n) => !same(first.get(n), second.get(n))).map((n) => (!first.has(n) ? `${n} appeared` : !second.has(n) ? `${n} disappeared` : `${n} changed`));
}

export function cellXfsCount(parts: Parts): number {
  const wb = workbookPart(parts);
  const xml = text(parts, posix.join(posix.dirname(wb), "styles.xml"));
  return xml ? (child(rootElement(xml), "cellXfs")?.children.length ?? 0) : 0;
}

/**
 * Remove colours in Excel, done on the package: each cell the record lists as backed up gets the format
 * of its backup in the record sheet (src/excel/backup.ts copies formats back so). Returns what differs
 * from the input's formats afterwards on the sheet `sheetName`: a coloured cell the record cannot put back.
 */
export function removeColoursProblems(input: Parts, output: Parts, sheetName: string, part: string): string[] {
  const sheets = workbookSheets(output);
  const record = sheets.find((s) => s.name === STATE_SHEET);
  if (!record) return ["no record sheet"];
  const recordCells = sheetCells(text(output, record.part));
  const column: unknown[] = [];
  for (const [ref, c] of recordCells) {
    const m = /^A(\d+)$/.exec(ref);
    if (m) column[Number(m[1]) - 1] = c.is ?? "";
  }
  const mem = entryOfSheet(savedFromColumn(column), sheetName);
  const after = new Map([...sheetCells(text(output, part))].map(([ref, c]) => [ref, c.s ?? "0"]));
  for (const r of mem?.backed.rects() ?? []) {
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const at = mem?.cols.get(col);
        if (at === undefined) return [`${toA1(row, col)} is backed up in no column`];
        after.set(toA1(row, col), recordCells.get(toA1(row, at))?.s ?? "0");
      }
    }
  }
  const problems: string[] = [];
  const { cells: before, rows } = sheetContent(text(input, part));
  for (const [ref, c] of before) {
    const now = after.get(ref) ?? "0";
    if (now !== (c.s ?? "0")) problems.push(`${sheetName}!${ref}: format ${now} after Remove colours, ${c.s ?? "0"} before the build`);
  }
  // A cell the build made had the format of its row (formatted whole) or its column, else the default.
  const cols = [...text(input, part).matchAll(/<(?:\w+:)?col\b([^>]*)\/?>/g)].map((m) => Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
  for (const [ref, now] of after) {
    if (before.has(ref)) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) continue;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = rows.get(Number(m[2]));
    const span = cols.find((c) => Number(c.min) <= col && col <= Number(c.max));
    const was = row && (row.customFormat === "1" || row.customFormat === "true") ? (row.s ?? "0") : (span?.style ?? "0");
    if (now !== was) problems.push(`${sheetName}!${ref}: format ${now} after Remove colours, ${was} (its row's or column's) before the build`);
  }
  return problems;
}
