// xl/workbook.xml edited for our sheets: new <sheet> entries, our old ones removed with their
// sheet-scoped names (the rest renumbered: localSheetId counts positions in <sheets>), our print titles
// added. Every other byte of the part stays as it was.
import { OWNER_MARK } from "../../engine/sheets/ownership";
import { attrsOf, childElements, escapeAttr, escapeText, findElement, setAttr, type ElementSpan } from "./xml-text";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Elements that come after <definedNames> in CT_Workbook, so a new one can go before them. */
const AFTER_NAMES = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

export interface NewSheet {
  name: string;
  relId: string;
  state?: "hidden" | "veryHidden";
}

export interface WorkbookEdit {
  /** Positions in <sheets> of sheets to take out. */
  remove: Set<number>;
  /** Positions whose sheet-scoped names go (sheets of ours being replaced in place). */
  clearNames: Set<number>;
  /** Positions whose mark alone goes (a sheet of ours patched, not replaced: its other names stay). */
  clearMarks?: Set<number>;
  /** Positions whose names we write (mark, print titles, print area) go and the sheet's others stay: our history patched in place. */
  clearOwn?: Set<number>;
  /** Positions whose sheet becomes very hidden (our record sheet, saved hidden or visible by another program). */
  veryHidden?: Set<number>;
  add: NewSheet[];
  /** Sheet-scoped names to add, by the sheet's final position (print titles, our marks). */
  names: { index: number; name: string; formula: string; hidden?: boolean }[];
}

/** The sheet-scoped names a build writes for a sheet of ours, lower-cased. */
const OUR_NAMES = new Set([OWNER_MARK.toLowerCase(), "_xlnm.print_titles", "_xlnm.print_area"]);

/** A sheet name as a formula reference: always quoted, apostrophes doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The prefix bound to the relationships namespace ("r"), declared on the root or not at all. */
function relPrefix(xml: string, root: ElementSpan): string | undefined {
  const tag = xml.slice(root.start, root.openEnd);
  for (const [k, v] of attrsOf(tag)) if (k.startsWith("xmlns:") && v === REL_NS) return k.slice(6);
  return undefined;
}

/** The next sheetId: never one any sheet has had in this file. */
function nextSheetId(sheetTags: string[]): number {
  return Math.max(0, ...sheetTags.map((t) => Number(attrsOf(t).get("sheetId")) || 0)) + 1;
}

export function editWorkbookXml(xml: string, edit: WorkbookEdit): string {
  const root = findElement(xml, "workbook");
  if (!root) throw new Error("the workbook part has no workbook element");
  const sheets = findElement(xml, "sheets", root.openEnd, root.innerEnd);
  if (!sheets) throw new Error("the workbook part lists no sheets");
  const p = sheets.prefix;
  const children = childElements(xml, sheets.openEnd, sheets.innerEnd);
  const tags = children.map((c) => xml.slice(c.start, c.end));
  const rp = relPrefix(xml, root);
  let id = nextSheetId(tags);
  const added = edit.add.map((s) => {
    const relAttr = rp ? `${rp}:id="${escapeAttr(s.relId)}"` : `xmlns:r="${REL_NS}" r:id="${escapeAttr(s.relId)}"`;
    return `<${p}sheet name="${escapeAttr(s.name)}" sheetId="${id++}"${s.state ? ` state="${s.state}"` : ""} ${relAttr}/>`;
  });
  let sheetsInner = "";
  let at = sheets.openEnd;
  children.forEach((c, i) => {
    sheetsInner += xml.slice(at, c.start);
    if (!edit.remove.has(i)) sheetsInner += edit.veryHidden?.has(i) ? setAttr(tags[i], "state", "veryHidden") : tags[i];
    at = c.end;
  });
  sheetsInner += xml.slice(at, sheets.innerEnd) + added.join("");
  const count = children.length - edit.remove.size + added.length;
  const out = xml.slice(0, sheets.start) + `${xml.slice(sheets.start, sheets.openEnd).replace(/\/>$/, ">")}${sheetsInner}</${p}sheets>`;
  let rest = xml.slice(sheets.end);

  const removedBelow = (i: number): number => [...edit.remove].filter((r) => r < i).length;
  const names = findElement(rest, "definedNames");
  const newNames = edit.names.map(
    (n) => `<${p}definedName name="${escapeAttr(n.name)}" localSheetId="${n.index}"${n.hidden ? ' hidden="1"' : ""}>${escapeText(n.formula)}</${p}definedName>`,
  );
  if (names) {
    let inner = "";
    let from = names.openEnd;
    for (const c of childElements(rest, names.openEnd, names.innerEnd)) {
      inner += rest.slice(from, c.start);
      from = c.end;
      const el = rest.slice(c.start, c.end);
      const local = attrsOf(rest.slice(c.start, c.openEnd)).get("localSheetId");
      if (local === undefined || !/^\d+$/.test(local)) {
        inner += el;
        continue;
      }
      const i = Number(local);
      if (edit.remove.has(i) || edit.clearNames.has(i)) continue;
      const nameOf = () => attrsOf(rest.slice(c.start, c.openEnd)).get("name")?.toLowerCase();
      if (edit.clearMarks?.has(i) && nameOf() === OWNER_MARK.toLowerCase()) continue;
      if (edit.clearOwn?.has(i) && OUR_NAMES.has(nameOf() ?? "")) continue;
      const shift = removedBelow(i);
      inner += shift ? setAttr(rest.slice(c.start, c.openEnd), "localSheetId", String(i - shift)) + rest.slice(c.openEnd, c.end) : el;
    }
    inner += rest.slice(from, names.innerEnd) + newNames.join("");
    const body = inner.trim() ? `${rest.slice(names.start, names.openEnd).replace(/\/>$/, ">")}${inner}</${p}definedNames>` : "";
    rest = rest.slice(0, names.start) + body + rest.slice(names.end);
  } else if (newNames.length) {
    let insertAt = rest.length;
    for (const name of AFTER_NAMES) {
      const el = findElement(rest, name);
      if (el && el.start < insertAt) insertAt = el.start;
    }
    const closing = rest.lastIndexOf("</");
    if (insertAt === rest.length) insertAt = closing;
    // definedNames comes after externalReferences and functionGroups, which follow <sheets>.
    rest = rest.slice(0, insertAt) + `<${p}definedNames>${newNames.join("")}</${p}definedNames>` + rest.slice(insertAt);
  }
  // Each sheet's state once edited, in its final position: the active tab must be one that shows.
  const states = (): string[] => [
    ...tags.flatMap((tag, i) => (edit.remove.has(i) ? [] : [edit.veryHidden?.has(i) ? "veryHidden" : (attrsOf(tag).get("state") ?? "visible")])),
    ...edit.add.map((s) => s.state ?? "visible"),
  ];
  return fixViews(out + rest, edit, count, states);
}

/**
 * activeTab and firstSheet must still name a sheet after some are taken out, and the active tab one that
 * shows: our record sheet, saved active by Gnumeric and made very hidden again, would be shown by Excel.
 */
function fixViews(text: string, edit: WorkbookEdit, count: number, statesOf: () => string[]): string {
  if (edit.remove.size === 0 && !edit.veryHidden?.size) return text;
  const states = statesOf();
  const shown = states.indexOf("visible");
  return text.replace(/<([\w.-]+:)?workbookView\b[^>]*>/g, (tag) => {
    let out = tag;
    for (const name of ["activeTab", "firstSheet"]) {
      const v = attrsOf(out).get(name);
      if (v === undefined || !/^\d+$/.test(v)) continue;
      const i = Number(v);
      const shifted = i - [...edit.remove].filter((r) => r < i).length;
      let fixed = Math.max(0, Math.min(count - 1, shifted));
      if (name === "activeTab" && states[fixed] !== "visible" && shown >= 0) fixed = shown;
      if (fixed !== i) out = setAttr(out, name, String(fixed));
    }
    return out;
  });
}
