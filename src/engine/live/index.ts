// Live colours (issue 13): the incremental engine. startLive runs the scorecard once and keeps what
// re-rating needs; applyEdits takes the host's changed cells and returns the writes for those rows only.
export { startLive, refreshLive, liveRated, type LiveSession } from "./session";
export { applyEdits } from "./edits";
export type { CellEdit, LiveUpdate, StructureChange } from "./types";
