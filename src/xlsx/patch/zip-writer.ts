// Writes the output package with yazl, into a file, one entry after another as yazl asks for them.
// Parts we make are deflated as they stream in, a piece at a time beside the work (deflate-chunks.ts); parts we copy keep their compressed bytes (raw-copy.ts).
import { createWriteStream, type WriteStream } from "fs";
import { Readable } from "stream";
import { ZipFile } from "yazl";
import { deflatePieces } from "./deflate-chunks";
import { addRawEntry, canCopyRaw, type RawEntry } from "./raw-copy";

/**
 * zlib's level for the parts we make. At 100,000 rows they are 175 MB of XML (the summary alone
 * 115 MB): level 1 deflates them in about 0.55 s where level 3 takes 0.95 s (zlib's default 6 about
 * twice that), for a file about a tenth larger (23 MB against 20.5 MB).
 */
const COMPRESSION_LEVEL = 1;

/** One fixed time for every entry we write, so building the same input twice gives the same bytes. */
export const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** Text pieces as a byte stream: a generator's pieces are encoded one at a time, never joined. */
function textStream(pieces: Iterable<string | Buffer> | AsyncIterable<string | Buffer>): Readable {
  async function* bytes(): AsyncGenerator<Buffer> {
    for await (const piece of pieces) if (piece.length) yield typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
  }
  return Readable.from(bytes(), { objectMode: false });
}

export class PackageZipWriter {
  private readonly zip = new ZipFile();
  private readonly out: WriteStream;
  private readonly done: Promise<void>;
  private failure: Error | undefined;

  constructor(path: string) {
    this.out = createWriteStream(path, { flags: "wx", highWaterMark: 1024 * 1024 });
    this.done = new Promise<void>((resolve, reject) => {
      const fail = (e: Error) => {
        this.failure ??= e;
        reject(this.failure);
      };
      // Errors of the file itself are marked, so the run can tell them from errors reading the input.
      this.out.on("error", (e: Error) => fail(Object.assign(e, { fromOutput: true })));
      this.zip.outputStream.on("error", fail);
      this.zip.on("error", fail);
      this.out.on("close", () => (this.failure ? reject(this.failure) : resolve()));
    });
    // Unhandled until finish() is awaited; a failure is reported there.
    this.done.catch(() => undefined);
    this.zip.outputStream.pipe(this.out);
  }

  /**
   * A part whose text is made as it is written. `pieces` is read lazily, when yazl reaches the entry.
   * It is deflated here, with Node's CRC-32 worked out on the way, and handed to yazl as a copied
   * entry: yazl's own CRC is JavaScript, and would read every byte before deflating.
   */
  addText(name: string, pieces: () => Iterable<string | Buffer> | AsyncIterable<string | Buffer>): void {
    if (!canCopyRaw()) {
      this.zip.addReadStreamLazy(name, { mtime: FIXED_MTIME, compress: true }, (cb) => cb(null, this.failing(textStream(pieces()))));
      return;
    }
    const entry: RawEntry = { name, method: 8, crc32: 0, compressedSize: 0, uncompressedSize: 0, mtime: FIXED_MTIME, open: async () => this.deflated(entry, pieces()) };
    this.addRaw(entry);
  }

  private failing<T extends Readable>(stream: T): T {
    stream.on("error", (e) => this.zip.emit("error", e));
    return stream;
  }

  /** The pieces deflated; the entry's CRC and size are complete when the stream ends (yazl reads them then). */
  private deflated(entry: RawEntry, pieces: Iterable<string | Buffer> | AsyncIterable<string | Buffer>): Readable {
    return this.failing(deflatePieces(pieces, COMPRESSION_LEVEL, entry));
  }

  /** A small part held whole. */
  addBuffer(name: string, bytes: Buffer, mtime = FIXED_MTIME): void {
    this.zip.addBuffer(bytes, name, { mtime, compress: true });
  }

  /** A part of the input: its bytes as they are stored, with their sizes and CRC. */
  addRaw(entry: RawEntry): void {
    addRawEntry(this.zip, entry, (e) => this.zip.emit("error", e));
  }

  /** A part of the input re-deflated from its inflated bytes (when its compressed bytes cannot be copied). */
  addStream(name: string, open: () => Promise<Readable>, mtime: Date): void {
    this.zip.addReadStreamLazy(name, { mtime, compress: true }, (cb) => {
      open().then(
        (stream) => cb(null, stream),
        (e: Error) => cb(e, undefined as unknown as Readable),
      );
    });
  }

  /** Ends the zip and waits until every byte is in the file. */
  async finish(): Promise<void> {
    this.zip.end();
    await this.done;
  }

  /** Stops writing (after a failure elsewhere); resolves once the file is closed, so the caller can remove it. */
  abort(): Promise<void> {
    this.zip.outputStream.unpipe(this.out);
    if (this.out.closed) return Promise.resolve();
    const closed = new Promise<void>((resolve) => {
      this.out.once("close", () => resolve());
      // Never held up by a file that will not close.
      setTimeout(resolve, 5000).unref();
    });
    this.out.destroy();
    return closed;
  }
}
