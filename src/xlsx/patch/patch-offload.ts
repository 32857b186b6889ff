// The officers' sheets patched on a second thread, while this one renders our own sheets.
//
// A patch needs cell formats, and cell formats are numbered as they are asked for (styles-append.ts),
// so they are all worked out here first, from the format each cell had when the sheet was read
// (sheet-reader.ts's styleIds), in the order the patch would ask for them: the numbers are the same as
// a patch on this thread would give. The thread gets its edits as flat arrays (cheap to send) with
// each cell's format already settled, and sends back the deflated part. Whatever it cannot do (a cell
// whose format is not the one read, the file changed since it was read, the thread failing to start),
// it says so, and the part is patched on this thread instead: the outcome is the same, only slower.
import { existsSync } from "fs";
import { join } from "path";
import { StringDecoder } from "string_decoder";
import { Worker } from "worker_threads";
import type { CellRange } from "../../engine/vocab/types";
import type { PlanStyle, PlanValue } from "../../engine/vocab/plan";
import type { ZipPackage } from "../package/zip-reader";
import type { CellEdit, SheetEdits } from "./sheet-edits";
import type { EditXf, PatchEdits, SheetPatcher, XfResolver } from "./sheet-patch";

/** A part's inflated text, patched as it streams. */
export async function* patchedText(pkg: ZipPackage, part: string, patcher: SheetPatcher): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  for await (const chunk of await pkg.openStream(part)) {
    const out = patcher.push(decoder.write(chunk as Buffer));
    if (out) yield out;
  }
  yield patcher.push(decoder.end()) + patcher.end();
}

/** A sheet's edits as flat arrays, each cell's format settled. */
export interface EncodedEdits {
  /** Row numbers; the cells of row i are [starts[i], starts[i + 1]). */
  rows: Int32Array;
  starts: Int32Array;
  cols: Int32Array;
  /** The format the cell had when read (0: none, or no cell), and its format after the edit (-1: left as it is). */
  bases: Int32Array;
  xfs: Int32Array;
  /** 1 where the edit writes values[i] (null empties the cell). */
  hasValue: Uint8Array;
  values: PlanValue[];
  columnWidths: SheetEdits["columnWidths"];
  extent?: CellRange;
}

/**
 * `edits` with their formats worked out through `xfFor`, in the order SheetPatcher asks for them
 * (rows in order, each row's cells in column order), from the formats read (`styleIds`).
 */
export function settleFormats(edits: SheetEdits, styleIds: number[][] | undefined, xfFor: XfResolver): EncodedEdits {
  let count = 0;
  for (const r of edits.rows) count += r.cells.length;
  const rows = new Int32Array(edits.rows.length);
  const starts = new Int32Array(edits.rows.length + 1);
  const cols = new Int32Array(count);
  const bases = new Int32Array(count);
  const xfs = new Int32Array(count);
  const hasValue = new Uint8Array(count);
  const values: PlanValue[] = new Array<PlanValue>(count).fill(null);
  let k = 0;
  edits.rows.forEach((r, i) => {
    rows[i] = r.row;
    starts[i] = k;
    const read = styleIds?.[r.row];
    for (const e of r.cells) {
      cols[k] = e.col;
      const base = read?.[e.col] ?? 0;
      bases[k] = base;
      xfs[k] = e.styles.length ? xfFor(base, e.styles) : -1;
      if (e.value !== undefined) {
        hasValue[k] = 1;
        values[k] = e.value;
      }
      k++;
    }
  });
  starts[edits.rows.length] = k;
  return { rows, starts, cols, bases, xfs, hasValue, values, columnWidths: edits.columnWidths, ...(edits.extent ? { extent: edits.extent } : {}) };
}

/** A settled edit: the format it was worked out from, and the format it gives. */
interface SettledEdit extends CellEdit {
  base: number;
  xf: number;
}

/** Stands for "styled" where only the count of styles is read: the format itself is settled. */
const STYLED: PlanStyle[] = [{}];
const UNSTYLED: PlanStyle[] = [];

/** The edits back as the patcher reads them: each row made when it is reached, not all held at once. */
export function decodeEdits(enc: EncodedEdits): PatchEdits {
  let made: { index: number; row: SheetEdits["rows"][number] } | undefined;
  const at = (i: number): SheetEdits["rows"][number] | undefined => {
    if (i < 0 || i >= enc.rows.length) return undefined;
    if (made?.index === i) return made.row;
    const cells: CellEdit[] = [];
    for (let k = enc.starts[i]; k < enc.starts[i + 1]; k++) {
      const e: SettledEdit = { col: enc.cols[k], styles: enc.xfs[k] >= 0 ? STYLED : UNSTYLED, base: enc.bases[k], xf: enc.xfs[k] };
      if (enc.hasValue[k]) e.value = enc.values[k];
      cells.push(e);
    }
    made = { index: i, row: { row: enc.rows[i], cells } };
    return made.row;
  };
  return { rows: { length: enc.rows.length, at }, columnWidths: enc.columnWidths, ...(enc.extent ? { extent: enc.extent } : {}) };
}

/** Thrown on the thread when a cell's format is not the one its edit was settled from. */
export class UnsettledFormat extends Error {}

/** The settled format of a decoded edit; throws UnsettledFormat when the cell's format is another. */
export const settledXf: EditXf = (base, e) => {
  const s = e as SettledEdit;
  if (s.base !== base) throw new UnsettledFormat(`a cell in column ${e.col + 1} has format ${base}, not ${s.base}`);
  return s.xf;
};

/** What the thread is asked to patch: the part, and the zip's CRC and size for it (the same file?). */
export interface PatchJob {
  part: string;
  name: string;
  crc32: number;
  compressedSize: number;
  edits: EncodedEdits;
}

export interface PatchThreadInput {
  path: string;
  jobs: PatchJob[];
}

export type PatchThreadMessage =
  | { kind: "chunk"; index: number; bytes: Uint8Array }
  | { kind: "done"; index: number; crc32: number; uncompressedSize: number }
  | { kind: "failed"; index: number; message: string };

/** A part the thread patched and deflated; undefined: patch it on this thread. */
export type PatchedBytes = { chunks: Buffer[]; crc32: number; uncompressedSize: number } | undefined;

/** The thread's script, beside this module once compiled (absent where the TypeScript runs as it is). */
export const PATCH_THREAD_SCRIPT = join(__dirname, "patch-thread.js");

/** Patches parts on a worker thread; each part's outcome is a promise that never rejects. */
export class PatchThread {
  private readonly outcomes: { resolve: (b: PatchedBytes) => void; chunks: Buffer[]; settled: boolean }[] = [];
  readonly results: Promise<PatchedBytes>[] = [];
  private readonly worker: Worker;

  private constructor(input: PatchThreadInput, script: string) {
    for (let i = 0; i < input.jobs.length; i++) {
      this.results.push(new Promise<PatchedBytes>((resolve) => this.outcomes.push({ resolve, chunks: [], settled: false })));
    }
    const transfer = input.jobs.flatMap((j) => [j.edits.rows, j.edits.starts, j.edits.cols, j.edits.bases, j.edits.xfs, j.edits.hasValue].map((a) => a.buffer as ArrayBuffer));
    // A small heap: the thread holds one row of edits and a few pieces of text at a time, and every
    // megabyte it keeps counts toward the build's peak (100,000 rows patch within 16 MB of old space).
    const resourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };
    this.worker = new Worker(script, { workerData: input, transferList: transfer, stdout: true, stderr: true, resourceLimits });
    this.worker.on("message", (m: PatchThreadMessage) => this.onMessage(m));
    // A thread that fails or stops early leaves its parts to this thread.
    this.worker.on("error", () => this.settleAll());
    this.worker.on("exit", () => this.settleAll());
  }

  /** Starts the thread, or undefined when its script is not there (running from the TypeScript). */
  static start(input: PatchThreadInput, script = PATCH_THREAD_SCRIPT): PatchThread | undefined {
    if (!existsSync(script)) return undefined;
    try {
      return new PatchThread(input, script);
    } catch {
      return undefined;
    }
  }

  private onMessage(m: PatchThreadMessage): void {
    const o = this.outcomes[m.index];
    if (!o || o.settled) return;
    if (m.kind === "chunk") o.chunks.push(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
    else {
      o.settled = true;
      o.resolve(m.kind === "done" ? { chunks: o.chunks, crc32: m.crc32, uncompressedSize: m.uncompressedSize } : undefined);
      o.chunks = [];
    }
  }

  private settleAll(): void {
    for (const o of this.outcomes) {
      if (o.settled) continue;
      o.settled = true;
      o.chunks = [];
      o.resolve(undefined);
    }
  }

  /** Ends the thread (the build is done, or failed). */
  stop(): void {
    this.settleAll();
    void this.worker.terminate();
  }
}
