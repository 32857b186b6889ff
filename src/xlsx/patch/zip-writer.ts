// Writes the output package with yazl, into a file, one entry after another as yazl asks for them.
// Parts we make are deflated as they stream in; parts we copy keep their compressed bytes (raw-copy.ts).
import { createWriteStream, type WriteStream } from "fs";
import { Readable } from "stream";
import { ZipFile } from "yazl";
import { addRawEntry, type RawEntry } from "./raw-copy";

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

  /** A part whose text is made as it is written. `pieces` is read lazily, when yazl reaches the entry. */
  addText(name: string, pieces: () => Iterable<string | Buffer> | AsyncIterable<string | Buffer>): void {
    this.zip.addReadStreamLazy(name, { mtime: FIXED_MTIME, compress: true }, (cb) => {
      const stream = textStream(pieces());
      stream.on("error", (e) => this.zip.emit("error", e));
      cb(null, stream);
    });
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

  /** Stops writing (after a failure elsewhere); the caller removes the file. */
  abort(): void {
    this.zip.outputStream.unpipe(this.out);
    this.out.destroy();
  }
}
