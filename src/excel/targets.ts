// Decide where each plan goes, and refuse (before writing) anything that would fail half-way.
import type { SheetPlan } from "../engine/vocab/plan";
import { badPlan, missingSheet, protectedSheet, protectedWorkbook } from "./errors";
import type { SheetFacts, WorkbookFacts } from "./facts";
import { findSheet, same } from "./facts";
import type { OwnedSheet } from "./state";
import { STATE_SHEET } from "./state";
import { cleanSheetName, freeSheetName } from "../engine/sheets/ownership";

export interface Target {
  plan: SheetPlan;
  /** The sheet written: the plan's name, or "Name (2)" when a user's sheet has the plan's name. */
  sheet: string;
  /** For create plans: the owned sheet being replaced, and where it sat. */
  replaces?: { name: string; position: number };
  /** A create plan written into our existing sheet as it stands (the history, history-write.ts), not replacing it. */
  inPlace?: boolean;
}

// Sheet names are cleaned and "Name (2)" chosen by the engine (cleanSheetName, freeSheetName), as in the file host.
export { cleanSheetName };

/** Several edit plans for one sheet become one, so its formats are saved once. */
function combineEdits(plans: SheetPlan[]): SheetPlan[] {
  const out: SheetPlan[] = [];
  const edits = new Map<string, SheetPlan>();
  for (const p of plans) {
    const key = p.sheet.toLowerCase();
    const prev = p.action === "edit" ? edits.get(key) : undefined;
    if (!prev) {
      const copy = { ...p, blocks: [...p.blocks], styles: [...p.styles], merges: [...p.merges], ...(p.rowMerges ? { rowMerges: [...p.rowMerges] } : {}), columnWidths: [...p.columnWidths], rowHeights: [...p.rowHeights] };
      if (p.action === "edit") edits.set(key, copy);
      out.push(copy);
      continue;
    }
    prev.blocks.push(...p.blocks);
    prev.styles.push(...p.styles);
    prev.merges.push(...p.merges);
    if (p.rowMerges?.length) (prev.rowMerges ??= []).push(...p.rowMerges);
    prev.columnWidths.push(...p.columnWidths);
    prev.rowHeights.push(...p.rowHeights);
  }
  return out;
}

/**
 * An edit plan's rows that write only "" (blank and section rows inside a table) are left out: Excel refuses
 * a value in part of a merged area, and the host cannot always read merged areas (getMergedAreasOrNullObject
 * is ExcelApi 1.13 and fails past 512 areas), so a section row merged across our column is never written.
 * What an earlier run wrote there is still cleared, through the saved record.
 */
export function withoutBlankRows(plan: SheetPlan): SheetPlan {
  const blocks: SheetPlan["blocks"] = [];
  for (const b of plan.blocks) {
    const blank = (i: number): boolean => b.values[i].every((v) => v === "" || v === null);
    for (let i = 0; i < b.values.length; ) {
      if (blank(i)) {
        i++;
        continue;
      }
      let j = i;
      while (j < b.values.length && !blank(j)) j++;
      blocks.push({ row: b.row + i, col: b.col, values: b.values.slice(i, j) });
      i = j;
    }
  }
  return { ...plan, blocks };
}

/** The sheet an earlier run made for this plan name, if it is still there (as the file host finds it). */
function ownedFor(facts: WorkbookFacts, owned: OwnedSheet[], plan: string): SheetFacts | undefined {
  for (const o of owned) {
    if (!same(o.plan, plan)) continue;
    const sheet = findSheet(facts, o.sheet);
    if (sheet) return sheet;
  }
  return undefined;
}

/**
 * Where each plan goes. Throws, naming the sheet, for anything that would fail half-way: a missing or
 * protected tracker, a protected owned sheet, a protected workbook structure when a sheet must be added.
 * `writesState`: the command writes our record sheet (so it must be writable, or creatable).
 */
export function resolveTargets(plans: SheetPlan[], facts: WorkbookFacts, owned: OwnedSheet[], writesState = true): Target[] {
  const taken = new Set<string>();
  const targets: Target[] = [];
  const isOwned = (name: string): boolean => owned.some((o) => same(o.sheet, name));
  for (const plan of combineEdits(plans)) {
    if (plan.action === "edit") {
      const sheet = findSheet(facts, plan.sheet);
      if (!sheet || sheet === facts.state) throw missingSheet(plan.sheet);
      if (sheet.protected) throw protectedSheet(sheet.name);
      if (plan.merges.length || plan.rowMerges?.length || plan.freeze || plan.print || plan.tabColor) {
        // These cannot be restored by Remove colours, so an officer's sheet never gets them.
        throw badPlan(plan.sheet, "edits an officer's sheet with merges, frozen panes, print setup or a tab colour");
      }
      targets.push({ plan: withoutBlankRows(plan), sheet: sheet.name });
      continue;
    }
    if (facts.workbookProtected) throw protectedWorkbook();
    const base = cleanSheetName(plan.sheet);
    const byName = findSheet(facts, base);
    const previous = ownedFor(facts, owned, plan.sheet) ?? (byName && isOwned(byName.name) ? byName : undefined);
    if (previous && !taken.has(previous.name.toLowerCase()) && previous !== facts.state) {
      if (previous.protected) throw protectedSheet(previous.name);
      taken.add(previous.name.toLowerCase());
      targets.push({ plan, sheet: previous.name, replaces: { name: previous.name, position: previous.position } });
      continue;
    }
    // A user's sheet (or one already used in this run) is never touched: the next free name.
    const name = freeSheetName(facts.sheets.map((s) => s.name), base, [...taken, facts.stateName, STATE_SHEET]);
    taken.add(name.toLowerCase());
    targets.push({ plan, sheet: name });
  }
  if (writesState) {
    if (facts.state?.protected) throw protectedSheet(facts.state.name);
    if (!facts.state && facts.workbookProtected) throw protectedWorkbook();
  }
  return targets;
}

/** The record after this run: each create plan's sheet, earlier entries for other plans kept while their sheets exist. */
export function ownedAfter(facts: WorkbookFacts, owned: OwnedSheet[], targets: Target[], deleted: string[] = []): OwnedSheet[] {
  let out = owned.filter((o) => findSheet(facts, o.sheet) && !deleted.some((d) => same(d, o.sheet)));
  for (const t of targets) {
    if (t.plan.action !== "create") continue;
    out = out.filter((o) => !same(o.plan, t.plan.sheet) && !same(o.sheet, t.sheet));
    out.push({ sheet: t.sheet, plan: t.plan.sheet });
  }
  return out;
}
