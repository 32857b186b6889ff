// The workbook's defined names, saved as the file had them.
//
// ExcelJS's reader keeps a defined name only as a list of cell ranges with no scope: two sheet-level
// names "Period" become one workbook-wide name (which changes what the officer's formulas refer to);
// names that are not ranges (a whole column such as a dropdown's source Lists!$A:$A, a constant, a
// formula) are dropped or mangled; attributes such as hidden are lost. So each <definedName> element
// of the file is kept here as it was written, and the writer puts it back with its localSheetId
// counted in the saved workbook's sheet order, beside the names ExcelJS makes for what we added (the
// print titles of a summary sheet).
import type { Workbook, Worksheet } from "exceljs";
import type { WorkbookModel } from "./exceljs-internals";

interface InputName {
  /** Lower case, as Excel compares names. */
  key: string;
  /** Attributes as written (values still XML-escaped), prefixed ones left out. */
  attributes: [string, string][];
  /** The formula as written (XML-escaped); undefined for an empty element. */
  body: string | undefined;
  /** Sheet-level names: the sheet in scope, undefined when the reader kept no such sheet (a chart sheet). */
  scope?: { sheet: Worksheet | undefined };
}

/** A sheet's print settings as read: a change means its print names are ExcelJS's to write. */
interface PrintSettings {
  area: string;
  titles: string;
}

interface InputNames {
  names: InputName[];
  print: Map<Worksheet, PrintSettings>;
}

const inputNames = new WeakMap<Workbook, InputNames>();

const PRINT_AREA = "_xlnm.print_area";
const PRINT_TITLES = "_xlnm.print_titles";
const ATTRIBUTES = String.raw`((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*`;
const DEFINED_NAMES = /<(?:[\w.-]+:)?definedNames(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?definedNames\s*>/;
const DEFINED_NAME = new RegExp(String.raw`<(?:[\w.-]+:)?definedName${ATTRIBUTES}(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?definedName\s*>)`, "g");
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const ENTITIES = new Map([["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", '"'], ["apos", "'"]]);

function xmlDecode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity[0] !== "#") return ENTITIES.get(entity) ?? whole;
    return String.fromCodePoint(entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
  });
}

function xmlEscapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function printSettings(ws: Worksheet): PrintSettings {
  const setup = ws.pageSetup ?? {};
  return { area: String(setup.printArea ?? ""), titles: `${setup.printTitlesRow ?? ""}|${setup.printTitlesColumn ?? ""}` };
}

/** The file's names, or undefined when some element is not in a form this reads (then ExcelJS's are written). */
function parseNames(workbookXml: string, sheets: (Worksheet | undefined)[]): InputName[] | undefined {
  const block = DEFINED_NAMES.exec(workbookXml);
  if (!block) return [];
  const names: InputName[] = [];
  for (const m of block[1].matchAll(DEFINED_NAME)) {
    const attributes: [string, string][] = [];
    for (const a of m[1].matchAll(ATTRIBUTE)) {
      // Values in single quotes may hold a double quote; every value is written back in double quotes.
      if (!a[1].includes(":")) attributes.push([a[1], a[2] ?? a[3].replace(/"/g, "&quot;")]);
    }
    const name = attributes.find(([k]) => k === "name");
    if (!name) return undefined;
    const localSheetId = attributes.find(([k]) => k === "localSheetId");
    const index = localSheetId ? Number(xmlDecode(localSheetId[1])) : undefined;
    names.push({
      key: xmlDecode(name[1]).toLowerCase(),
      attributes,
      body: m[2],
      scope: index === undefined ? undefined : { sheet: Number.isInteger(index) ? sheets[index] : undefined },
    });
  }
  // Every element read, or none trusted: a name this could not read must not vanish while others stay.
  const elements = block[1].match(/<(?:[\w.-]+:)?definedName[\s/>]/g)?.length ?? 0;
  return elements === names.length ? names : undefined;
}

/**
 * Keeps the file's defined names for writeXlsx. `sheetNames`: the workbook part's sheets in order, which
 * localSheetId counts (chart sheets too, which ExcelJS does not read).
 */
export function rememberDefinedNames(workbook: Workbook, workbookXml: string | undefined, sheetNames: string[] | undefined): void {
  if (workbookXml === undefined || sheetNames === undefined) return;
  const sheets = sheetNames.map((name) => workbook.worksheets.find((ws) => ws.name === name));
  const names = parseNames(workbookXml, sheets);
  if (!names) return;
  const print = new Map<Worksheet, PrintSettings>();
  for (const ws of workbook.worksheets) print.set(ws, printSettings(ws));
  inputNames.set(workbook, { names, print });
}

/** Is this print name one the file has, for a sheet whose print settings are as read? */
function printNameKept(name: string, ws: Worksheet, input: InputNames): boolean {
  const before = input.print.get(ws);
  if (!before) return false; // a sheet we added, or replaced
  const now = printSettings(ws);
  return name === PRINT_AREA ? before.area === now.area : before.titles === now.titles;
}

/**
 * ExcelJS turns print areas and titles into sheet names as written `'Children's Services'!$1:$3`, and
 * files it saved keep them so: inside the quotes the apostrophe must be doubled, or Excel cannot read the
 * reference. package-writer.ts puts right the ones it makes; this, the ones the file has.
 */
function quotedSheetReference(body: string, ws: Worksheet): string {
  if (!ws.name.includes("'")) return body;
  const formula = xmlDecode(body);
  const single = `'${ws.name}'!`;
  if (!formula.includes(single)) return body;
  return xmlEscapeText(formula.split(single).join(`'${ws.name.replace(/'/g, "''")}'!`));
}

function renderName(name: InputName, localSheetId: number | undefined, body: string | undefined): string {
  const attributes = name.attributes.map(([k, v]) => ` ${k}="${k === "localSheetId" ? String(localSheetId) : v}"`).join("");
  return body === undefined ? `<definedName${attributes}/>` : `<definedName${attributes}>${body}</definedName>`;
}

/**
 * Called with the model ExcelJS is about to write (after WorkbookXform.prepare), for a workbook read by
 * readXlsx: leaves in model.definedNames only the names ExcelJS adds that the file did not have (print
 * names of sheets added or changed since, names added in code), and returns the file's names as XML,
 * each sheet-level one scoped to its sheet's place among `sheets` (the saved order). A name whose sheet
 * is no longer saved (replaced by a new summary, or a chart sheet ExcelJS cannot read) goes with it.
 * Undefined for a workbook made in code: ExcelJS's names are all there is.
 */
export function fileDefinedNames(workbook: Workbook, sheets: Worksheet[], model: WorkbookModel): string | undefined {
  const input = inputNames.get(workbook);
  if (!input) return undefined;
  const keys = new Set(input.names.map((n) => n.key));
  model.definedNames = model.definedNames.filter((n) => {
    const key = n.name.toLowerCase();
    if (key !== PRINT_AREA && key !== PRINT_TITLES) return !keys.has(key);
    const ws = n.localSheetId === undefined ? undefined : sheets[n.localSheetId];
    return !ws || !printNameKept(key, ws, input);
  });

  let xml = "";
  for (const name of input.names) {
    if (!name.scope) {
      xml += renderName(name, undefined, name.body);
      continue;
    }
    const ws = name.scope.sheet;
    const index = ws ? sheets.indexOf(ws) : -1;
    if (!ws || index < 0) continue;
    const isPrint = name.key === PRINT_AREA || name.key === PRINT_TITLES;
    if (isPrint && !printNameKept(name.key, ws, input)) continue;
    xml += renderName(name, index, isPrint && name.body !== undefined ? quotedSheetReference(name.body, ws) : name.body);
  }
  return xml;
}

/** Puts the file's names into the workbook part ExcelJS wrote, before the names ExcelJS wrote itself. */
export function withFileDefinedNames(workbookXml: string, namesXml: string): string {
  if (!namesXml) return workbookXml;
  const open = "<definedNames>";
  const at = workbookXml.indexOf(open);
  if (at >= 0) return workbookXml.slice(0, at + open.length) + namesXml + workbookXml.slice(at + open.length);
  const sheetsEnd = workbookXml.indexOf("</sheets>");
  if (sheetsEnd < 0) throw new Error("ExcelJS wrote a workbook part with no <sheets>");
  const after = sheetsEnd + "</sheets>".length;
  return `${workbookXml.slice(0, after)}<definedNames>${namesXml}</definedNames>${workbookXml.slice(after)}`;
}
