// Copies a zip entry's compressed bytes into a yazl zip without inflating and deflating them again.
//
// yazl has no public call for data that is already compressed. It does pass a "stored" entry's bytes
// through untouched, so a deflated entry is added as stored, and three of that entry's own members are
// shadowed before yazl writes anything about it: the compression method it reports (deflate), and the
// CRC and size it works out from the bytes (the compressed ones), which are replaced by the CRC and
// size the input's zip declares. The shadowing is applied when yazl puts the entry in its list, before
// its local header is written. canCopyRaw() checks once that yazl still works this way (pinned ^3.3);
// when it does not, callers re-deflate instead.
import type { Readable } from "stream";
import { ZipFile } from "yazl";

export interface RawEntry {
  name: string;
  /** 0 stored, 8 deflate: the method of the bytes `open` gives. */
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  mtime: Date;
  /** The entry's bytes exactly as stored in the input. */
  open: () => Promise<Readable>;
}

/** The members of yazl's (private) Entry this relies on. */
interface YazlEntry {
  crc32: number | null;
  uncompressedSize: number | null;
  compressionLevel: number;
  getCompressionMethod: () => number;
}

interface YazlInternals {
  entries: YazlEntry[];
}

/** Runs `add` with a hook on the next entry yazl lists, before yazl can write its header. */
function withNextEntry(zip: ZipFile, hook: (e: YazlEntry) => void, add: () => void): void {
  const entries = (zip as unknown as YazlInternals).entries;
  const own = Object.prototype.hasOwnProperty.call(entries, "push");
  const push = entries.push;
  entries.push = function (this: YazlEntry[], ...items: YazlEntry[]): number {
    for (const e of items) hook(e);
    return push.apply(this, items);
  };
  try {
    add();
  } finally {
    if (own) entries.push = push;
    else delete (entries as { push?: unknown }).push;
  }
}

/** Makes a stored entry report the deflated entry it really is. */
function disguise(e: YazlEntry, entry: RawEntry): void {
  e.getCompressionMethod = () => 8;
  Object.defineProperty(e, "crc32", { configurable: true, enumerable: true, get: () => entry.crc32, set: () => undefined });
  // yazl sets the size once the bytes have passed; until then it must read as unknown.
  let counted = false;
  Object.defineProperty(e, "uncompressedSize", {
    configurable: true,
    enumerable: true,
    get: () => (counted ? entry.uncompressedSize : null),
    set: () => {
      counted = true;
    },
  });
}

let capable: boolean | undefined;

/** True when this yazl lists entries and reports methods as raw copying needs. */
export function canCopyRaw(): boolean {
  if (capable !== undefined) return capable;
  try {
    const zip = new ZipFile();
    let seen: YazlEntry | undefined;
    withNextEntry(zip, (e) => (seen = e), () => zip.addBuffer(Buffer.alloc(0), "probe", { compress: false }));
    capable = !!seen && typeof seen.getCompressionMethod === "function" && seen.compressionLevel === 0 && "crc32" in seen && "uncompressedSize" in seen;
  } catch {
    capable = false;
  }
  return capable;
}

/** Adds the entry; its bytes are read when yazl reaches it. `onError` hears of a failure to read them. */
export function addRawEntry(zip: ZipFile, entry: RawEntry, onError: (e: Error) => void): void {
  const open = (cb: (err: Error | null, stream: Readable) => void): void => {
    entry.open().then(
      (stream) => {
        stream.on("error", onError);
        cb(null, stream);
      },
      (e: Error) => onError(e),
    );
  };
  if (entry.method === 0) {
    // Stored bytes are the part itself: yazl's own CRC and sizes are right.
    zip.addReadStreamLazy(entry.name, { mtime: entry.mtime, compress: false }, open);
    return;
  }
  withNextEntry(zip, (e) => disguise(e, entry), () => zip.addReadStreamLazy(entry.name, { mtime: entry.mtime, compress: false }, open));
}
