// The launcher (bin/load-bundle.js V8_TUNING) tunes V8 for a build of a second or two: functions are
// optimised later, and inline less. A large workbook's build runs long enough for V8's own settings to
// win (at 100,000 rows 8.6 s against 8.9 s tuned; even at 50,000): they are put back for it, before
// any of its work starts.
import { statSync } from "fs";
import { setFlagsFromString } from "v8";

/** Inputs from this size (the file, compressed) are built with V8's own settings: about 60,000 rows. */
export const UNTUNED_FROM_BYTES = 6 * 1024 * 1024;

/** V8's own values of the flags V8_TUNING sets, in the V8 it is set on (Node 20's 11.3). */
const V8_DEFAULTS = ["--interrupt-budget=67584", "--max-inlined-bytecode-size-cumulative=920"];

/** Set by the launcher (bin/load-bundle.js tuneV8): true when it tuned V8 (not under RAG_SCORECARD_V8, nor on another V8). */
const TUNED = Symbol.for("rag-scorecard.v8-tuned");

/** Puts V8's settings back for a large input, where the launcher tuned them. */
export function settingsForInput(input: string): void {
  if ((globalThis as Record<symbol, unknown>)[TUNED] !== true) return;
  let size: number;
  try {
    size = statSync(input).size;
  } catch {
    return; // the read reports it
  }
  if (size >= UNTUNED_FROM_BYTES) for (const flag of V8_DEFAULTS) setFlagsFromString(flag);
}
