// Fits the live listener of src/excel/live to the runtime's LivePort. `run` is the runtime's queued
// Excel.run (each batch a "live" job); removing the handlers at stop runs in the request context they were
// added in (Excel.run(context, …)), which the listener does itself.
import { resyncLive, startLive, stopLive } from "../excel/live";
import type { LivePort } from "./live-port";

export function excelLivePort(): LivePort {
  return {
    start: (run, settings, hooks) => startLive(run, settings, hooks),
    stop: () => stopLive(),
    resync: () => resyncLive(),
  };
}
