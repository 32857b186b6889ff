// The add-in's runtime: the one queue, the one state, and live colours switched on and off. Made once per
// page (src/commands/commands.ts); the ribbon's functions and the pane both use it, so whichever starts
// the page, both see the same state and their Excel work never overlaps.
import type { LiveUpdate } from "../engine/live/types";
import type { Problem, RecordKind } from "../engine/vocab/types";
import type { ExcelRun } from "../excel/api";
import { errorMessage } from "../taskpane/components/settings";
import type { LivePort } from "./live-port";
import type { AddinHost } from "./office-addin";
import { canUpdateRibbon, setStartupForLive, showLiveButtons } from "./office-addin";
import type { JobKind, WorkQueue } from "./queue";
import { createWorkQueue, queuedRun } from "./queue";
import type { Store } from "./store";
import { createStore } from "./store";
import type { LiveSwitches } from "./switches";
import { readSwitches, saveSwitch } from "./switches";

export type LivePhase = "unknown" | "off" | "starting" | "on" | "stopping";

export interface RuntimeView {
  live: LivePhase;
  ratingHelp: boolean;
  /** Why live colours stopped or could not start, in one sentence. */
  liveError?: string;
  /** What this Excel cannot do for live colours (no startup loading), in one sentence. */
  liveNote?: string;
  /** Counts and problems from the latest burst of edits; cleared when a command rewrites the workbook. */
  counts?: Record<RecordKind, Record<string, number>>;
  problems?: Problem[];
  /** Problems the edits raised that were not there before (still present), newest burst first. */
  newProblems: Problem[];
  /** Records re-rated by the latest burst ("Sheet!row"). */
  rerated: string[];
  /** Bursts handled since live colours came on. */
  bursts: number;
  /** The Excel work running now, if any. */
  work?: { kind: JobKind; label: string };
  /** Bumped whenever a command has rewritten the workbook, so the pane reads it again. */
  revision: number;
  /** Who ran the command behind the latest revision: the pane already has fresh state from its own. */
  revisedBy?: CommandSource;
}

export interface RuntimeOptions {
  run: ExcelRun;
  live: LivePort;
  office: () => AddinHost;
  today: () => string;
  /** Defaults read and write the Scorecard Rules sheet (switches.ts). */
  readSwitches?: (run: ExcelRun) => Promise<LiveSwitches>;
  saveSwitch?: (run: ExcelRun, change: Partial<LiveSwitches>, today: string) => Promise<void>;
}

export interface AddinRuntime {
  readonly queue: WorkQueue;
  readonly store: Store<RuntimeView>;
  /** Reads the saved switches once and starts live colours if they are on. Safe to call again. */
  start(): Promise<void>;
  /** Turns live colours on or off, saves the choice in the workbook; resolves with one sentence. */
  setLiveColours(on: boolean): Promise<string>;
  setRatingHelp(on: boolean): Promise<string>;
  /** A user's command, run as one job: nothing else touches Excel meanwhile; live colours follow it. */
  command<T>(label: string, job: (run: ExcelRun) => Promise<T>, options?: CommandOptions): Promise<T>;
  /** Read-only work (the pane's detect), queued behind commands. */
  read<T>(label: string, job: (run: ExcelRun) => Promise<T>): Promise<T>;
  /** Problems a full run found: the baseline a live burst's new problems are told from. */
  noteProblems(problems: Problem[]): void;
}

/** What a command did, for live colours: rewrote the workbook (re-read it) or removed our colours (stop). */
export type CommandEffect = "rewrote" | "removed" | "none";
export type CommandSource = "pane" | "ribbon";

export interface CommandOptions {
  /** Default "rewrote". */
  effect?: CommandEffect;
  /** Default "ribbon". */
  from?: CommandSource;
}

/**
 * A problem as the notice of new ones tells it apart: its place and severity, not its words. A problem whose
 * reason moves with the figures (an exception with no commentary: "43 against a target of 100…") is not new
 * each time the figure is typed again (helper-128).
 */
const place = (p: Problem) => `${p.sheet}\u0000${p.cell}\u0000${p.severity}`;

/** Each problem with its key: its place and severity, and how many before it in the list share them (two at one cell are two). */
function keyed(problems: readonly Problem[]): [string, Problem][] {
  const seen = new Map<string, number>();
  return problems.map((p) => {
    const at = place(p);
    const n = seen.get(at) ?? 0;
    seen.set(at, n + 1);
    return [`${at}\u0000${n}`, p];
  });
}

export const LIVE_REMOVED_NOTE = "Live colours are now off, so typing does not colour the cells again. Turn them back on when you want them.";

export function createAddinRuntime(options: RuntimeOptions): AddinRuntime {
  const { run, live } = options;
  const read = options.readSwitches ?? readSwitches;
  const save = options.saveSwitch ?? saveSwitch;
  const queue = createWorkQueue();
  const store = createStore<RuntimeView>({ live: "unknown", ratingHelp: false, newProblems: [], rerated: [], bursts: 0, revision: 0 });
  queue.subscribe((s) => store.set({ work: s.running }));
  let baseline: Problem[] | undefined;
  // The key each listed problem had in its burst's list, so a new one still there is found in the next.
  const keys = new WeakMap<Problem, string>();
  let started: Promise<void> | undefined;
  // Switching is serialised too: a second click waits for the first to finish.
  let switching: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = switching.then(work, work);
    switching = next.catch(() => undefined);
    return next;
  };
  const liveRun = queuedRun(queue, run, "live", "Live colours");

  const onUpdate = (update: LiveUpdate) => {
    if (update.kind !== "records") {
      store.set((s) => ({ bursts: s.bursts + 1, rerated: [] }));
      return;
    }
    const before = new Set(keyed(baseline ?? update.problems).map(([k]) => k));
    const current = keyed(update.problems);
    const now = new Map(current);
    for (const [k, p] of current) keys.set(p, k);
    const raised = current.filter(([k]) => !before.has(k)).map(([, p]) => p);
    baseline = update.problems;
    store.set((s) => ({
      counts: update.counts,
      problems: update.problems,
      // A new problem still there is listed in its current words.
      newProblems: [...raised, ...s.newProblems.flatMap((p) => {
        const k = keys.get(p);
        const still = k === undefined ? undefined : now.get(k);
        return still && !raised.includes(still) ? [still] : [];
      })],
      rerated: update.rerated,
      bursts: s.bursts + 1,
      liveError: undefined,
    }));
  };
  const hooks = {
    onUpdate,
    onError: (message: string) => store.set({ liveError: message }),
    commandPending: () => queue.commandPending(),
  };

  /** Starts listening and brings the startup behaviour and ribbon in line. Throws one sentence. */
  const startLive = async (ratingHelp: boolean) => {
    store.set({ live: "starting", liveError: undefined });
    try {
      await live.start(liveRun, { today: options.today(), ratingHelp }, hooks);
    } catch (e) {
      store.set({ live: "off", liveError: `Live colours could not start: ${errorMessage(e)}` });
      await showLiveButtons(options.office(), false);
      throw e;
    }
    const note = await setStartupForLive(options.office(), true);
    await showLiveButtons(options.office(), true);
    store.set({ live: "on", liveNote: note, bursts: 0, newProblems: [], rerated: [] });
  };

  const stopLive = async () => {
    store.set({ live: "stopping" });
    try {
      await live.stop();
    } catch (e) {
      // The listener stops acting before it removes its handlers; a failed removal leaves nothing running.
      console.error("RAG Scorecard: live colours did not stop cleanly", e);
    } finally {
      await setStartupForLive(options.office(), false);
      await showLiveButtons(options.office(), false);
      store.set({ live: "off", liveNote: undefined, counts: undefined, problems: undefined, newProblems: [], rerated: [] });
    }
  };

  const runtime: AddinRuntime = {
    queue,
    store,
    start() {
      started ??= serial(async () => {
        let switches: LiveSwitches;
        try {
          switches = await queue.enqueue("read", "Reading the live colour settings", () => read(run));
        } catch (e) {
          store.set({ live: "off", liveError: `Could not read the Scorecard Rules sheet: ${errorMessage(e)}` });
          return;
        }
        store.set({ ratingHelp: switches.ratingHelp });
        if (switches.liveColours) {
          await startLive(switches.ratingHelp).catch(() => undefined);
        } else {
          store.set({ live: "off" });
          // The workbook may still load us at startup from before the setting was turned off on the sheet.
          await setStartupForLive(options.office(), false);
          await showLiveButtons(options.office(), false);
        }
      });
      return started;
    },

    async setLiveColours(on) {
      await runtime.start(); // outside serial(): start() queues there too
      return serial(async () => {
        const phase = store.get().live;
        if (on && phase === "on") return "Live colours are already on.";
        if (!on && phase === "off") {
          await showLiveButtons(options.office(), false);
          return "Live colours are already off.";
        }
        if (on) {
          await queue.enqueue("command", "Saving Keep colours up to date", () => save(run, { liveColours: true }, options.today()));
          try {
            await startLive(store.get().ratingHelp);
          } catch (e) {
            // Not left on in the workbook when it cannot run here.
            await queue.enqueue("command", "Saving Keep colours up to date", () => save(run, { liveColours: false }, options.today())).catch(() => undefined);
            throw new Error(`Live colours could not start: ${errorMessage(e)}`);
          }
          return "Live colours are on: a status is re-rated and recoloured as soon as someone changes its row.";
        }
        await stopLive();
        await queue.enqueue("command", "Saving Keep colours up to date", () => save(run, { liveColours: false }, options.today()));
        return "Live colours are off. The colours stay as they are until you apply them again.";
      });
    },

    async setRatingHelp(on) {
      await runtime.start();
      return serial(async () => {
        await queue.enqueue("command", "Saving Help officers type ratings", () => save(run, { ratingHelp: on }, options.today()));
        store.set({ ratingHelp: on });
        if (store.get().live === "on") {
          // Live colours put the lists in place as they go: start them again with the new choice.
          try {
            await live.stop();
          } catch (e) {
            // Excel would not remove the handlers (a cell being typed in, where Excel cannot wait): the
            // listener does nothing now and the pane says so; the next start removes them first.
            await stopLive();
            throw new Error(`Your choice is saved, but live colours stopped: ${errorMessage(e)}`);
          }
          await startLive(on);
        }
        return on
          ? "Rating columns get a drop-down list of the scheme's statuses when colours are next applied. Officers can still type anything."
          : "Rating columns get no drop-down list when colours are next applied.";
      });
    },

    async command(label, job, { effect: after = "rewrote", from = "ribbon" } = {}) {
      const result = await queue.enqueue("command", label, () => job(run));
      baseline = undefined;
      store.set((s) => ({ revision: s.revision + 1, revisedBy: from, counts: undefined, problems: undefined, newProblems: [], rerated: [] }));
      if (store.get().live === "on" && after === "removed") {
        // Typing would otherwise colour again the cells whose formats were just put back.
        await runtime.setLiveColours(false).catch((e) => store.set({ liveError: errorMessage(e) }));
      } else if (store.get().live === "on" && after === "rewrote") {
        await (live.resync ? live.resync() : live.stop().then(() => startLive(store.get().ratingHelp))).catch((e) =>
          store.set({ liveError: `Live colours stopped: ${errorMessage(e)}` }),
        );
      }
      return result;
    },

    read: (label, job) => queue.enqueue("read", label, () => job(run)),

    noteProblems(problems) {
      baseline = problems;
    },
  };
  return runtime;
}

/** True where the ribbon shows which of the two live buttons applies (so a click needs no message). */
export const ribbonShowsLiveState = (host: AddinHost) => canUpdateRibbon(host);
