// The two whole-workbook steps of live colours, outside the per-burst path (edit.ts):
// - readForLive: what starting (or re-reading after a command) needs: the sheets as the engine reads them,
//   each sheet's id (events name sheets by id), our record and the rating-help list: 2 requests, as the
//   read half of Apply colours (more only past ~5 MB of cell data);
// - moveRecord: rows or columns inserted or deleted and tracker sheets renamed, followed in our record
//   (record.ts): 2 requests, before the workbook is re-rated.
import type { SheetGrid } from "../../engine/vocab/types";
import type { ExcelRun, XlRequestContext } from "../api";
import { Batcher, DEFAULT_BUDGET } from "../chunk";
import type { WorkbookFacts } from "../facts";
import { queueFacts } from "../facts";
import { readSheets } from "../read";
import { isNotLoaded } from "../slices";
import { runAs } from "../run-options";
import type { SheetMemory } from "../saved";
import type { OwnedSheet, StatePlace } from "../state";
import { stateCells, statePlace } from "../state";
import { live } from "./api";
import type { Burst } from "./burst";
import type { HelpRecord } from "./rating-help";
import { queueHelpReads } from "./rating-help";
import { queueBackupShift, queueRecordRead, queueRecordWrite, shiftMemory } from "./record";

export interface LiveRead {
  facts: WorkbookFacts;
  grids: SheetGrid[];
  place: StatePlace;
  /** Sheet name -> worksheet id. */
  ids: Map<string, string>;
  owned: OwnedSheet[];
  saved: Record<string, SheetMemory>;
  help: HelpRecord;
}

export async function readForLive(run: ExcelRun): Promise<LiveRead> {
  return runAs(run, "read", async (context) => {
    const readFacts = queueFacts(context);
    await context.sync();
    const facts = readFacts();
    const sheets = live(context).workbook.worksheets;
    const idLoads = facts.sheets.map((s) => {
      const ws = sheets.getItem(s.name);
      ws.load("id");
      return { name: s.name, ws };
    });
    const readHelp = queueHelpReads(context, facts);
    const read = await readSheets(context, facts, { isSetSupported: run.isSetSupported });
    const help = await readHelp.read(facts.state?.name);
    return {
      facts,
      grids: read.grids,
      place: statePlace(facts),
      ids: await sheetIds(context, idLoads),
      owned: read.state.owned,
      saved: read.state.saved,
      help,
    };
  });
}

/** The sheets' ids, loaded with the first read; read again on their own if that request was refused for its size. */
async function sheetIds(context: XlRequestContext, loads: { name: string; ws: { id: string; load(names: string): unknown } }[]): Promise<Map<string, string>> {
  try {
    return new Map(loads.map((l) => [l.name, l.ws.id]));
  } catch (e) {
    if (!isNotLoaded(e)) throw e;
    loads.forEach((l) => l.ws.load("id"));
    await context.sync();
    return new Map(loads.map((l) => [l.name, l.ws.id]));
  }
}

/** Follow the burst's row and column shifts and renames in our record. Nothing to do without a record. */
export async function moveRecord(run: ExcelRun, place: StatePlace, burst: Burst): Promise<void> {
  if (!place.exists || (!burst.shifts.length && !burst.renamed.length)) return;
  await runAs(run, "apply", async (context) => {
    const readRecord = queueRecordRead(context, place);
    await context.sync();
    const record = readRecord();
    const memory = { ...record.saved };
    const writes = new Batcher(context, DEFAULT_BUDGET);
    for (const r of burst.renamed) {
      if (!memory[r.from]) continue;
      memory[r.to] = memory[r.from];
      delete memory[r.from];
    }
    for (const s of burst.shifts) {
      // Shifts are named by the sheet's name when they happened; a later rename in the same burst applies.
      const name = burst.renamed.reduce((n, r) => (n === r.from ? r.to : n), s.sheet);
      const mem = memory[name];
      if (!mem) continue;
      await queueBackupShift(writes, context, place.name, mem, s);
      memory[name] = shiftMemory(mem, s);
    }
    await queueRecordWrite(writes, context, place, record, stateCells(record.owned, memory));
    await writes.flush();
  });
}
