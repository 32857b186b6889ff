// A full garbage collection between the engine and the writer, for very large runs only. At 100,000
// records the engine leaves about 250 MB of garbage that V8 would otherwise collect only part-way
// through writing, on top of the writer's own buffers: the peak was the sum of both (600-700 MB).
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";

/** Records above which the run is worth a full collection (a few hundred ms) before writing. */
export const COLLECT_ABOVE_RECORDS = 50_000;

let gc: (() => void) | null | undefined;

/** Runs V8's full collection now; does nothing where this Node cannot expose it. */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      // The flag makes `gc` a global of contexts made after it is set.
      setFlagsFromString("--expose-gc");
      const found: unknown = runInNewContext("typeof gc === 'function' ? gc : null");
      gc = typeof found === "function" ? (found as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
