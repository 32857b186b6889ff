// What the runtime needs of the live listener (src/excel/live): start it with a `run` whose batches go
// through the add-in's one queue, stop it. Kept narrow so the runtime and its tests do not depend on how
// the listener is built; src/runtime/live-adapter.ts fits the real one to it.
import type { LiveUpdate } from "../engine/live/types";
import type { ExcelRun } from "../excel/api";

export interface LiveSettings {
  /** Today's ISO date: the engine reads no clock. */
  today: string;
  /** Put a drop-down list of the scheme's statuses on the officers' rating column (off by default). */
  ratingHelp: boolean;
}

export interface LiveHooks {
  /** Each burst of edits, once handled (a rescan included). */
  onUpdate(update: LiveUpdate): void;
  /** A burst that could not be handled: one sentence for the user. */
  onError(message: string): void;
  /** True while a command runs or waits: changes seen then are the command's own writes. */
  commandPending(): boolean;
}

export interface LivePort {
  /** Starts listening (reads what it needs through `run`); resolves once listening. */
  start(run: ExcelRun, settings: LiveSettings, hooks: LiveHooks): Promise<void>;
  /** Stops listening; resolves once every handler is removed. */
  stop(): Promise<void>;
  /** Re-reads the workbook after a command rewrote it; without it the runtime stops and starts again. */
  resync?(): Promise<void>;
}
