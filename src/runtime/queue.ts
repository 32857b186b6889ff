// One queue of Excel work for the whole add-in. In a shared runtime the pane, the ribbon buttons and the
// live listener run in one page, and two Excel.run batches interleaving would write over each other (a
// ribbon Apply colours halfway through while a live recolour saves formats it is about to change). So
// every piece of Excel work is a job here, run one at a time in the order asked for.
//   command  a user's action (ribbon or pane): Apply colours, Build summary, Remove colours, save a setting
//   read     a read with no writes (the pane's detect)
//   live     a live recolour; while a command runs or waits, live jobs wait behind it
// Jobs run in the order asked for, except that a waiting command goes before waiting reads and live jobs.
import type { ExcelRun, XlRequestContext, XlRunOptions } from "../excel/api";

export type JobKind = "command" | "read" | "live";

export interface QueueState {
  /** The job running now, if any. */
  running?: { kind: JobKind; label: string };
  /** Jobs waiting behind it. */
  waiting: number;
}

export interface WorkQueue {
  /** Runs `job` once every job asked for before it has finished; resolves or rejects as the job does. */
  enqueue<T>(kind: JobKind, label: string, job: () => Promise<T>): Promise<T>;
  /** True while a command runs or waits: the live listener treats changes it sees then as ours. */
  commandPending(): boolean;
  state(): QueueState;
  /** Called whenever a job starts or finishes. Returns the unsubscribe. */
  subscribe(listener: (state: QueueState) => void): () => void;
}

interface Entry {
  kind: JobKind;
  label: string;
  start: () => void;
}

export function createWorkQueue(): WorkQueue {
  const waiting: Entry[] = [];
  let running: { kind: JobKind; label: string } | undefined;
  const listeners = new Set<(state: QueueState) => void>();
  const snapshot = (): QueueState => ({ running, waiting: waiting.length });
  const notify = () => listeners.forEach((l) => l(snapshot()));

  const next = () => {
    if (running) return;
    // A command asked for while reads or live jobs wait goes first: the user's click must not queue behind
    // typing, or behind the hidden pane's first read of a large workbook when a click started the runtime.
    const at = waiting.findIndex((e) => e.kind === "command");
    const entry = waiting.splice(at >= 0 ? at : 0, 1)[0];
    if (!entry) {
      notify();
      return;
    }
    running = { kind: entry.kind, label: entry.label };
    notify();
    entry.start();
  };

  return {
    enqueue<T>(kind: JobKind, label: string, job: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push({
          kind,
          label,
          start: () => {
            let settled: Promise<T>;
            try {
              settled = job();
            } catch (e) {
              settled = Promise.reject(e);
            }
            settled.then(resolve, reject).finally(() => {
              running = undefined;
              next();
            });
          },
        });
        next();
      });
    },
    commandPending: () => running?.kind === "command" || waiting.some((e) => e.kind === "command"),
    state: snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * `run` with each Excel.run batch made one job of `kind`. For work that is only Excel batches (the live
 * listener's); a command that makes several batches is enqueued whole instead, so nothing runs between them.
 * Never use it inside a job of the same queue: the batch would wait for the job that waits for it.
 */
export function queuedRun(queue: WorkQueue, run: ExcelRun, kind: JobKind, label: string = kind): ExcelRun {
  function queued<T>(a: XlRunOptions | ((context: XlRequestContext) => Promise<T>), b?: (context: XlRequestContext) => Promise<T>): Promise<T> {
    return queue.enqueue(kind, label, () => (typeof a === "function" ? run(a) : run(a, b!)));
  }
  return Object.assign(queued, { isSetSupported: run.isSetSupported });
}
