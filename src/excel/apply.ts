// Execute sheet plans in Excel with a fixed number of round trips, whatever the row count:
//   1. facts   – sheets, protection, what earlier runs saved (all checks happen here, before any write);
//   2. capture – only when officers' sheets are edited: their current formats, read in one batch;
//   3. write   – settings, restores, new sheets, values, formats, layout.
// Bound: Apply colours takes 3 syncs and Build summary 2 while each phase fits the 4 MB
// budget (capture: about 33,000 cells when fill, font colour and bold are saved; write:
// about 150,000 cells of typical summary text); beyond that a phase adds one sync per
// further 4 MB. Measured on the fake: 20,000 tracker rows (40,000 cells coloured) take
// 4 syncs, a 20,000-row summary (180,000 cells) takes 3.
import type { SheetPlan } from "../engine/plan";
import type { ExcelRun, XlWorksheet } from "./api";
import { queueCapture } from "./capture";
import { Batcher, DEFAULT_BUDGET, OP_OVERHEAD, utf8Bytes } from "./chunk";
import { queueFacts } from "./facts";
import { queueRestore } from "./formats";
import type { SheetMemory } from "./saved";
import { encodeSaved, mergeMemory } from "./saved";
import { OWNED_SHEETS_KEY, SAVED_FORMATS_KEY, writeSetting } from "./settings";
import type { Target } from "./targets";
import { resolveTargets } from "./targets";
import { queuePlan } from "./write";

export interface ApplyOptions {
  /** Request size at which work is split over another sync (default 4 MB, under Excel on the web's 5 MB). */
  budgetBytes?: number;
  /** Show the first sheet created (Build summary). */
  activate?: boolean;
}

export interface ApplyResult {
  /** Where each plan went: a create plan may land on "Summary (2)" when a user's sheet is called "Summary". */
  sheets: { plan: string; sheet: string; action: SheetPlan["action"] }[];
  cellsWritten: number;
  /** context.sync() calls made. */
  syncs: number;
}

export async function applyPlans(run: ExcelRun, plans: SheetPlan[], opts: ApplyOptions = {}): Promise<ApplyResult> {
  const budget = opts.budgetBytes ?? DEFAULT_BUDGET;
  return run(async (context) => {
    const readFacts = queueFacts(context);
    await context.sync();
    const facts = readFacts();
    const targets = resolveTargets(plans, facts); // throws, naming the sheet, before anything is written
    const edits = targets.filter((t) => t.plan.action === "edit");
    const creates = targets.filter((t) => t.plan.action === "create");
    const sheets = context.workbook.worksheets;

    // Formats about to be replaced on officers' sheets.
    const existing = new Set(facts.sheets.map((s) => s.name));
    const memory: Record<string, SheetMemory> = Object.fromEntries(Object.entries(facts.saved).filter(([name]) => existing.has(name)));
    const stale: { target: Target; mem: SheetMemory }[] = [];
    const reads = new Batcher(context, budget);
    if (edits.length) {
      const captures = [];
      for (const t of edits) captures.push({ t, read: await queueCapture(reads, sheets.getItem(t.sheet), t.plan) });
      await reads.flush();
      for (const { t, read } of captures) {
        const merged = mergeMemory(memory[t.sheet], read());
        memory[t.sheet] = merged.keep;
        stale.push({ target: t, mem: merged.stale });
      }
    }

    const writes = new Batcher(context, budget);
    if (edits.length) {
      // Saved first: if a later write fails, Remove colours can still undo what landed.
      const json = encodeSaved(memory);
      await writes.add(OP_OVERHEAD + utf8Bytes(json), () => writeSetting(context, SAVED_FORMATS_KEY, json));
      // Cells an earlier run coloured that this run no longer does.
      for (const s of stale) await queueRestore(writes, sheets.getItem(s.target.sheet), s.mem);
    }

    const created = new Map<Target, XlWorksheet>();
    if (creates.length) {
      const taken = new Set(facts.sheets.map((s) => s.name.toLowerCase()));
      let temp = 0;
      const tempName = (): string => {
        let n: string;
        do n = `RAG scorecard tmp ${++temp}`;
        while (taken.has(n.toLowerCase()));
        taken.add(n.toLowerCase());
        return n;
      };
      await writes.add(OP_OVERHEAD * 4 * creates.length, () => {
        for (const t of creates) {
          if (t.replaces) {
            // Add first, under a temporary name, so the workbook never runs out of sheets.
            const ws = sheets.add(tempName());
            sheets.getItem(t.replaces.name).delete();
            ws.name = t.sheet;
            ws.position = t.replaces.position;
            created.set(t, ws);
          } else created.set(t, sheets.add(t.sheet));
        }
      });
      const owned = JSON.stringify([...new Set([...facts.owned, ...creates.map((t) => t.sheet)])]);
      await writes.add(OP_OVERHEAD + utf8Bytes(owned), () => writeSetting(context, OWNED_SHEETS_KEY, owned));
    }

    let cellsWritten = 0;
    for (const t of targets) {
      const ws = created.get(t) ?? sheets.getItem(t.sheet);
      cellsWritten += await queuePlan(writes, ws, t.plan);
    }
    const first = creates[0] && created.get(creates[0]);
    if (opts.activate && first) await writes.add(OP_OVERHEAD, () => first.activate());
    await writes.flush();

    return {
      sheets: targets.map((t) => ({ plan: t.plan.sheet, sheet: t.sheet, action: t.plan.action })),
      cellsWritten,
      syncs: 1 + reads.syncs + writes.syncs,
    };
  });
}
