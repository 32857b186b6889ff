// One burst through the engine: read (request 1), re-rate, and for the officer's own edits write
// (request 2, edit.ts). A co-author's burst goes through the same read and engine, and is never written.
import type { CellEdit, LiveUpdate, StructureChange } from "../../engine/live/types";
import type { ScorecardOptions, ScorecardRun } from "../../engine/scorecard";
import type { SheetGrid } from "../../engine/vocab/types";
import type { ExcelRun } from "../api";
import { CellSet } from "../cells";
import { runAs } from "../run-options";
import type { StatePlace } from "../state";
import type { Burst } from "./burst";
import { readBurst, writeUpdate, type PendingCells } from "./edit";

/** The incremental engine as the listener uses it (src/engine/live), injectable for tests. */
export interface LiveEngine<S> {
  startLive(grids: SheetGrid[], options: ScorecardOptions): { session: S; run: ScorecardRun };
  applyEdits(session: S, edits: CellEdit[], structure?: StructureChange[]): LiveUpdate;
}

/** What one burst cost, for the tests and the bench. */
export interface BurstReport {
  kind: LiveUpdate["kind"];
  /** context.sync() calls the burst made (a rescan's Apply colours not counted). */
  syncs: number;
  /** Milliseconds the engine took to re-rate. */
  engineMs: number;
  /** Cells read, and range loads used to read them. */
  cells: number;
  areas: number;
  /** Events gathered into the burst. */
  events: number;
}

/** What the listener keeps between bursts that rating one needs. */
export interface Rating<S> {
  session: S;
  place: StatePlace;
  /** Our own column's cells by sheet: never handed to the engine as an officer's edit. */
  own: Map<string, CellSet>;
  /** Cells we colour by sheet: the format changes our write raises there are not an officer's (session.ts). */
  coloured?: Map<string, CellSet>;
  /** The workbook counts dates from 1904 (facts.ts). */
  date1904?: boolean;
}

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

/** Read, re-rate and (`write`) write one burst. No request when no changed cell lies in a tracker. */
export async function rateBurst<S>(run: ExcelRun, engine: LiveEngine<S>, at: Rating<S>, burst: Burst, write: boolean, pending: PendingCells = () => false): Promise<{ update?: LiveUpdate; report: BurstReport }> {
  const report: BurstReport = { kind: "none", syncs: 0, engineMs: 0, cells: 0, areas: 0, events: burst.events };
  const update = await runAs(run, write ? "apply" : "read", async (context) => {
    // Rows are read across the tracker for an officer's own burst only: a co-author's is followed without
    // writing, and reading past its cells would take in a local edit still waiting to be rated (helper-104).
    const read = await readBurst(context, burst, at.place, at.date1904 === true, write ? { pending } : undefined);
    if (!read) return undefined;
    report.syncs = 1;
    report.cells = read.edits.length;
    report.areas = read.areas;
    const t0 = now();
    // The cells beside the edits go to the engine only (it passes over those unchanged), not to the sort
    // following, which reads the edits as what the officer changed.
    const u = engine.applyEdits(at.session, [...read.edits, ...read.besideEdits].filter((e) => !at.own.get(e.sheet)?.has(e.row, e.col)));
    report.engineMs = now() - t0;
    if (write && u.kind === "records" && (u.plans.length || u.cleared?.length)) {
      // Our column's cells about to be written are ours: their change events (and their Undo) are not
      // edits. Marked before the write, whose events may arrive before it returns (before ExcelApi 1.14
      // nothing else tells them apart).
      for (const p of u.plans) {
        let set = at.own.get(p.sheet);
        if (!set) at.own.set(p.sheet, (set = new CellSet()));
        for (const b of p.blocks) b.values.forEach((line, i) => line.forEach((_, j) => set!.add(b.row + i, b.col + j)));
        if (!at.coloured) continue;
        let coloured = at.coloured.get(p.sheet);
        if (!coloured) at.coloured.set(p.sheet, (coloured = new CellSet()));
        for (const g of p.styles) for (const r of g.ranges) coloured.addRange(r);
      }
      const written = await writeUpdate(context, at.place, read.record, u, read.formats, read.edits);
      report.syncs += written.syncs;
      at.place.exists = true;
    }
    return u;
  });
  report.kind = update?.kind ?? "none";
  return { update, report };
}
