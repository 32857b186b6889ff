// One deflate stream made of independently deflated 1 MiB pieces, as pigz does: every piece but the
// last ends with a sync flush (an empty stored block, no "final" bit), so the pieces joined are one
// valid stream. Each piece is a single call to zlib on the thread pool, a few at once: deflating runs
// beside the JavaScript that makes the next rows, with none of a zlib stream's per-chunk bookkeeping.
import { once } from "events";
import { PassThrough, type Readable } from "stream";
import { promisify } from "util";
import { constants, crc32, deflateRaw, type ZlibOptions } from "zlib";

const deflateRawAsync = promisify<Buffer, ZlibOptions, Buffer>(deflateRaw);

/** Bytes deflated in one call. Starting each piece with an empty dictionary costs well under 1% in size. */
export const PIECE = 1024 * 1024;
/**
 * zlib's output buffer for a piece: a deflated piece is a fraction of PIECE, so it comes back in one
 * buffer. zlib's default of 16 KB handed it back in a dozen, each a trip between the thread and
 * JavaScript (about 0.2 s of the main thread's time at 100,000 rows).
 */
const OUT_CHUNK = 256 * 1024;
/** Pieces being deflated at once (the thread pool has four threads). */
const IN_FLIGHT = 3;

export interface DeflateCount {
  crc32: number;
  uncompressedSize: number;
}

/**
 * `pieces` deflated at `level`; `count` gets the CRC-32 and size of the bytes read, complete when the
 * stream ends. A failure making or deflating the pieces destroys the stream with that error.
 */
export function deflatePieces(pieces: Iterable<string | Buffer> | AsyncIterable<string | Buffer>, level: number, count: DeflateCount): Readable {
  const out = new PassThrough({ highWaterMark: PIECE });
  const pending: Promise<Buffer>[] = [];
  let batch: Buffer = Buffer.allocUnsafe(PIECE);
  let used = 0;

  const drainTo = async (limit: number): Promise<void> => {
    while (pending.length > limit) {
      const bytes = await (pending.shift() as Promise<Buffer>);
      if (!out.write(bytes)) await once(out, "drain");
    }
  };
  const send = async (last: boolean): Promise<void> => {
    // The pieces handed over are never written again by their makers (ByteSink hands out fresh buffers).
    const job = deflateRawAsync(batch.subarray(0, used), { level, chunkSize: OUT_CHUNK, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
    // Seen as handled now; its failure still reaches whoever awaits it.
    job.catch(() => undefined);
    pending.push(job);
    // The buffer belongs to zlib until the job is done: the next piece goes in a new one.
    batch = Buffer.allocUnsafe(PIECE);
    used = 0;
    await drainTo(last ? 0 : IN_FLIGHT - 1);
  };
  const pump = async (): Promise<void> => {
    for await (const piece of pieces) {
      if (!piece.length) continue;
      const buf = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
      count.crc32 = crc32(buf, count.crc32);
      count.uncompressedSize += buf.length;
      if (buf.length >= PIECE / 2 && typeof piece !== "string") {
        // A piece made whole by its writer (sheet-data.ts's) is deflated as it is: no copy. What the
        // batch holds before it (a sheet's head) goes first, as a piece of its own.
        if (used > 0) await send(false);
        batch = buf;
        used = buf.length;
        await send(false);
        continue;
      }
      for (let at = 0; at < buf.length; ) {
        const n = Math.min(buf.length - at, PIECE - used);
        buf.copy(batch, used, at, at + n);
        used += n;
        at += n;
        if (used === PIECE) await send(false);
      }
    }
    await send(true);
    out.end();
  };
  pump().catch((e: Error) => out.destroy(e));
  return out;
}
