// The naive way to execute the same plans, kept ONLY as the benchmark's baseline:
// a sync per row and a format call per cell, as a first Office.js add-in usually does.
// It produces the same workbook as applyPlans (tested), so the ratio compares like with like.
// Never use it in the add-in.
import type { SheetPlan } from "../engine/vocab/plan";
import type { ExcelRun, XlCellProperties, XlClientResult, XlRange, XlRangeFormat, XlWorksheet } from "./api";
import type { ApplyResult } from "./apply";
import { planTouches } from "./capture";
import { fromProperties, loadOptions } from "./cell-properties";
import { keyCell } from "./cells";
import { Batcher } from "./chunk";
import { queueFacts } from "./facts";
import { readSheets } from "./read";
import { queueStateWrite, stateCells, statePlace, queueMark } from "./state";
import { setSaved, setStyle } from "./formats";
import type { FormatKey, SavedFormat, SheetMemory } from "./saved";
import { mergeMemory } from "./saved";
import type { Target } from "./targets";
import { ownedAfter, resolveTargets } from "./targets";
import { queuePlan } from "./write";
import { runAs } from "./run-options";

/** Group cell keys by row, rows in order. */
function byRow<T>(cells: Map<number, T>): [number, [number, T][]][] {
  const rows = new Map<number, [number, T][]>();
  for (const [k, v] of cells) {
    const { row, col } = keyCell(k);
    if (!rows.has(row)) rows.set(row, []);
    rows.get(row)!.push([col, v]);
  }
  return [...rows].sort((a, b) => a[0] - b[0]);
}

export async function applyPlansNaive(run: ExcelRun, plans: SheetPlan[], opts: { activate?: boolean } = {}): Promise<ApplyResult> {
  return runAs(run, "apply", async (context) => {
    let syncs = 0;
    const sync = async (): Promise<void> => {
      syncs++;
      await context.sync();
    };
    const readFacts = queueFacts(context);
    await sync();
    const facts = readFacts();
    const read = await readSheets(context, facts, { only: [] });
    syncs += read.syncs;
    const targets = resolveTargets(plans, facts, read.state.owned);
    const sheets = context.workbook.worksheets;
    const existing = new Set(facts.sheets.map((s) => s.name));
    const memory: Record<string, SheetMemory> = Object.fromEntries(Object.entries(read.state.saved).filter(([n]) => existing.has(n)));
    const stale: { ws: XlWorksheet; mem: SheetMemory }[] = [];

    // Previous formats, one cell at a time, a sync per row.
    for (const t of targets.filter((x) => x.plan.action === "edit")) {
      const ws = sheets.getItem(t.sheet);
      const { touched, values } = planTouches(t.plan);
      const before = new Map<number, SavedFormat>();
      for (const [row, cells] of byRow(touched)) {
        const reads = cells.map(([col, keys]) => {
          const probe = ws.getCell(row, col);
          const formatKeys = new Set<FormatKey>([...keys].filter((k) => k !== "numberFormat"));
          return {
            k: row * 16384 + col,
            keys,
            formatKeys,
            props: formatKeys.size ? (probe.getCellProperties(loadOptions(formatKeys)) as XlClientResult<XlCellProperties[][]>) : undefined,
            nf: keys.has("numberFormat") ? (probe.load("numberFormat") as XlRange) : undefined,
          };
        });
        await sync();
        for (const r of reads) {
          const f: SavedFormat = r.props ? fromProperties(r.props.value[0][0], r.formatKeys) : {};
          if (r.nf) f.numberFormat = String(r.nf.numberFormat[0][0]);
          before.set(r.k, f);
        }
      }
      const widths = new Map<number, number>();
      for (const w of t.plan.columnWidths) {
        const format = ws.getCell(0, w.col).format.load("columnWidth") as XlRangeFormat;
        await sync();
        widths.set(w.col, format.columnWidth);
      }
      const heights = new Map<number, number>();
      for (const h of t.plan.rowHeights) {
        const format = ws.getCell(h.row, 0).format.load("rowHeight") as XlRangeFormat;
        await sync();
        heights.set(h.row, format.rowHeight);
      }
      const merged = mergeMemory(memory[t.sheet], { touched, before, values, widths, heights });
      memory[t.sheet] = merged.keep;
      stale.push({ ws, mem: merged.stale });
    }

    const state = new Batcher(context, Number.MAX_SAFE_INTEGER);
    await queueStateWrite(state, context, statePlace(facts), read.state.rows, stateCells(ownedAfter(facts, read.state.owned, targets), memory));
    await state.flush();
    syncs += state.syncs;
    if (stale.length) {
      for (const { ws, mem } of stale) {
        for (const r of mem.values.rects()) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) ws.getCell(row, col).clear("Contents");
        for (const [row, cells] of byRow(mem.cells)) {
          for (const [col, f] of cells) {
            const range = ws.getCell(row, col);
            const { numberFormat, borders, ...rest } = f;
            setSaved(ws.getCell(row, col).format, rest);
            if (numberFormat !== undefined) range.numberFormat = [[numberFormat]];
            if (borders !== undefined) range.setCellProperties([[{ format: { borders: borders as never } }]]);
          }
          await sync();
        }
        for (const [col, w] of mem.widths) ws.getCell(0, col).format.columnWidth = w;
        for (const [row, h] of mem.heights) ws.getCell(row, 0).format.rowHeight = h;
        await sync();
      }
    }

    const created = new Map<Target, XlWorksheet>();
    const creates = targets.filter((x) => x.plan.action === "create");
    let temp = 0;
    for (const t of creates) {
      if (t.replaces) {
        let name: string;
        do name = `RAG scorecard tmp ${++temp}`;
        while (existing.has(name));
        const ws = sheets.add(name);
        sheets.getItem(t.replaces.name).delete();
        ws.name = t.sheet;
        ws.position = t.replaces.position;
        created.set(t, ws);
      } else created.set(t, sheets.add(t.sheet));
      queueMark(created.get(t)!, t.plan.sheet);
      await sync();
    }
    let cellsWritten = 0;
    for (const t of targets) {
      const ws = created.get(t) ?? sheets.getItem(t.sheet);
      // Values: a row at a time.
      for (const b of t.plan.blocks) {
        const width = b.values.reduce((n, r) => Math.max(n, r.length), 0);
        for (const [i, line] of b.values.entries()) {
          if (width === 0) continue;
          const row = Array.from({ length: width }, (_, j) => line[j] ?? "");
          const range = ws.getRangeByIndexes(b.row + i, b.col, 1, width);
          if (row.some((v) => typeof v === "string" && v !== "")) range.numberFormat = [row.map((v) => (typeof v === "string" && v !== "" ? "@" : null))];
          range.values = [row];
          cellsWritten += width;
          await sync();
        }
      }
      // Formats: a call per cell and property, a sync per row.
      for (const g of t.plan.styles) {
        const cells = new Map<number, true>();
        for (const r of g.ranges) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells.set(row * 16384 + col, true);
        for (const [row, line] of byRow(cells)) {
          for (const [col] of line) {
            const range = ws.getCell(row, col);
            setStyle(ws.getCell(row, col).format, g.style);
            if (g.style.border !== undefined) {
              for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
                const b = range.format.borders.getItem(edge);
                b.style = "Continuous";
                b.weight = "Thin";
                b.color = g.style.border;
              }
            }
            if (g.style.numberFormat !== undefined) range.numberFormat = [[g.style.numberFormat]];
          }
          await sync();
        }
      }
      // Layout is the same few calls either way.
      const layout = new Batcher(context, Number.MAX_SAFE_INTEGER);
      await queuePlan(layout, ws, { ...t.plan, blocks: [], styles: [] });
      await layout.flush();
      syncs += layout.syncs;
    }
    const first = creates[0] && created.get(creates[0]);
    if (opts.activate && first) {
      first.activate();
      await sync();
    }
    return { sheets: targets.map((t) => ({ plan: t.plan.sheet, sheet: t.sheet, action: t.plan.action })), cellsWritten, syncs };
  });
}
