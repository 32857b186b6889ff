// Keeps every request under Excel on the web's 5 MB payload limit while using as few syncs as possible.
// Work is queued with an estimate of its request (or response) size; a sync is sent only
// when the next piece would take the batch past the budget. So a command costs its fixed
// syncs plus one more per `budget` bytes of data, whatever the row count.
import type { XlRequestContext } from "./api";

/** Budget per request: 4 MB, leaving room under the 5 MB limit for estimation error. */
export const DEFAULT_BUDGET = 4_000_000;
/**
 * What one queued operation costs besides its arguments: its action, and the path of a property object
 * it goes through (fill, font) with that path's Instantiate action, as Office.js sends them.
 */
export const OP_OVERHEAD = 250;
/**
 * A fresh range and its format object, before any operation on them: each path goes in the request with
 * its name, parent and arguments, plus an Instantiate action of its own (ClientRequestBase in
 * @microsoft/office-js). Formats set cell by cell (a saved format each) are mostly these bytes.
 */
export const RANGE_FORMAT_PATHS = 300;

export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "null");
}

export class Batcher {
  private pending = 0;
  /** Syncs this batcher sent. */
  syncs = 0;

  constructor(
    private readonly context: XlRequestContext,
    private readonly budget: number,
  ) {}

  /** Bytes queued and not yet sent. */
  get queued(): number {
    return this.pending;
  }

  /** Whether `cost` more bytes fit in the request being built. */
  fits(cost: number): boolean {
    return this.pending + cost <= this.budget;
  }

  /** Queue work costing about `cost` bytes, sending what is queued first if it would not fit. */
  async add(cost: number, queue: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + cost > this.budget) await this.flush();
    queue();
    this.pending += cost;
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    this.pending = 0;
    this.syncs++;
    await this.context.sync();
  }
}

/** Row slices of a block so that no slice costs more than `max` bytes. */
export function rowSlices<T>(rows: T[][], max: number): { start: number; rows: T[][]; bytes: number }[] {
  const out: { start: number; rows: T[][]; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const b = jsonBytes(rows[i]) + 1;
    if (i > start && bytes + b > max) {
      out.push({ start, rows: rows.slice(start, i), bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (rows.length > start) out.push({ start, rows: rows.slice(start), bytes });
  return out;
}
