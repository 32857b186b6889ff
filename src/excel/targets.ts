// Decide where each plan goes, and refuse (before writing) anything that would fail half-way.
import type { SheetPlan } from "../engine/plan";
import { badPlan, missingSheet, protectedSheet, protectedWorkbook } from "./errors";
import type { WorkbookFacts } from "./facts";
import { findSheet, isOwned } from "./facts";

export interface Target {
  plan: SheetPlan;
  /** The sheet written: the plan's name, or "Name (2)" when a user's sheet has the plan's name. */
  sheet: string;
  /** For create plans: the owned sheet being replaced, and where it sat. */
  replaces?: { name: string; position: number };
}

const MAX_NAME = 31;

/** Excel's rules for sheet names: 31 characters, none of []:*?/\, no apostrophe at either end. */
export function cleanSheetName(name: string): string {
  const s = name.replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").trim();
  return (s || "Sheet").slice(0, MAX_NAME);
}

function withSuffix(base: string, n: number): string {
  if (n === 1) return base;
  const suffix = ` (${n})`;
  return base.slice(0, MAX_NAME - suffix.length) + suffix;
}

/** Several edit plans for one sheet become one, so its formats are saved once. */
function combineEdits(plans: SheetPlan[]): SheetPlan[] {
  const out: SheetPlan[] = [];
  const edits = new Map<string, SheetPlan>();
  for (const p of plans) {
    const key = p.sheet.toLowerCase();
    const prev = p.action === "edit" ? edits.get(key) : undefined;
    if (!prev) {
      const copy = { ...p, blocks: [...p.blocks], styles: [...p.styles], merges: [...p.merges], columnWidths: [...p.columnWidths], rowHeights: [...p.rowHeights] };
      if (p.action === "edit") edits.set(key, copy);
      out.push(copy);
      continue;
    }
    prev.blocks.push(...p.blocks);
    prev.styles.push(...p.styles);
    prev.merges.push(...p.merges);
    prev.columnWidths.push(...p.columnWidths);
    prev.rowHeights.push(...p.rowHeights);
  }
  return out;
}

export function resolveTargets(plans: SheetPlan[], facts: WorkbookFacts): Target[] {
  const taken = new Set<string>();
  const targets: Target[] = [];
  for (const plan of combineEdits(plans)) {
    if (plan.action === "edit") {
      const sheet = findSheet(facts, plan.sheet);
      if (!sheet) throw missingSheet(plan.sheet);
      if (sheet.protected) throw protectedSheet(sheet.name);
      if (plan.merges.length || plan.freeze || plan.print || plan.tabColor) {
        // These cannot be restored by Remove colours, so an officer's sheet never gets them.
        throw badPlan(plan.sheet, "edits an officer's sheet with merges, frozen panes, print setup or a tab colour");
      }
      targets.push({ plan, sheet: sheet.name });
      continue;
    }
    if (facts.workbookProtected) throw protectedWorkbook();
    const base = cleanSheetName(plan.sheet);
    for (let n = 1; ; n++) {
      const name = withSuffix(base, n);
      if (taken.has(name.toLowerCase())) continue;
      const existing = findSheet(facts, name);
      if (existing && !isOwned(facts, existing.name)) continue; // a user's sheet: never touched
      if (existing?.protected) throw protectedSheet(existing.name);
      taken.add(name.toLowerCase());
      targets.push({ plan, sheet: existing?.name ?? name, replaces: existing && { name: existing.name, position: existing.position } });
      break;
    }
  }
  return targets;
}
