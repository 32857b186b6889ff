// The workbook part, found through the package's officeDocument relationship (not assumed to be
// xl/workbook.xml): its sheets in tab order with their parts and kinds, defined names, the 1904 date
// system and whether its structure is protected. Strict Open XML is refused with one clear line: its
// parts use other namespaces throughout, and the package patcher writes transitional parts only.
import { InputError } from "../errors";
import { readRelationships, relById, relOfType } from "./relationships";
import { REL, STRICT_NAMESPACE_PREFIX, type DefinedName, type SheetKind, type SheetState, type WorkbookPart, type WorkbookSheet } from "./types";
import type { ZipPackage } from "./zip-reader";
import { attr, parseXml } from "./xml";

const STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

function strictRefusal(file: string): InputError {
  return new InputError(`${file} is saved as Strict Open XML, which this tool cannot read: in Excel, save it as "Excel Workbook (*.xlsx)" and try again`);
}

const KIND_BY_REL: [string, SheetKind][] = [
  [REL.worksheet, "worksheet"],
  [REL.chartsheet, "chartsheet"],
  [REL.dialogsheet, "dialogsheet"],
  [REL.macrosheet, "macrosheet"],
];

function kindOf(type: string | undefined): SheetKind {
  const t = (type ?? "").toLowerCase();
  return KIND_BY_REL.find(([rel]) => rel.toLowerCase() === t)?.[1] ?? "unknown";
}

function stateOf(value: string | undefined): SheetState {
  return value === "hidden" || value === "veryHidden" ? value : "visible";
}

const truthy = (v: string | undefined): boolean => v === "1" || v === "true";

/** Parses the workbook part's XML; `rels` resolves each sheet's r:id. */
export function parseWorkbookXml(file: string, partName: string, xml: string, rels: WorkbookPart["rels"]): WorkbookPart {
  const sheets: WorkbookSheet[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  let recalculatedOnLoad = false;
  let isProtected = false;
  let name: Omit<DefinedName, "formula"> | undefined;
  let formula = "";
  let root = true;
  parseXml(file, partName, xml, {
    open(tag, local) {
      if (root) {
        root = false;
        const ns = Object.entries(tag.attributes).find(([k]) => k === "xmlns" || k.startsWith("xmlns:"))?.[1] ?? "";
        if (ns.startsWith(STRICT_NAMESPACE_PREFIX)) throw strictRefusal(file);
      }
      if (local === "sheet") {
        const relId = attr(tag, "id") ?? "";
        const rel = relById(rels, relId);
        // Excel repairs such a workbook and openpyxl refuses it; read as it was, a tracker there was left out without a word (helper-119).
        if (!rel) throw new InputError(`${file} is corrupt: sheet '${attr(tag, "name") ?? ""}' names the relationship ${relId ? `"${relId}"` : "(none)"}, which ${rels.partName} does not have`);
        sheets.push({
          name: attr(tag, "name") ?? "",
          sheetId: Number(attr(tag, "sheetId") ?? 0),
          relId,
          state: stateOf(attr(tag, "state")),
          kind: kindOf(rel?.type),
          ...(rel?.part ? { part: rel.part } : {}),
          index: sheets.length,
        });
      } else if (local === "workbookPr") {
        date1904 = truthy(attr(tag, "date1904"));
      } else if (local === "calcPr") {
        recalculatedOnLoad = truthy(attr(tag, "fullCalcOnLoad"));
      } else if (local === "workbookProtection") {
        // openpyxl and LibreOffice write an empty <workbookProtection/> into unprotected workbooks.
        isProtected = truthy(attr(tag, "lockStructure")) || truthy(attr(tag, "lockWindows"));
      } else if (local === "definedName") {
        const scope = attr(tag, "localSheetId");
        name = { name: attr(tag, "name") ?? "", hidden: truthy(attr(tag, "hidden")), ...(scope !== undefined && /^\d+$/.test(scope) ? { localSheetId: Number(scope) } : {}) };
        formula = "";
      }
    },
    text(text) {
      if (name) formula += text;
    },
    close(local) {
      if (local === "definedName" && name) {
        definedNames.push({ ...name, formula });
        name = undefined;
      }
    },
  });
  // Excel takes names that differ only in case for the same sheet, and will not open a workbook that has two.
  const named = new Map<string, string>();
  for (const s of sheets) {
    if (!s.name) throw new InputError(`${file} is corrupt: ${partName} lists a sheet with no name`);
    const other = named.get(s.name.toLowerCase());
    if (other !== undefined) throw new InputError(`${file} is corrupt: ${partName} lists two sheets named "${other}"${other === s.name ? "" : ` and "${s.name}"`} (Excel needs every sheet name to be different)`);
    named.set(s.name.toLowerCase(), s.name);
  }
  return { partName, xml, rels, sheets, definedNames, date1904, recalculatedOnLoad, protected: isProtected };
}

/** Finds and reads the workbook part. */
export async function readWorkbookPart(pkg: ZipPackage): Promise<WorkbookPart> {
  const packageRels = await readRelationships(pkg, "");
  if (packageRels.list.length === 0 && !pkg.has(packageRels.partName)) {
    if (!pkg.has("xl/workbook.xml")) throw new InputError(`${pkg.file} is not an Excel .xlsx file (it is a zip package with no workbook in it)`);
    throw new InputError(`${pkg.file} is corrupt: it has no _rels/.rels`);
  }
  if (relOfType(packageRels, STRICT_OFFICE_DOCUMENT)) throw strictRefusal(pkg.file);
  const rel = relOfType(packageRels, REL.officeDocument);
  if (!rel?.part) throw new InputError(`${pkg.file} is not an Excel .xlsx file (its package names no main document)`);
  const partName = pkg.entryName(rel.part);
  if (!partName) throw new InputError(`${pkg.file} is corrupt: its main document ${rel.part} is missing`);
  const xml = await pkg.readText(partName);
  const rels = await readRelationships(pkg, partName);
  const workbook = parseWorkbookXml(pkg.file, partName, xml, rels);
  if (!/<(?:[\w.-]+:)?workbook[\s>/]/.test(xml)) {
    throw new InputError(`${pkg.file} is not an Excel .xlsx file (its main document ${partName} is not a workbook)`);
  }
  return workbook;
}
