// Just enough OOXML reading for the corpus tests: relationships, the workbook's sheets, an element
// tree with source offsets (to compare parts verbatim, element by element) and a sheet's cells.
import { posix } from "path";
import { SaxesParser } from "saxes";
import { text, type Parts } from "./zip-parts";

export interface XmlNode {
  name: string; // as written, prefix included
  local: string;
  start: number;
  end: number; // offset just past the end tag (or the self-closing tag)
  children: XmlNode[];
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>/g;

/** The element tree of a well-formed part, each node with its offsets in the text. */
export function elementTree(xml: string): XmlNode {
  const root: XmlNode = { name: "#document", local: "#document", start: 0, end: xml.length, children: [] };
  const stack = [root];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    if (!m[2]) continue; // comment, processing instruction, CDATA, DOCTYPE
    const name = m[2];
    if (m[1]) {
      const open = stack.pop() as XmlNode;
      if (open.name !== name) throw new Error(`</${name}> closes <${open.name}> at ${m.index}`);
      open.end = m.index + m[0].length;
      continue;
    }
    const node: XmlNode = { name, local: name.replace(/^.*:/, ""), start: m.index, end: m.index + m[0].length, children: [] };
    stack[stack.length - 1].children.push(node);
    if (!m[4]) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  return root;
}

export const rootElement = (xml: string): XmlNode => elementTree(xml).children[0];
export const outer = (xml: string, n: XmlNode): string => xml.slice(n.start, n.end);
export const child = (n: XmlNode, local: string): XmlNode | undefined => n.children.find((c) => c.local === local);

/** The part's text with the root's children of the given local names cut out. */
export function without(xml: string, locals: string[]): string {
  const cut = rootElement(xml).children.filter((c) => locals.includes(c.local));
  let out = "";
  let at = 0;
  for (const c of cut) {
    out += xml.slice(at, c.start);
    at = c.end;
  }
  return out + xml.slice(at);
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const decode = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e === "amp" ? "&" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );

/** The attributes of an element's start tag, by name as written. */
export function attributes(xml: string, n: XmlNode): Record<string, string> {
  const tag = xml.slice(n.start, xml.indexOf(">", n.start));
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(tag); m; m = ATTR.exec(tag)) out[m[1]] = decode(m[2] ?? m[3]);
  return out;
}

export interface Relationship {
  id: string;
  type: string; // the last segment, e.g. "worksheet"
  target: string; // part name, resolved (no leading slash), or the URL when external
  external: boolean;
}

export function relsPartOf(part: string): string {
  const dir = posix.dirname(part);
  return `${dir === "." ? "" : `${dir}/`}_rels/${posix.basename(part)}.rels`;
}

/** The relationships of a part ("" for the package), targets resolved whether absolute or relative. */
export function relationships(parts: Parts, part: string): Relationship[] {
  const name = part === "" ? "_rels/.rels" : relsPartOf(part);
  if (!parts.has(name)) return [];
  const xml = text(parts, name);
  return rootElement(xml).children.map((n) => {
    const a = attributes(xml, n);
    const external = a.TargetMode === "External";
    const t = a.Target ?? "";
    const target = external ? t : t.startsWith("/") ? t.slice(1) : posix.normalize(posix.join(posix.dirname(part), t));
    return { id: a.Id, type: (a.Type ?? "").replace(/^.*\//, ""), target, external };
  });
}

export function workbookPart(parts: Parts): string {
  const rel = relationships(parts, "").find((r) => r.type === "officeDocument");
  if (!rel) throw new Error("no officeDocument relationship in _rels/.rels");
  return rel.target;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  part: string;
  kind: string; // worksheet, chartsheet, dialogsheet…
}

export function workbookSheets(parts: Parts): SheetEntry[] {
  const wb = workbookPart(parts);
  const xml = text(parts, wb);
  const rels = new Map(relationships(parts, wb).map((r) => [r.id, r]));
  const sheets = child(rootElement(xml), "sheets");
  return (sheets?.children ?? []).map((n) => {
    const a = attributes(xml, n);
    const relId = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== "sheetId")?.[1] ?? "";
    const rel = rels.get(relId);
    return { name: a.name, sheetId: Number(a.sheetId), relId, part: rel?.target ?? "", kind: rel?.type ?? "" };
  });
}

export interface Cell {
  ref: string;
  t?: string;
  s?: string;
  f?: string; // the formula element, attributes and text, as one string
  v?: string;
  is?: string;
}

export function columnLetters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Every <c> of a worksheet part, by reference. */
export function sheetCells(xml: string): Map<string, Cell> {
  return sheetContent(xml).cells;
}

/** Every <c> by reference, and every <row>'s attributes by row number. */
export function sheetContent(xml: string): { cells: Map<string, Cell>; rows: Map<number, Record<string, string>> } {
  const cells = new Map<string, Cell>();
  const rows = new Map<number, Record<string, string>>();
  const parser = new SaxesParser({ position: false });
  let cell: Cell | undefined;
  let into: "f" | "v" | "is" | undefined;
  // References may be left out (rows and cells then follow on): count them as Excel does.
  let row = 0;
  let col = 0;
  parser.on("opentag", (tag) => {
    const local = tag.name.replace(/^.*:/, "");
    const a = tag.attributes as Record<string, string>;
    if (local === "row") {
      row = a.r ? Number(a.r) : row + 1;
      col = 0;
      rows.set(row, { ...a });
    } else if (local === "c") {
      const m = a.r ? /^([A-Z]+)(\d+)$/.exec(a.r) : null;
      col = m ? [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : col + 1;
      cell = { ref: a.r ?? `${columnLetters(col)}${row}`, t: a.t, s: a.s };
    }
    else if (cell && local === "f") {
      into = "f";
      cell.f = `${JSON.stringify(a)}:`;
    } else if (cell && local === "v") into = "v";
    else if (cell && local === "is") {
      into = "is";
      cell.is = "";
    }
  });
  parser.on("text", (t) => {
    if (cell && into) cell[into] = (cell[into] ?? "") + t;
  });
  parser.on("closetag", (tag) => {
    const local = tag.name.replace(/^.*:/, "");
    if (local === "c" && cell) {
      cells.set(cell.ref, cell);
      cell = undefined;
    } else if ((local === "f" && into === "f") || (local === "v" && into === "v") || (local === "is" && into === "is")) into = undefined;
  });
  parser.write(xml).close();
  return { cells, rows };
}
