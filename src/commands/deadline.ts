// One deadline per ribbon click. Microsoft's "Add-in commands" page: a function command's runtime
// closes when the function completes or five minutes have passed, whichever is earlier. Everything a
// command does (waiting for Office, the Excel work, the message dialog) counts against one clock
// started at the click, and we finish a little early so event.completed() still reaches Office.

export const COMMAND_LIFETIME_MS = 5 * 60 * 1000;
/** Finish this long before Office would close the runtime. */
export const COMMAND_MARGIN_MS = 15 * 1000;

/** A click dispatched this soon after Office became ready is taken to be one Office held back until then. */
export const HELD_CLICK_WINDOW_MS = 1000;

/**
 * Milliseconds left for a command dispatched now. Desktop Excel holds a click until the page is ready,
 * and its five minutes run from the click: a click dispatched as Office becomes ready may have waited
 * since the page began loading (Office loads the page for it), so it counts from then; a later click
 * counts from now. Times are performance.now() values (milliseconds since the page began loading).
 */
export function timeLeftForClick(now: number, readyAt: number | undefined, lifetime = COMMAND_LIFETIME_MS - COMMAND_MARGIN_MS): number {
  const heldBack = readyAt === undefined || now - readyAt < HELD_CLICK_WINDOW_MS;
  return heldBack ? lifetime - now : lifetime;
}

export type Raced<T> = { done: true; value: T } | { done: false };

export interface Deadline {
  /** Resolves when the time is up (never rejects). */
  readonly expired: Promise<void>;
  isExpired(): boolean;
  /** The work's value, or `{ done: false }` when the deadline comes first. A rejection passes through. */
  race<T>(work: Promise<T>): Promise<Raced<T>>;
  /** Stops the timer once the command has finished. */
  clear(): void;
}

/** Uses setTimeout only, so a test's clock (or the stub loader's) controls it. */
export function startDeadline(ms: number = COMMAND_LIFETIME_MS - COMMAND_MARGIN_MS): Deadline {
  let over = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      over = true;
      resolve();
    }, ms);
  });
  return {
    expired,
    isExpired: () => over,
    race: <T>(work: Promise<T>) =>
      Promise.race([work.then((value): Raced<T> => ({ done: true, value })), expired.then((): Raced<T> => ({ done: false }))]),
    clear: () => clearTimeout(timer),
  };
}
