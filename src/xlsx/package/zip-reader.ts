// Opens an .xlsx package with yauzl and indexes its entries by name. Parts are read whole only when
// they are small (the workbook, relationships, styles); worksheets and shared strings are streamed.
// A writer can copy an entry's compressed bytes as they are (openRaw) with the sizes and CRC given.
import { promises as fs } from "fs";
import { pipeline, Transform, type Readable } from "stream";
import { crc32, createInflateRaw } from "zlib";
import yauzl from "yauzl";
import { InputError } from "../errors";
import { checkXlsxBytes } from "../sniff";
import type { ZipEntryInfo } from "./types";
import { encodingFailure, entryFailure, firstLine, isNotUtf8, isUtf16, otherEncoding, utf16Failure, utf8Decoder, utf8Failure } from "./xml";
import { decodeUri } from "./relationships";

/** Largest part read whole into memory; bigger parts must be streamed. */
export const MAX_WHOLE_PART = 64 * 1024 * 1024;
/** Largest part inflated at all (a 400 MB shared-strings part streams well within it). */
export const MAX_PART = 4 * 1024 * 1024 * 1024;
/** Largest total inflated size the package may declare. */
export const MAX_TOTAL = 16 * 1024 * 1024 * 1024;
const MAX_ENTRIES = 100_000;
/**
 * Bytes inflated at a time for a streamed part. yauzl's inflater uses zlib's default 16 KB: a
 * 100,000-row sheet came through in thousands of pieces, each a trip through three streams.
 */
const INFLATE_CHUNK = 256 * 1024;

/** What a part's bytes must come to: its zip entry's size and CRC-32. */
interface Declared {
  size: number;
  /** Undefined: not checked again (the part came out right when it was read before). */
  crc32?: number;
}

/**
 * Counts a part's inflated bytes against what its entry declares, as yauzl checks sizes
 * (validateEntrySizes, with its messages): no more (a zip bomb), no fewer (a cut file), and the same
 * CRC-32 (a damaged file; yauzl checks no CRC). `ok` hears of bytes that came out right.
 */
class PartCheck {
  private seen = 0;
  private crc = 0;
  constructor(
    private readonly declared: Declared,
    private readonly ok: () => void,
  ) {}

  /** An error for bytes past the declared size, else undefined. */
  add(chunk: Buffer): Error | undefined {
    this.seen += chunk.length;
    if (this.seen > this.declared.size) return new Error(`too many bytes in the stream. expected ${this.declared.size}. got at least ${this.seen}`);
    if (this.declared.crc32 !== undefined) this.crc = crc32(chunk, this.crc);
    return undefined;
  }

  /** At the end: an error for too few bytes or another CRC, else undefined. */
  end(): Error | undefined {
    if (this.seen < this.declared.size) return new Error(`not enough bytes in the stream. expected ${this.declared.size}. got only ${this.seen}`);
    if (this.declared.crc32 !== undefined && this.crc >>> 0 !== this.declared.crc32 >>> 0) return new Error("its bytes do not match their CRC-32 checksum: the file is damaged");
    this.ok();
    return undefined;
  }
}

/** An entry's bytes inflated (deflated ones) and checked (PartCheck). */
function inflatedChecked(raw: Readable, method: number, check: PartCheck): Readable {
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const e = check.add(chunk);
      if (e) done(e);
      else done(null, chunk);
    },
    flush(done) {
      done(check.end());
    },
  });
  // A failure anywhere destroys them all, and reaches whoever reads `count`.
  if (method !== 8) return pipeline(raw, count, () => undefined);
  return pipeline(raw, createInflateRaw({ chunkSize: INFLATE_CHUNK }), count, () => undefined);
}

/**
 * An entry's stored bytes passed on as they are, inflated on the side and checked (PartCheck): a part
 * copied unchanged into the output was never read, and a damaged one went out with exit 0.
 */
function rawChecked(raw: Readable, method: number, check: PartCheck, part: string): Readable {
  const inflater = method === 8 ? createInflateRaw({ chunkSize: INFLATE_CHUNK }) : undefined;
  let failure: Error | undefined;
  const fail = (e: Error): void => {
    failure ??= new Error(`${part} cannot be unzipped (${firstLine(e.message)})`);
  };
  inflater?.on("data", (chunk: Buffer) => {
    const e = check.add(chunk);
    if (e) fail(e);
  });
  inflater?.on("error", fail);
  const pass = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (failure) return done(failure);
      if (inflater) inflater.write(chunk);
      else {
        const e = check.add(chunk);
        if (e) return done(new Error(`${part} cannot be unzipped (${e.message})`));
      }
      done(null, chunk);
    },
    flush(done) {
      const finish = (): void => {
        const e = failure ?? check.end();
        done(e && e !== failure ? new Error(`${part} cannot be unzipped (${e.message})`) : e);
      };
      if (!inflater) return finish();
      inflater.once("end", finish);
      inflater.once("error", () => finish());
      inflater.end();
    },
  });
  return pipeline(raw, pass, () => undefined);
}

/** An empty part, which some writers store as "deflated" with no bytes at all: nothing to inflate or check. */
function isEmpty(entry: yauzl.Entry): boolean {
  return entry.uncompressedSize === 0 && entry.compressedSize === 0;
}

function zipFailure(file: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  const message = firstLine(e instanceof Error ? e.message : String(e));
  if (/central directory|end of central/i.test(message)) {
    return new InputError(`${file} is corrupt: the zip package is incomplete (was the copy or download cut short?)`);
  }
  return new InputError(`${file} is corrupt: ${message}`);
}

function openYauzl(source: string | Buffer): Promise<yauzl.ZipFile> {
  const options: yauzl.Options = { lazyEntries: true, autoClose: false, validateEntrySizes: true };
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: yauzl.ZipFile): void => (err || !zip ? reject(err ?? new Error("no zip")) : resolve(zip));
    if (typeof source === "string") yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });
}

function readAllEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > MAX_ENTRIES) reject(new Error(`more than ${MAX_ENTRIES} entries`));
      else zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

/** The first bytes of a file (all of it when it is a compound file, whose names sniff.ts looks for). */
async function sniffFile(path: string, file: string): Promise<void> {
  let handle: fs.FileHandle;
  try {
    // Opening a named pipe or a device to read would wait for a writer that may never come.
    const kind = await fs.stat(path);
    if (kind.isDirectory()) throw new InputError(`${file} is a folder, not an .xlsx file`);
    if (!kind.isFile()) throw new InputError(`${file} is not a file (a pipe or a device): save the workbook as a file and build that`);
    handle = await fs.open(path, "r");
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`${file} was not found`);
    if (code === "EACCES" || code === "EPERM") throw new InputError(`${file} cannot be opened (permission denied)`);
    throw new InputError(`${file} cannot be read: ${firstLine((e as Error).message)}`);
  }
  try {
    const stat = await handle.stat();
    const head = Buffer.alloc(Math.min(stat.size, 4096));
    await handle.read(head, 0, head.length, 0);
    const ole = head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0;
    checkXlsxBytes(ole && stat.size <= 256 * 1024 * 1024 ? await handle.readFile() : head, file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file} cannot be read: ${firstLine((e as Error).message)}`);
  } finally {
    await handle.close();
  }
}

/** An open package. Close it when done (the writer copies entries from it first). */
export class ZipPackage {
  private readonly byName = new Map<string, yauzl.Entry>();
  private readonly byLowerName = new Map<string, yauzl.Entry>();
  /** Entries whose names hold %-escapes, by the name decoded (lower case). */
  private readonly byDecodedName = new Map<string, yauzl.Entry>();
  private readonly infoByName = new Map<string, ZipEntryInfo>();
  /** Entries whose bytes were read whole and came out as declared: copied without checking again. */
  private readonly verified = new Set<string>();
  /** Every entry, in the zip's order. */
  readonly entries: ZipEntryInfo[];

  private constructor(
    /** The name used in messages (the path as the user gave it). */
    readonly file: string,
    private readonly zip: yauzl.ZipFile,
    raw: yauzl.Entry[],
  ) {
    this.entries = raw.map((e) => ({
      name: e.fileName,
      compressionMethod: e.compressionMethod,
      crc32: e.crc32,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      isDirectory: e.fileName.endsWith("/"),
      lastModified: e.getLastModDate(),
    }));
    for (const i of this.entries) this.infoByName.set(i.name, i);
    for (const e of raw) {
      this.byName.set(e.fileName, e);
      if (!this.byLowerName.has(e.fileName.toLowerCase())) this.byLowerName.set(e.fileName.toLowerCase(), e);
      // A part name may hold %-escapes ("KPI%20sheet.xml", OPC): the zip entry keeps them, a relationship's
      // target decodes to "KPI sheet.xml" (relationships.ts resolveTarget).
      const decoded = e.fileName.includes("%") ? decodeUri(e.fileName) : e.fileName;
      if (decoded !== e.fileName && !this.byDecodedName.has(decoded.toLowerCase())) this.byDecodedName.set(decoded.toLowerCase(), e);
    }
  }

  /** Opens a file (after a look at its first bytes) or bytes in memory. `file` names it in messages. */
  static async open(source: string | Buffer, file = typeof source === "string" ? source : "input"): Promise<ZipPackage> {
    if (typeof source === "string") await sniffFile(source, file);
    else checkXlsxBytes(source, file);
    let zip: yauzl.ZipFile | undefined;
    try {
      zip = await openYauzl(source);
      const entries = await readAllEntries(zip);
      let total = 0;
      // Part names are unique without regard to case (OPC): two of a name leave which one is the part to chance.
      const names = new Set<string>();
      for (const e of entries) {
        if (e.fileName === "" || e.fileName === "/") throw new InputError(`${file} is corrupt: one of its zip entries has no name`);
        const lower = e.fileName.toLowerCase();
        if (names.has(lower)) throw new InputError(`${file} is corrupt: it holds two parts named ${e.fileName}`);
        names.add(lower);
        if (e.isEncrypted()) throw new InputError(`${file} is corrupt: its zip entry ${e.fileName} is encrypted`);
        if (e.compressionMethod !== 0 && e.compressionMethod !== 8) {
          throw new InputError(`${file} is corrupt: its zip entry ${e.fileName} uses a compression method Excel does not write (${e.compressionMethod})`);
        }
        if (e.uncompressedSize > MAX_PART) throw new InputError(`${file} is too large to read: ${e.fileName} inflates to more than 4 GB`);
        total += e.uncompressedSize;
      }
      if (total > MAX_TOTAL) throw new InputError(`${file} is too large to read: its parts inflate to more than 16 GB`);
      return new ZipPackage(file, zip, entries);
    } catch (e) {
      zip?.close();
      throw zipFailure(file, e);
    }
  }

  /**
   * The entry of a part, matched exactly, else without regard to case (part names are case-insensitive),
   * else an entry whose name holds %-escapes of the name asked for.
   */
  private find(name: string): yauzl.Entry | undefined {
    const bare = name.startsWith("/") ? name.slice(1) : name;
    const lower = bare.toLowerCase();
    return this.byName.get(bare) ?? this.byLowerName.get(lower) ?? (this.byDecodedName.size > 0 ? this.byDecodedName.get(lower) : undefined);
  }

  has(name: string): boolean {
    const e = this.find(name);
    return e !== undefined && !e.fileName.endsWith("/");
  }

  /** The stored entry name for a part name ("/XL/Workbook.xml" → "xl/workbook.xml"), if present. */
  entryName(name: string): string | undefined {
    return this.find(name)?.fileName;
  }

  info(name: string): ZipEntryInfo | undefined {
    const e = this.find(name);
    return e ? this.infoByName.get(e.fileName) : undefined;
  }

  private entryOrFail(name: string): yauzl.Entry {
    const e = this.find(name);
    if (!e) throw new InputError(`${this.file} is corrupt: it has no part ${name}`);
    return e;
  }

  private openEntry(entry: yauzl.Entry, decompress: boolean): Promise<Readable> {
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, entry.compressionMethod === 0 ? {} : { decompress: decompress ? true : false }, (err, stream) => {
        if (err || !stream) reject(zipFailure(this.file, err ?? new Error(`cannot open ${entry.fileName}`)));
        else resolve(stream);
      });
    });
  }

  /** The part's inflated bytes as a stream, checked against the size and CRC-32 the zip declares (PartCheck). */
  async openStream(name: string): Promise<Readable> {
    const entry = this.entryOrFail(name);
    return inflatedChecked(await this.openEntry(entry, false), isEmpty(entry) ? 0 : entry.compressionMethod, this.checkOf(entry));
  }

  /** The part's bytes exactly as stored (compressed with its compressionMethod), for copying unchanged; checked on the way unless read already. */
  async openRaw(name: string): Promise<Readable> {
    const entry = this.entryOrFail(name);
    const raw = await this.openEntry(entry, false);
    return this.verified.has(entry.fileName) || isEmpty(entry) ? raw : rawChecked(raw, entry.compressionMethod, this.checkOf(entry), entry.fileName);
  }

  private checkOf(entry: yauzl.Entry): PartCheck {
    // A sheet the patch reads again was checked when the reader read it.
    const crc = this.verified.has(entry.fileName) ? undefined : entry.crc32;
    return new PartCheck({ size: entry.uncompressedSize, crc32: crc }, () => this.verified.add(entry.fileName));
  }

  /** A small part's bytes. Refuses parts over `limit`: stream those instead. */
  async readBuffer(name: string, limit = MAX_WHOLE_PART): Promise<Buffer> {
    const entry = this.entryOrFail(name);
    if (entry.uncompressedSize > limit) {
      throw new InputError(`${this.file} is too large to read: ${entry.fileName} holds ${Math.round(entry.uncompressedSize / 1048576)} MB`);
    }
    const stream = await this.openStream(entry.fileName);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream) chunks.push(chunk as Buffer);
    } catch (e) {
      throw entryFailure(this.file, entry.fileName, e);
    }
    return Buffer.concat(chunks);
  }

  /** A small part as text (UTF-8, or UTF-16 with its byte-order mark; the mark removed). */
  async readText(name: string, limit = MAX_WHOLE_PART): Promise<string> {
    const bytes = await this.readBuffer(name, limit);
    if (isUtf16(bytes)) throw utf16Failure(this.file, name);
    let text: string;
    try {
      text = utf8Decoder().decode(bytes);
    } catch (e) {
      throw isNotUtf8(e) ? utf8Failure(this.file, name) : e;
    }
    const bare = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const encoding = otherEncoding(bare);
    if (encoding !== undefined) throw encodingFailure(this.file, name, encoding);
    return bare;
  }

  /** The text of a part when present, else undefined. */
  async readTextIfPresent(name: string, limit = MAX_WHOLE_PART): Promise<string | undefined> {
    return this.has(name) ? this.readText(name, limit) : undefined;
  }

  close(): void {
    this.zip.close();
  }
}
