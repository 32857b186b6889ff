// What the output package will be, decided before a byte is written: which tracker sheets are patched
// and with what, where each of our sheets goes (an owned sheet replaced in place, or a new part), the
// state record, the parts that go with replaced sheets, and the edits to the parts that list sheets.
import type { Problem } from "../../engine/vocab/types";
import { emptySheetPlan, type SheetPlan } from "../../engine/vocab/plan";
import { cleanSheetName, entryOfSheet, markFormula, nextOwned, OWNER_MARK, placeNewSheets, sameSheetName, STATE_SHEET, stateRecordText } from "../../engine/sheets/ownership";
import type { PackageRead, SheetInfo } from "../read-package";
import { partsOwnedBy } from "./owned-parts";
import { freshRelIds, WORKSHEET_REL, WORKSHEET_TYPE } from "./package-edits";
import { sheetEdits, type SheetEdits } from "./sheet-edits";
import { encodeSaved, pieces, type SheetMemory } from "../../excel/saved";
import { renderedSheetInfo } from "./sheet-render";
import { quotedSheet, type WorkbookEdit } from "./workbook-edit";

export interface PatchedSheet {
  part: string;
  name: string;
  edits: SheetEdits;
}

export interface RenderedSheet {
  /** The entry the sheet's XML goes to. */
  part: string;
  plan: SheetPlan;
}

export interface PackageLayout {
  patched: PatchedSheet[];
  rendered: RenderedSheet[];
  /** Entries of the input to leave out (parts that went with replaced sheets). */
  dropped: Set<string>;
  /** New parts and their workbook relationships. */
  newParts: { part: string; relId: string; target: string }[];
  workbookEdit: WorkbookEdit;
  /** One line each, for the run to tell (protected sheets, records not trusted). */
  notes: string[];
  /** Worksheet names before and after, for docProps/app.xml. */
  worksheetNames: { before: string[]; after: string[] };
}

/**
 * Adds the cells of ours a plan writes on a sheet to the add-in's list of them (SheetMemory.values), where
 * the add-in keeps one for the sheet, and takes out the cells the plan leaves to the officer. So Remove
 * colours in Excel clears what the build wrote, and a rating typed over it later is ours to write again.
 * Formats the build replaced are not backed up: Remove colours puts back only what the add-in saved.
 */
function recordWrites(saved: Record<string, SheetMemory>, sheet: string, plan: SheetPlan): boolean {
  // The exact name first, as the add-in and the engine look it up (a record may hold an old name in other case).
  const mem = entryOfSheet(saved, sheet);
  if (!mem) return false;
  const before = mem.values.size;
  let changed = false;
  for (const b of plan.blocks) b.values.forEach((line, i) => line.forEach((_, j) => mem.values.add(b.row + i, b.col + j)));
  for (const c of plan.leaveAlone ?? []) {
    if (!mem.values.has(c.row, c.col)) continue;
    mem.values.delete(c.row, c.col);
    changed = true;
  }
  return changed || mem.values.size !== before;
}

/** Column A of the record sheet: A1, the memory in pieces, and blanks over what a longer record left. */
function recordColumn(a1: string, saved: Record<string, SheetMemory>, previousRows: number): string[] {
  const json = encodeSaved(saved);
  const cells = [a1, ...(json ? pieces(json) : [])];
  while (cells.length < previousRows) cells.push("");
  return cells;
}

/** The edit plans for one sheet, as one plan. */
function combined(plans: SheetPlan[]): SheetPlan {
  if (plans.length === 1) return plans[0];
  const leaveAlone = plans.flatMap((p) => p.leaveAlone ?? []);
  return { ...emptySheetPlan(plans[0].sheet, "edit"), blocks: plans.flatMap((p) => p.blocks), styles: plans.flatMap((p) => p.styles), columnWidths: plans.flatMap((p) => p.columnWidths), ...(leaveAlone.length ? { leaveAlone } : {}) };
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** Names for new worksheet parts beside the workbook's ("xl/worksheets/sheet7.xml"), none in use. */
function newPartNames(read: PackageRead, count: number): { part: string; target: string }[] {
  const folder = `${folderOf(read.workbook.partName)}worksheets/`;
  const taken = new Set(read.pkg.entries.map((e) => e.name.toLowerCase()));
  const out: { part: string; target: string }[] = [];
  for (let n = 1; out.length < count; n++) {
    const part = `${folder}sheet${n}.xml`;
    if (!taken.has(part.toLowerCase())) out.push({ part, target: `worksheets/sheet${n}.xml` });
  }
  return out;
}

export async function layoutPackage(read: PackageRead, plans: SheetPlan[], problems: Problem[]): Promise<PackageLayout> {
  const notes = [...read.ownership.notes];
  const worksheets = read.sheets.filter((s) => s.kind === "worksheet" && s.part);

  // Officers' sheets: our column and colours, unless the sheet is protected.
  const patched: PatchedSheet[] = [];
  const editPlans = plans.filter((p) => p.action === "edit");
  const byTarget = new Map<SheetInfo, SheetPlan[]>();
  for (const plan of editPlans) {
    const target = worksheets.find((s) => sameSheetName(s.name, plan.sheet) && !s.ours);
    if (!target) {
      problems.push({ sheet: plan.sheet, cell: "", message: `The sheet "${plan.sheet}" was not found, so nothing was written to it.`, severity: "error" });
      continue;
    }
    byTarget.set(target, [...(byTarget.get(target) ?? []), plan]);
  }
  let recordChanged = false;
  for (const [sheet, list] of byTarget) {
    if (sheet.protected) {
      notes.push(`The sheet "${sheet.name}" is protected, so its cells were not coloured; its statuses are on the summary.`);
      continue;
    }
    const plan = combined(list);
    patched.push({ part: sheet.part as string, name: sheet.name, edits: sheetEdits(plan, problems) });
    recordChanged = recordWrites(read.saved, sheet.name, plan) || recordChanged;
  }

  // Our sheets: each replaces the one made for the same plan (by record and mark), else is new.
  const createPlans = plans.filter((p) => p.action === "create").map((p) => ({ ...p, sheet: cleanSheetName(p.sheet) }));
  const placements = placeNewSheets(
    createPlans.map((p) => p.sheet),
    read.sheets.map((s) => s.name),
    read.ownership,
  );
  const own = read.ownership;
  const stateInfo = own.stateSheet ? worksheets.find((s) => sameSheetName(s.name, own.stateSheet as string)) : undefined;
  const finalNames = [...read.sheets.map((s) => s.name), ...placements.filter((p) => !p.replaces).map((p) => p.sheet)];
  const owned = nextOwned(own, placements, finalNames);
  const statePlan: SheetPlan = { ...emptySheetPlan(stateInfo?.name ?? own.stateSheetName, "create"), blocks: [{ row: 0, col: 0, values: [[stateRecordText(owned)]] }] };

  const rendered: RenderedSheet[] = [];
  const replacedParts: string[] = [];
  const clearNames = new Set<number>();
  const clearMarks = new Set<number>();
  const adds: { plan: SheetPlan; name: string; state?: "veryHidden" }[] = [];
  const marks: { name: string; plan: string; printTitles?: string; printArea?: string }[] = [];
  const place = (plan: SheetPlan, name: string, replaces: SheetInfo | undefined, markPlan: string, state?: "veryHidden"): void => {
    if (replaces?.part && replaces.kind === "worksheet") {
      rendered.push({ part: replaces.part, plan: { ...plan, sheet: replaces.name } });
      replacedParts.push(replaces.part);
      clearNames.add(read.sheets.indexOf(replaces));
    } else adds.push({ plan: { ...plan, sheet: name }, name, state });
    const info = renderedSheetInfo(plan);
    marks.push({ name, plan: markPlan, printTitles: info.printTitleRows, printArea: info.printArea });
  };
  createPlans.forEach((plan, i) => {
    const p = placements[i];
    place(plan, p.sheet, p.replaces ? read.sheets.find((s) => sameSheetName(s.name, p.replaces as string)) : undefined, p.plan);
  });
  if (stateInfo?.part) {
    // The record sheet is shared with the add-in: A2 on and the columns to the right hold the formats
    // Apply colours replaced (src/excel/state.ts), which Remove colours puts back. A1 is ours to write, and
    // A2 on only where the add-in's list of the cells of ours gained the ones this build wrote.
    const column = recordChanged ? recordColumn(statePlan.blocks[0].values[0][0] as string, read.saved, read.recordRows) : undefined;
    const recordPlan: SheetPlan = column ? { ...statePlan, blocks: [{ row: 0, col: 0, values: column.map((v) => [v]) }] } : statePlan;
    patched.push({ part: stateInfo.part, name: stateInfo.name, edits: sheetEdits({ ...recordPlan, action: "edit" }, problems, false) });
    // Its mark alone is written again, after the others as for a sheet replaced, so a rebuild gives the
    // same workbook part; any other name of the sheet stays.
    clearMarks.add(read.sheets.indexOf(stateInfo));
    marks.push({ name: stateInfo.name, plan: STATE_SHEET });
  } else place(statePlan, statePlan.sheet, stateInfo, STATE_SHEET, "veryHidden");

  const dropped = await partsOwnedBy(read.pkg, replacedParts);
  for (const part of replacedParts) dropped.delete(part);
  const names = newPartNames(read, adds.length);
  const relIds = freshRelIds(
    read.workbook.rels.list.map((r) => r.id),
    adds.length,
  );
  const newParts = adds.map((a, i) => ({ part: names[i].part, relId: relIds[i], target: names[i].target }));
  adds.forEach((a, i) => rendered.push({ part: names[i].part, plan: a.plan }));

  const after = [...read.sheets.map((s) => s.name), ...adds.map((a) => a.name)];
  const indexOf = (name: string) => after.findIndex((n) => sameSheetName(n, name));
  const workbookEdit: WorkbookEdit = {
    remove: new Set(),
    clearNames,
    clearMarks,
    add: adds.map((a, i) => ({ name: a.name, relId: relIds[i], ...(a.state ? { state: a.state } : {}) })),
    names: marks.flatMap((m) => [
      { index: indexOf(m.name), name: OWNER_MARK, formula: markFormula(m.plan), hidden: true },
      ...(m.printTitles ? [{ index: indexOf(m.name), name: "_xlnm.Print_Titles", formula: `${quotedSheet(m.name)}!${m.printTitles}` }] : []),
      ...(m.printArea ? [{ index: indexOf(m.name), name: "_xlnm.Print_Area", formula: `${quotedSheet(m.name)}!${m.printArea}` }] : []),
    ]),
  };
  const kinds = new Map(read.sheets.map((s) => [s.name, s.kind]));
  return {
    patched,
    rendered,
    dropped,
    newParts,
    workbookEdit,
    notes,
    worksheetNames: { before: read.sheets.filter((s) => s.kind === "worksheet").map((s) => s.name), after: after.filter((n) => (kinds.get(n) ?? "worksheet") === "worksheet") },
  };
}

export { WORKSHEET_REL, WORKSHEET_TYPE };
