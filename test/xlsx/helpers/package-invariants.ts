// What Excel checks beyond the schemas (test/xlsx/helpers/ooxml-schema.ts) and repairs a file for, or
// refuses it: rows and cells in order and where their references say, cell formats that exist, merged
// areas that are counted right and do not overlap, style lists whose counts are right, and a package whose
// relationships, content types, sheet names and sheet ids all hold together. As with the schemas, a problem the input already had is
// the input's: only what the build adds is reported.
import { posix } from "path";
import { SaxesParser } from "saxes";
import { parseA1 } from "../../../src/engine/vocab/address";
import { attributes, child, relationships, rootElement, workbookPart, workbookSheets } from "./package-xml";
import { text, type Parts } from "./zip-parts";

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** A cell reference as Excel writes one: no "$", capitals, no leading zero (parseA1 takes more). */
const CELL_REF = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

/** "B7" → [7, 2] (one-based); undefined when it is not a cell on a sheet. */
function cellRef(ref: string): [number, number] | undefined {
  const at = CELL_REF.test(ref) ? parseA1(ref) : undefined;
  return at && at.row < MAX_ROW ? [at.row + 1, at.col + 1] : undefined;
}

function areaRef(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(":");
  const p = cellRef(a);
  const q = cellRef(b);
  if (!p || !q || q[0] < p[0] || q[1] < p[1]) return undefined;
  return { top: p[0], left: p[1], bottom: q[0], right: q[1] };
}

/** The number of cell formats (<cellXfs>) in the package's styles part. */
function cellXfs(parts: Parts, workbook: string): number {
  const rel = relationships(parts, workbook).find((r) => r.type === "styles");
  if (!rel || !parts.has(rel.target)) return 0;
  const xml = text(parts, rel.target);
  return child(rootElement(xml), "cellXfs")?.children.filter((c) => c.local === "xf").length ?? 0;
}

const isInt = (s: string | undefined): boolean => s !== undefined && /^\d+$/.test(s);

/** One worksheet's problems, each starting with the part's name. */
function sheetProblems(part: string, xml: string, formats: number): string[] {
  const out: string[] = [];
  const say = (what: string) => out.push(`${part}: ${what}`);
  const parser = new SaxesParser({ position: false });
  let row = 0;
  let col = 0;
  let inSheetData = false;
  const merges: { ref: string; area: NonNullable<ReturnType<typeof areaRef>> }[] = [];
  let mergeCount: string | undefined;
  let lastColMax = 0;
  parser.on("opentag", (tag) => {
    const local = tag.name.replace(/^.*:/, "");
    const a = tag.attributes as Record<string, string>;
    if (local === "sheetData") inSheetData = true;
    else if (inSheetData && local === "row") {
      const r = a.r === undefined ? row + 1 : Number(a.r);
      if (!Number.isInteger(r) || r < 1 || r > MAX_ROW) say(`row r="${a.r}" is not a row of a sheet`);
      else if (r <= row) say(`row ${r} comes after row ${row}`);
      if (a.s !== undefined && !(isInt(a.s) && Number(a.s) < formats)) say(`row ${r} has format s="${a.s}" of ${formats}`);
      row = r;
      col = 0;
    } else if (inSheetData && local === "c") {
      const ref = a.r === undefined ? undefined : cellRef(a.r);
      if (a.r !== undefined && !ref) say(`cell r="${a.r}" is not a cell of a sheet`);
      else if (ref && ref[0] !== row) say(`cell ${a.r} is in row ${row}`);
      const c = ref ? ref[1] : col + 1;
      if (c <= col) say(`cell ${a.r ?? `#${c}`} of row ${row} comes after column ${col}`);
      col = c;
      if (a.s !== undefined && !(isInt(a.s) && Number(a.s) < formats)) say(`cell ${a.r ?? `#${c}`} has format s="${a.s}" of ${formats}`);
    } else if (local === "col") {
      const min = Number(a.min);
      const max = Number(a.max);
      if (!(min >= 1 && max >= min && max <= MAX_COL)) say(`column range ${a.min}:${a.max} is not a range of columns`);
      else if (min <= lastColMax) say(`column range ${min}:${max} overlaps or precedes the one before`);
      else lastColMax = max;
      if (a.style !== undefined && !(isInt(a.style) && Number(a.style) < formats)) say(`columns ${a.min}:${a.max} have format style="${a.style}" of ${formats}`);
    } else if (local === "mergeCells") mergeCount = a.count;
    else if (local === "mergeCell") {
      const area = areaRef(a.ref ?? "");
      if (!area) say(`merged area "${a.ref}" is not a range`);
      else if (area.top === area.bottom && area.left === area.right) say(`merged area ${a.ref} is one cell`);
      else merges.push({ ref: a.ref, area });
    }
  });
  parser.on("closetag", (tag) => {
    if (tag.name.replace(/^.*:/, "") === "sheetData") inSheetData = false;
  });
  parser.write(xml).close();
  if (mergeCount !== undefined && Number(mergeCount) !== merges.length) say(`<mergeCells count="${mergeCount}"> holds ${merges.length}`);
  // Overlaps, by a sweep down the rows: Excel refuses two merged areas sharing a cell.
  merges.sort((p, q) => p.area.top - q.area.top);
  for (let i = 0; i < merges.length; i++) {
    for (let j = i + 1; j < merges.length && merges[j].area.top <= merges[i].area.bottom; j++) {
      const [p, q] = [merges[i].area, merges[j].area];
      if (p.left <= q.right && q.left <= p.right) say(`merged areas ${merges[i].ref} and ${merges[j].ref} overlap`);
    }
  }
  return out;
}

/** The package's own problems: relationships to parts that are not there, parts with no content type, the workbook's sheet list. */
function packageProblems(parts: Parts): string[] {
  const out: string[] = [];
  const names = new Set([...parts.keys()].map((n) => n.toLowerCase()));
  const typesXml = text(parts, "[Content_Types].xml");
  const types = rootElement(typesXml);
  const defaults = new Set<string>();
  const overrides = new Set<string>();
  for (const n of types.children) {
    const a = attributes(typesXml, n);
    if (n.local === "Default") defaults.add((a.Extension ?? "").toLowerCase());
    else if (n.local === "Override") {
      // A part name is a URI ("KPI%20sheet.xml"); the zip may name the part either way.
      const raw = (a.PartName ?? "").replace(/^\//, "").toLowerCase();
      let name = raw;
      try {
        name = decodeURIComponent(raw);
      } catch {
        // As written.
      }
      if (overrides.has(name)) out.push(`[Content_Types].xml: ${a.PartName} is given a content type twice`);
      overrides.add(name);
      overrides.add(raw);
      if (!names.has(name) && !names.has(raw)) out.push(`[Content_Types].xml: ${a.PartName} is not in the package`);
    }
  }
  for (const name of parts.keys()) {
    if (name === "[Content_Types].xml" || name.endsWith("/")) continue;
    // By the name's last dot: "_rels/.rels" has the extension "rels" (path.extname sees a dotfile).
    const base = posix.basename(name);
    const ext = base.includes(".") ? base.slice(base.lastIndexOf(".") + 1).toLowerCase() : "";
    if (!overrides.has(name.toLowerCase()) && !defaults.has(ext)) out.push(`${name}: no content type`);
  }
  for (const rels of parts.keys()) {
    const m = /^(?:(.*)\/)?_rels\/([^/]+)\.rels$/.exec(rels);
    if (!m) continue;
    const source = m[1] === undefined ? "" : `${m[1]}/${m[2]}`;
    const ids = new Set<string>();
    for (const r of relationships(parts, m[1] === undefined ? "" : source)) {
      if (ids.has(r.id)) out.push(`${rels}: Id ${r.id} twice`);
      ids.add(r.id);
      let target = r.target;
      try {
        target = decodeURIComponent(target);
      } catch {
        // As written.
      }
      // A hyperlink may point at a place in the workbook ("#Sheet!A1") rather than a part.
      if (!r.external && r.type !== "hyperlink" && !names.has(target.toLowerCase()) && !names.has(r.target.toLowerCase())) out.push(`${rels}: ${r.id} points at ${r.target}, not in the package`);
    }
  }
  const workbook = workbookPart(parts);
  const sheets = workbookSheets(parts);
  const seenNames = new Set<string>();
  const seenIds = new Set<number>();
  for (const s of sheets) {
    if (seenNames.has(s.name.toLowerCase())) out.push(`${workbook}: two sheets named "${s.name}"`);
    seenNames.add(s.name.toLowerCase());
    if (seenIds.has(s.sheetId)) out.push(`${workbook}: sheetId ${s.sheetId} twice`);
    seenIds.add(s.sheetId);
    if (!s.part) out.push(`${workbook}: sheet "${s.name}" has no part (r:id ${s.relId})`);
  }
  // The styles' lists say how many they hold; the formats we append must be counted.
  const styles = relationships(parts, workbook).find((r) => r.type === "styles")?.target;
  if (styles && parts.has(styles)) {
    const xml = text(parts, styles);
    for (const list of rootElement(xml).children) {
      const count = attributes(xml, list).count;
      if (count !== undefined && Number(count) !== list.children.length) out.push(`${styles}: <${list.name} count="${count}"> holds ${list.children.length}`);
    }
  }
  const wbXml = text(parts, workbook);
  for (const n of child(rootElement(wbXml), "definedNames")?.children ?? []) {
    const a = attributes(wbXml, n);
    if (a.localSheetId !== undefined && !(isInt(a.localSheetId) && Number(a.localSheetId) < sheets.length)) out.push(`${workbook}: defined name ${a.name} is local to sheet ${a.localSheetId} of ${sheets.length}`);
  }
  return out;
}

function problemsOf(parts: Parts, only?: (part: string) => boolean): string[] {
  const workbook = workbookPart(parts);
  const formats = cellXfs(parts, workbook);
  const sheets = workbookSheets(parts).filter((s) => s.kind === "worksheet" && parts.has(s.part) && (!only || only(s.part)));
  return [...packageProblems(parts), ...sheets.flatMap((s) => sheetProblems(s.part, text(parts, s.part), formats))];
}

/** What the build broke: `output`'s problems that `input` (undefined: none) did not have as often. */
export function invariantProblems(input: Parts | undefined, output: Parts): string[] {
  // A sheet copied byte for byte, with the same formats to index, has the input's problems exactly.
  const sameFormats = input !== undefined && cellXfs(input, workbookPart(input)) === cellXfs(output, workbookPart(output));
  const changed = (part: string) => !sameFormats || !input?.get(part)?.equals(output.get(part) as Buffer);
  const left = new Map<string, number>();
  for (const p of input ? problemsOf(input, changed) : []) left.set(p, (left.get(p) ?? 0) + 1);
  const out: string[] = [];
  for (const p of problemsOf(output, changed)) {
    const n = left.get(p) ?? 0;
    if (n > 0) left.set(p, n - 1);
    else out.push(p);
  }
  return out;
}
