// What the output package will be, decided before a byte is written: which tracker sheets are patched
// and with what, where each of our sheets goes (an owned sheet replaced in place, or a new part), where
// the record sheet goes (its content waits for the patches: record-backups.ts), the parts that go with
// replaced sheets, and the edits to the parts that list sheets.
import type { Problem } from "../../engine/vocab/types";
import { emptySheetPlan, type SheetPlan } from "../../engine/vocab/plan";
import { HISTORY_SHEET } from "../../engine/history/types";
import { cleanSheetName, entryOfSheet, markFormula, nextOwned, OWNER_MARK, placeNewSheets, sameSheetName, STATE_SHEET, stateRecordText } from "../../engine/sheets/ownership";
import type { PackageRead, SheetInfo } from "../read-package";
import { partsOwnedBy } from "./owned-parts";
import { relsPartOf } from "../package/relationships";
import { freshRelIds, WORKSHEET_REL, WORKSHEET_TYPE } from "./package-edits";
import { sheetEdits, type SheetEdits } from "./sheet-edits";
import { renderedSheetInfo } from "./sheet-render";
import { putBack, withChanges, type Backup, type StaleCells } from "./record-backups";
import type { CellSet } from "../../excel/cells";
import { quotedSheet, type WorkbookEdit } from "./workbook-edit";

export interface PatchedSheet {
  part: string;
  name: string;
  edits: SheetEdits;
  /** The sheet's edit plans as one (what it writes goes into the add-in's record). */
  plan: SheetPlan;
  /** Cells whose format is ours already: not backed up (record-backups.ts StaleCells.ours). */
  ours?: CellSet;
  /** Columns whose widths leave the record without being put back (StaleCells.widthsGone). */
  widthsGone?: ReadonlySet<number>;
}

/**
 * The record sheet, shared with the add-in (src/excel/state.ts): A1 lists our sheets; A2 on and the
 * columns from C hold what Apply colours replaced and wrote, which Remove colours puts back. Written
 * after the officers' sheets, once their patches have seen the formats they replace (record-backups.ts).
 */
export interface RecordPlace {
  /** The entry its XML goes to: the sheet's own part, or a new one. */
  part: string;
  name: string;
  /** The workbook has it already: its part is patched, every cell but ours passed through. */
  existing: boolean;
  /** A1's text, the list of our sheets after this build. */
  a1: string;
  /** Its cells whose backups moved with sorted rows (read-package.ts recordMoves), then those put back: their format goes back to the default. */
  clears: Backup[];
}

export interface RenderedSheet {
  /** The entry the sheet's XML goes to. */
  part: string;
  plan: SheetPlan;
}

/** Our history sheet's part patched instead of made again: its rows from `edits.dropFrom` replaced. */
export interface ContinuedSheet {
  part: string;
  name: string;
  edits: SheetEdits;
}

/**
 * The history read through a window (read-package.ts windowHistory): its plan holds only the rows from
 * `from` down, which replace the sheet's rows from there; the rows above are kept as they are.
 */
export interface HistoryContinued {
  /** The sheet read through the window, and its part. */
  sheet: string;
  part: string;
  from: number;
  /** The rows from `from` (the plan's print and view settings are the full plan's). */
  rows: SheetPlan;
}

export interface PackageLayout {
  patched: PatchedSheet[];
  continued: ContinuedSheet[];
  rendered: RenderedSheet[];
  /** Entries of the input to leave out (parts that went with replaced sheets). */
  dropped: Set<string>;
  /** New parts and their workbook relationships. */
  newParts: { part: string; relId: string; target: string }[];
  workbookEdit: WorkbookEdit;
  record: RecordPlace;
  /** One line each, for the run to tell (protected sheets, records not trusted). */
  notes: string[];
  /** Worksheet names before and after, for docProps/app.xml. */
  worksheetNames: { before: string[]; after: string[] };
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

/**
 * Names for new worksheet parts beside the workbook's ("xl/worksheets/sheet7.xml"), none in use, nor with a
 * relationships part of their name left in the package (by another tool): ours would take it over, and a
 * rebuild delete it with our sheet (helper-137). Part names are compared as OPC does, ignoring case.
 */
function newPartNames(read: PackageRead, count: number): { part: string; target: string }[] {
  const folder = `${folderOf(read.workbook.partName)}worksheets/`;
  const taken = new Set(read.pkg.entries.map((e) => e.name.toLowerCase()));
  const out: { part: string; target: string }[] = [];
  for (let n = 1; out.length < count; n++) {
    const part = `${folder}sheet${n}.xml`;
    // Nor one a content type Override names (left by a tool that removed its part): a second Override for the
    // same part name makes the package invalid (OPC M2.5), and the first may give ours another content type.
    if (!taken.has(part.toLowerCase()) && !taken.has(relsPartOf(part).toLowerCase()) && !read.contentTypes.overrides.has(part.toLowerCase())) out.push({ part, target: `worksheets/sheet${n}.xml` });
  }
  return out;
}

export async function layoutPackage(read: PackageRead, plans: SheetPlan[], problems: Problem[], stale: Map<string, StaleCells> = new Map(), history?: HistoryContinued): Promise<PackageLayout> {
  const notes = [...read.ownership.notes];
  // The add-in refuses such a workbook (Excel cannot add sheets to it); the copy the command line writes has them.
  if (read.workbook.protected) notes.push("The workbook's structure is protected (Review > Protect Workbook): this copy has the summary sheets added and keeps the protection. The add-in in Excel needs it unprotected to add them.");
  const worksheets = read.sheets.filter((s) => s.kind === "worksheet" && s.part);

  // Officers' sheets: our column and colours, unless the sheet is protected.
  const patched: PatchedSheet[] = [];
  // Backups that moved with sorted rows go first: one put back now is cleared after (recordBuild keeps the last per cell).
  const recordClears: Backup[] = [...read.recordMoves];
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
  for (const [sheet, list] of byTarget) {
    if (sheet.protected) {
      notes.push(`The sheet "${sheet.name}" is protected, so its cells were not coloured; its statuses are on the summary.`);
      continue;
    }
    const plan = combined(list);
    const old = [...stale.keys()].find((k) => sameSheetName(k, sheet.name));
    const mem = old !== undefined ? entryOfSheet(read.saved, sheet.name) : undefined;
    // What an earlier run left and this one no longer writes or colours is put back (record-backups.ts).
    const changes = old !== undefined && mem ? putBack(stale.get(old) as StaleCells, mem, read.recordFormats, recordClears) : [];
    const ours = old !== undefined ? stale.get(old)?.ours : undefined;
    const widthsBack = old !== undefined ? stale.get(old)?.widths : undefined;
    const inPlace = old === undefined || (stale.get(old)?.inPlace ?? true);
    const edits = withChanges(sheetEdits(plan, problems), changes);
    const sizedBefore = entryOfSheet(read.saved, sheet.name)?.widths;
    // Out of place, the record's widths are of other columns now: not a sign the officer hid ours (helper-62).
    if (sizedBefore?.size && inPlace) edits.keepHidden = new Set(plan.columnWidths.map((w) => w.col).filter((col) => sizedBefore.has(col)));
    if (widthsBack?.size) edits.widthsBack = widthsBack;
    const widthsGone = old !== undefined ? stale.get(old)?.widthsGone : undefined;
    patched.push({ part: sheet.part as string, name: sheet.name, edits, plan, ...(ours ? { ours } : {}), ...(widthsGone?.size ? { widthsGone } : {}) });
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
  const statePlan: SheetPlan = emptySheetPlan(stateInfo?.name ?? own.stateSheetName, "create");

  const rendered: RenderedSheet[] = [];
  const replacedParts: string[] = [];
  const clearNames = new Set<number>();
  const clearMarks = new Set<number>();
  const clearOwn = new Set<number>();
  const veryHidden = new Set<number>();
  const adds: { plan: SheetPlan; name: string; state?: "veryHidden"; record?: true }[] = [];
  const marks: { name: string; plan: string; printTitles?: string; printArea?: string }[] = [];
  const continued: ContinuedSheet[] = [];
  const place = (plan: SheetPlan, name: string, replaces: SheetInfo | undefined, markPlan: string, state?: "veryHidden"): void => {
    const goesOn = history !== undefined && markPlan === HISTORY_SHEET && sameSheetName(plan.sheet, history.sheet);
    // A plan of the history's latest rows only must go on the sheet it was read from, else rows are lost.
    if (goesOn && (!replaces || replaces.part !== history.part)) throw new Error(`the history was read from '${history.sheet}' but would be written elsewhere`);
    if (goesOn && replaces?.part) {
      continued.push({ part: replaces.part, name: replaces.name, edits: { ...sheetEdits(history.rows, problems), dropFrom: history.from } });
      // The sheet stays, and so do its names but ours (a person's filter keeps its _FilterDatabase).
      clearOwn.add(read.sheets.indexOf(replaces));
    } else if (replaces?.part && replaces.kind === "worksheet") {
      rendered.push({ part: replaces.part, plan: { ...plan, sheet: replaces.name } });
      replacedParts.push(replaces.part);
      clearNames.add(read.sheets.indexOf(replaces));
    } else adds.push({ plan: { ...plan, sheet: name }, name, state, ...(markPlan === STATE_SHEET ? { record: true as const } : {}) });
    const info = renderedSheetInfo(plan);
    marks.push({ name, plan: markPlan, printTitles: info.printTitleRows, printArea: info.printArea });
  };
  createPlans.forEach((plan, i) => {
    const p = placements[i];
    place(plan, p.sheet, p.replaces ? read.sheets.find((s) => sameSheetName(s.name, p.replaces as string)) : undefined, p.plan);
  });
  const a1 = stateRecordText(owned);
  let record: RecordPlace | undefined;
  if (stateInfo?.part) {
    record = { part: stateInfo.part, name: stateInfo.name, existing: true, a1, clears: recordClears };
    // Its mark alone is written again, after the others as for a sheet replaced, so a rebuild gives the
    // same workbook part; any other name of the sheet stays.
    clearMarks.add(read.sheets.indexOf(stateInfo));
    marks.push({ name: stateInfo.name, plan: STATE_SHEET });
    // Saved by LibreOffice (hidden) or Gnumeric (visible), which have no "very hidden": made very hidden again.
    if (stateInfo.state !== "veryHidden") veryHidden.add(read.sheets.indexOf(stateInfo));
  } else place(statePlan, statePlan.sheet, stateInfo, STATE_SHEET, "veryHidden");

  const dropped = await partsOwnedBy(read.pkg, replacedParts);
  for (const part of replacedParts) dropped.delete(part);
  const names = newPartNames(read, adds.length);
  const relIds = freshRelIds(
    read.workbook.rels.list.map((r) => r.id),
    adds.length,
  );
  const newParts = adds.map((a, i) => ({ part: names[i].part, relId: relIds[i], target: names[i].target }));
  adds.forEach((a, i) => {
    if (a.record) record = { part: names[i].part, name: a.name, existing: false, a1, clears: [] };
    else rendered.push({ part: names[i].part, plan: a.plan });
  });

  const after = [...read.sheets.map((s) => s.name), ...adds.map((a) => a.name)];
  const indexOf = (name: string) => after.findIndex((n) => sameSheetName(n, name));
  const workbookEdit: WorkbookEdit = {
    remove: new Set(),
    clearNames,
    clearMarks,
    clearOwn,
    ...(veryHidden.size ? { veryHidden } : {}),
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
    continued,
    rendered,
    dropped,
    newParts,
    workbookEdit,
    record: record as RecordPlace,
    notes,
    worksheetNames: { before: read.sheets.filter((s) => s.kind === "worksheet").map((s) => s.name), after: after.filter((n) => (kinds.get(n) ?? "worksheet") === "worksheet") },
  };
}

export { WORKSHEET_REL, WORKSHEET_TYPE };
