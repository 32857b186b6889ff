// Live colours (issue 13 item 2): while on, officers' edits re-rate the records they touch and recolour
// them. What is acted on:
// - LOCAL changes only are written for. In co-authoring our own writes reach the other person's Excel as
//   remote changes: acting on them would make the two clients re-rate each other in a loop (and their add-in
//   rates their own edits). Remote changes are only followed: read into the engine's grid, nothing written
//   (`follow`), so a later local edit in the same row is rated with the co-author's figure. Where ExcelApi 1.14 gives triggerSource, changes this add-in made are dropped; everywhere,
//   changes while a command (or a rescan) runs are dropped, and so are changes to our own column (the
//   record's `values`) and to sheets outside the tracker zones (our record sheet, summaries, rules sheet:
//   settings changed there take effect at the next Apply colours, so no command's write can start a rescan).
//   Colouring raises no onChanged. It may raise onFormatChanged, which is heard for number formats set on
//   figures (formatChanged): the cells we colour are left out of it, and the engine passes over cells whose
//   value and number format it already has, so a recolour cannot start another.
// - Bursts: events are gathered for `debounceMs` after the last one (a paste of 500 rows is one event,
//   typing down a column a few), their cells united, then handled in at most 2 requests (edit.ts).
// - Rows or columns inserted or deleted, and tracker sheets renamed or deleted: the record is moved to
//   match (record.ts), then the whole workbook is re-rated by Apply colours and the session read again.
// - Undo: an officer's Ctrl+Z of their edit raises onChanged (local) with the restored value, which
//   re-rates like any edit; undoing our recolour restores our colours and our column, which raise nothing
//   we act on, so nothing fights the officer's Undo (docs/manual-test.md, "Live colours").
import type { LiveSession } from "../../engine/live";
import { applyEdits, startLive } from "../../engine/live";
import type { LiveUpdate } from "../../engine/live/types";
import type { CellRange, SheetGrid } from "../../engine/vocab/types";
import type { ExcelRun } from "../api";
import { Batcher, DEFAULT_BUDGET } from "../chunk";
import { findSheet } from "../facts";
import { applyColoursCommand } from "../commands";
import { runAs } from "../run-options";
import type { SheetMemory } from "../saved";
import { writtenCells } from "../saved";
import type { StatePlace } from "../state";
import { parseAddressList } from "../a1";
import type { CellSet } from "../cells";
import type { RunInContext, XlAddedEventArgs, XlChangedEventArgs, XlDeletedEventArgs, XlFormatChangedEventArgs, XlNameChangedEventArgs } from "./api";
import type { Burst } from "./burst";
import { addCells, addStructure, emptyBurst, isEmpty, type TrackerZone } from "./burst";
import type { BurstReport, LiveEngine } from "./rate";
import { rateBurst } from "./rate";
import type { Registration } from "./listen";
import { ownChange, register, shiftsVertically, unregister } from "./listen";
import { applyRatingHelp, helpTargets, queueHelpRemoval } from "./rating-help";
import { moveRecord, readForLive } from "./reload";

export type { BurstReport, LiveEngine } from "./rate";

export const ENGINE: LiveEngine<LiveSession> = { startLive, applyEdits };

export interface LiveSettings {
  /** Today's ISO date: the engine reads no clock. */
  today: string;
  /** A drop-down list of the scheme's statuses on the officers' rating column (off by default). */
  ratingHelp: boolean;
  /** Quiet time that ends a burst (default 300 ms). */
  debounceMs?: number;
}

export interface LiveHooks {
  /** Each burst handled (a rescan included): counts and problems for the pane. */
  onUpdate(update: LiveUpdate): void;
  /** A burst that could not be handled: one sentence for the user. */
  onError(message: string): void;
  /** True while a command runs or waits: changes seen then are the command's own writes. */
  commandPending(): boolean;
}

interface Zone extends TrackerZone {
  name: string;
}

interface Loaded<S> {
  session: S;
  place: StatePlace;
  /** The workbook counts dates from 1904 (facts.ts): an edited date is moved to the engine's count. */
  date1904: boolean;
  /** Tracker sheets by worksheet id: the cells where an edit can matter (the grid read, one row and column more). */
  zones: Map<string, Zone>;
  /** Our own column's cells by sheet (Remove colours clears them): changes there are our writes or their Undo. */
  own: Map<string, CellSet>;
  /** Cells we colour by sheet (the record's backups, and those live colours colour since): their format changes are ours. */
  coloured: Map<string, CellSet>;
}

function zoneOf(grid: SheetGrid): CellRange {
  const o = grid.origin ?? { row: 0, col: 0 };
  const width = grid.values.reduce((n, r) => Math.max(n, r.length), 0);
  return { top: 0, left: 0, bottom: o.row + grid.values.length, right: o.col + width };
}

/** Whether every cell of `r` is in one of the sets. */
function covered(r: CellRange, ...sets: (CellSet | undefined)[]): boolean {
  const present = sets.filter((s): s is CellSet => s !== undefined);
  if (!present.length) return false;
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (!present.some((s) => s.has(row, col))) return false;
  return true;
}

export class LiveColours<S = LiveSession> {
  private loaded?: Loaded<S>;
  private reg?: Registration;
  private burst: Burst = emptyBurst();
  /** A co-author's changes (remote), followed but never written for. */
  private remote: Burst = emptyBurst();
  private timer?: ReturnType<typeof setTimeout>;
  private chain: Promise<void> = Promise.resolve();
  /** Above zero while our own command or live write runs: changes then are ours. */
  private own = 0;
  /** An officer's edit arrived while changes were ignored (ExcelApi 1.14): the next re-read rescans. */
  private missed = false;
  /** Set by stop(): nothing is acted on again, even while Excel still has the handlers. */
  private stopped = false;
  /** The last burst handled. */
  last?: BurstReport;
  bursts = 0;
  /** Co-authors' bursts followed. */
  remoteBursts = 0;

  constructor(
    private readonly run: ExcelRun,
    private readonly runIn: RunInContext,
    private readonly settings: LiveSettings,
    private readonly hooks: LiveHooks,
    private readonly engine: LiveEngine<S> = ENGINE as unknown as LiveEngine<S>,
  ) {}

  get listening(): boolean {
    return this.reg !== undefined && !this.stopped;
  }

  /** Read the workbook, start the engine, put rating help on if asked, then listen. */
  async start(): Promise<void> {
    await this.load();
    // Trackers never coloured (no saved formats for any of them): keeping colours up to date starts with
    // colouring them, so our column exists and every later edit recolours a workbook Apply colours made.
    if (this.loaded && [...this.loaded.zones.values()].some((z) => !this.loaded!.own.has(z.name))) await this.rescan({ kind: "rescan", reason: "structure" });
    this.reg = await register(this.run, { changed: this.changed, formatChanged: this.formatChanged, added: this.added, deleted: this.deleted, renamed: this.renamed });
  }

  /** Stop listening (pending edits are dropped); resolves once the handlers are removed. */
  async stop(): Promise<void> {
    // First: a re-read queued before the chain settles must not load the workbook again (helper-91).
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.burst = emptyBurst();
    this.remote = emptyBurst();
    await this.chain.catch(() => undefined);
    this.loaded = undefined;
    // Kept until Excel has removed the handlers, so that a removal it refused can be tried again.
    if (this.reg) await unregister(this.runIn, this.reg);
    this.reg = undefined;
  }

  /** Re-read the workbook after a command rewrote it. */
  async resync(): Promise<void> {
    await this.queue(async () => {
      await this.load();
      await this.catchUp();
    });
  }

  /**
   * Edits typed while a command or a rescan wrote: the session read afterwards holds their values, but
   * the colours written were worked out without them. A full Apply colours puts them right (again
   * while an officer keeps typing through it; it settles when they stop).
   */
  private async catchUp(): Promise<void> {
    for (let round = 0; this.missed && this.loaded && round < 3; round++) {
      this.missed = false;
      await this.rescan({ kind: "rescan", reason: "structure" }, false);
    }
  }

  /** Resolves when no burst is waiting or running. */
  async idle(): Promise<void> {
    for (;;) {
      const chain = this.chain;
      await chain.catch(() => undefined);
      if (!this.timer && chain === this.chain) return;
      if (this.timer) await new Promise((r) => setTimeout(r, (this.settings.debounceMs ?? 300) + 1));
    }
  }

  private queue(work: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(work, work);
    return this.chain;
  }

  private async load(): Promise<void> {
    if (this.stopped) return;
    this.own++;
    try {
      const read = await readForLive(this.run);
      if (this.stopped) return;
      const { session, run } = this.engine.startLive(read.grids, { today: this.settings.today, ownedSheets: read.owned.map((o) => o.sheet), written: writtenCells(read.saved) });
      const zones = new Map<string, Zone>();
      for (const t of run.result.tables) {
        const grid = read.grids.find((g) => g.name === t.sheet);
        const id = read.ids.get(t.sheet);
        if (grid && id) zones.set(id, { name: t.sheet, rect: zoneOf(grid), firstCol: grid.origin?.col ?? 0 });
      }
      const own = new Map(Object.entries(read.saved).map(([sheet, mem]: [string, SheetMemory]) => [sheet, mem.values]));
      const coloured = new Map(Object.entries(read.saved).map(([sheet, mem]: [string, SheetMemory]) => [sheet, mem.backed]));
      const place = read.place;
      this.loaded = { session, place, date1904: read.facts.date1904, zones, own, coloured };
      // Excel refuses validation on a protected sheet (AccessDenied), and live colours would not start at all:
      // a protected tracker gets no list, as Apply colours leaves its formats alone.
      const open = (sheet: string): boolean => findSheet(read.facts, sheet)?.protected !== true;
      const targets = this.settings.ratingHelp ? helpTargets(run).filter((t) => open(t.sheet)) : [];
      if (targets.length) {
        await runAs(this.run, "apply", (context) => applyRatingHelp(context, place, targets));
        place.exists = true;
      } else if (!this.settings.ratingHelp && Object.keys(read.help).some(open)) {
        // The setting was turned off: our lists come off (read with the workbook, so this costs one request);
        // on a protected sheet they stay listed, to come off once it is unprotected.
        await runAs(this.run, "apply", async (context) => {
          const writes = new Batcher(context, DEFAULT_BUDGET);
          await queueHelpRemoval(writes, context, read.facts, place.name, read.help, (sheet) => !open(sheet));
          await writes.flush();
        });
      }
    } finally {
      this.own--;
    }
  }

  /**
   * While a command, a rescan or a re-read runs, changes are the add-in's own (Apply colours writes more
   * than our column): dropped. While a burst's own write runs they are not: that write changes only our
   * column (dropped as ours) and formats (no event), so anything else arriving is an officer's next edit.
   */
  private ignoring(): boolean {
    return this.own > 0 || this.hooks.commandPending() || !this.loaded || this.stopped;
  }

  private changed = async (args: XlChangedEventArgs): Promise<void> => {
    if (ownChange(args, this.run.isSetSupported)) return;
    if (this.ignoring()) {
      // An officer typing while a command or a rescan runs: the colours it writes were worked out before
      // the edit. Only where ExcelApi 1.14 tells our writes apart can the edit be known for the officer's.
      if (args.source === "Local" && this.run.isSetSupported?.("ExcelApi", "1.14") === true) this.missed = true;
      return;
    }
    const zone = this.loaded!.zones.get(args.worksheetId);
    if (!zone) return;
    // A co-author's change is gathered apart: it is read into the engine's grid but never written for.
    const burst = args.source === "Local" ? this.burst : this.remote;
    if (args.changeType === "RangeEdited" || args.changeType === "Unknown") {
      // Cells cleared or filled (Ctrl+Enter) across a Ctrl-selection are one change named as a list, "B2,D4:D6",
      // as VBA's Target is one multi-area range. An address we cannot read re-reads the whole tracker.
      const areas = parseAddressList(args.address);
      if (!areas) burst.rescan = true;
      const own = this.loaded!.own.get(zone.name);
      // Top first, then left: each area typed at the foot or edge grows the zone for the next one past it.
      const edited = (areas ?? []).filter((r) => !covered(r, own)).sort((a, b) => a.top - b.top || a.left - b.left);
      if (areas && edited.length === 0) return;
      for (const r of edited) {
        addCells(burst, zone.name, r, zone);
        // A row typed at the foot grows the tracker: the zone takes in the row and column after it too,
        // so the next record typed below is seen as well.
        if (r.top <= zone.rect.bottom && r.left <= zone.rect.right) {
          zone.rect.bottom = Math.max(zone.rect.bottom, Math.min(r.bottom, zone.rect.bottom) + 1);
          zone.rect.right = Math.max(zone.rect.right, Math.min(r.right, zone.rect.right) + 1);
        }
      }
    } else {
      addStructure(burst, zone.name, args.address, args.changeType, shiftsVertically(args, this.run.isSetSupported));
    }
    burst.events++;
    this.schedule();
  };

  /**
   * Formats set on a tracker's cells. Only a number format matters ("0.95" shown as 95% reads as a
   * percentage, a serial shown as a date as a due date), and Excel raises no onChanged for it; the event does
   * not say which property changed, nor whether we set it. Cells we colour are left out, the rest are read
   * like edited cells, and the engine passes over those whose value and number format it already has: a
   * fill, a font, or our own colours cost at most one read and write nothing.
   */
  private formatChanged = async (args: XlFormatChangedEventArgs): Promise<void> => {
    // Our commands write formats: none of them is an officer's, nor can one be told apart (no triggerSource).
    if (this.ignoring()) return;
    const zone = this.loaded!.zones.get(args.worksheetId);
    if (!zone) return;
    const areas = parseAddressList(args.address);
    if (!areas) return;
    const edited = areas.filter((r) => !covered(r, this.loaded!.own.get(zone.name), this.loaded!.coloured.get(zone.name)));
    if (!edited.length) return;
    const burst = args.source === "Local" ? this.burst : this.remote;
    for (const r of edited) addCells(burst, zone.name, r, zone);
    if (!burst.cells.has(zone.name)) return;
    burst.events++;
    this.schedule();
  };

  private added = async (args: XlAddedEventArgs): Promise<void> => {
    // A new sheet holds no tracker yet: Apply colours (or turning live colours off and on) takes it in.
    void args;
  };

  private deleted = async (args: XlDeletedEventArgs): Promise<void> => {
    if (this.ignoring() || !this.loaded!.zones.has(args.worksheetId)) return;
    (args.source === "Local" ? this.burst : this.remote).deleted.push(this.loaded!.zones.get(args.worksheetId)!.name);
    this.schedule();
  };

  private renamed = async (args: XlNameChangedEventArgs): Promise<void> => {
    // Registered only where ExcelApi 1.17 is (listen.ts); said again here, where its arguments are read.
    if (this.run.isSetSupported?.("ExcelApi", "1.17") !== true) return;
    const zone = this.loaded?.zones.get(args.worksheetId);
    if (!zone) return;
    // Renamed by anyone, our map must follow; only a local rename moves our record (the other client moves its own).
    zone.name = args.nameAfter;
    if (args.source !== "Local" || this.ignoring()) return;
    this.burst.renamed.push({ from: args.nameBefore, to: args.nameAfter });
    this.schedule();
  };

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const [burst, remote] = [this.burst, this.remote];
      this.burst = emptyBurst();
      this.remote = emptyBurst();
      // A co-author's changes first, so the engine's grid is current before the officer's edits are rated.
      if (!isEmpty(remote)) void this.queue(() => this.follow(remote));
      if (!isEmpty(burst)) void this.queue(() => this.handle(burst));
    }, this.settings.debounceMs ?? 300);
  }

  private async handle(burst: Burst): Promise<void> {
    if (!this.loaded) return;
    try {
      if (burst.shifts.length || burst.renamed.length || burst.deleted.length || burst.rescan) {
        await this.restructure(burst);
        return;
      }
      await this.rate(burst);
    } catch (e) {
      this.hooks.onError(`Live colours could not update the colours: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * A co-author's burst: their add-in rates and colours it (its writes reach us as remote changes), so we
   * write nothing, or the two clients would re-rate each other in a loop. We only keep the engine's grid
   * current (one request), or a later local edit in the same row would be rated with the old figure; a
   * structural change is read again from scratch. Counts and problems still reach the pane.
   */
  private async follow(burst: Burst): Promise<void> {
    if (!this.loaded) return;
    const loaded = this.loaded;
    try {
      this.remoteBursts++;
      if (burst.shifts.length || burst.deleted.length || burst.rescan) return await this.load();
      const { update: u } = await rateBurst(this.run, this.engine, loaded, burst, false);
      if (!u) return;
      if (u.kind === "rescan") await this.load();
      else if (u.kind === "records") this.hooks.onUpdate({ ...u, plans: [], coloured: [] });
    } catch (e) {
      this.hooks.onError(`Live colours could not follow a co-author's change: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Request 1 (read), the engine, request 2 (write): edit.ts. */
  private async rate(burst: Burst): Promise<void> {
    // Cells typed since this burst was gathered are the next burst's, read and written by it.
    const pending = (sheet: string, row: number, col: number): boolean => this.burst.cells.get(sheet)?.has(row, col) ?? false;
    const { update, report } = await rateBurst(this.run, this.engine, this.loaded!, burst, true, pending);
    this.last = report;
    this.bursts++;
    if (!update) return;
    if (update.kind === "rescan") await this.rescan(update);
    else this.hooks.onUpdate(update);
  }

  /** Move the record with inserted or deleted rows and columns and renamed sheets, then re-rate everything. */
  private async restructure(burst: Burst): Promise<void> {
    await moveRecord(this.run, this.loaded!.place, burst);
    await this.rescan({ kind: "rescan", reason: "structure" });
  }

  /** A full Apply colours (the workbook's own settings), then the session read again. */
  private async rescan(update: Extract<LiveUpdate, { kind: "rescan" }>, catchUp = true): Promise<void> {
    this.own++;
    try {
      await applyColoursCommand(this.run, {}, this.settings.today);
      await this.load();
    } finally {
      this.own--;
    }
    this.hooks.onUpdate(update);
    if (catchUp) await this.catchUp();
  }
}
