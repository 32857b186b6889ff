// Fits the live listener of src/excel/live to the runtime's LivePort.
import type { LivePort } from "./live-port";

export const LIVE_UNAVAILABLE = "Live colours are not available in this build of RAG Scorecard.";

export function excelLivePort(): LivePort {
  return {
    start: () => Promise.reject(new Error(LIVE_UNAVAILABLE)),
    stop: () => Promise.resolve(),
  };
}
