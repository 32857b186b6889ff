// XML written straight into byte buffers. A 100,000-row summary is 115 MB of XML and 2 million
// cells: made as strings, every cell's pieces became a rope that was flattened and encoded again
// (about 2 s) and then collected. Here ASCII goes in byte by byte and text is encoded once.
import { cellText } from "./xml-text";

/** Bytes handed out at a time. */
export const SINK_CHUNK = 64 * 1024;
/** The most bytes one UTF-16 unit of cell text can become, escaped ("&#13;" is 5, U+FFFF is 3). */
const MAX_BYTES_PER_UNIT = 6;
/**
 * What cellText would change or mark: controls and line breaks, markup characters, surrogates (a lone
 * one is escaped; a pair is 4 bytes, more than the 3 per unit the fast path allows), U+FFFE/FFFF, a
 * possible `_xHHHH_`, and spaces at either edge (which need xml:space="preserve").
 */
// eslint-disable-next-line no-control-regex
const NEEDS_CARE = /[\u0000-\u001f&<>\ud800-\udfff\ufffe\uffff]|_x|^\s|\s$/;

/** Texts this long or shorter are remembered as bytes in a column that repeats them. */
const REMEMBERED_LENGTH = 64;
/** Different texts a column may show before it is taken for one that does not repeat (names, figures). */
const REMEMBERED_PER_COLUMN = 64;

/** ASCII text as bytes, for pieces written again and again (ByteSink.bytes copies them, with no encoding). */
export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

export class ByteSink {
  private buf: Buffer;
  private pos = 0;
  private readonly full: Buffer[] = [];
  /** By column: the bytes cellT wrote for each short text; null once the column shows too many different ones. */
  private readonly columnTexts: (Map<string, Uint8Array> | null | undefined)[] = [];

  constructor(private readonly chunk = SINK_CHUNK) {
    this.buf = Buffer.allocUnsafe(chunk);
  }

  /** Room for `n` more bytes in the current buffer; a full buffer is set aside for `take`. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.pos > 0) this.full.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(this.chunk, n));
    this.pos = 0;
  }

  /** Bytes written so far and not yet taken. */
  get length(): number {
    return this.pos + this.full.reduce((n, b) => n + b.length, 0);
  }

  /** True when at least one whole chunk is ready. */
  get ready(): boolean {
    return this.full.length > 0;
  }

  /** The full buffers set aside so far (the one being written stays): whole chunks, for a writer that wants them whole. */
  takeFull(): Buffer[] {
    return this.full.splice(0);
  }

  /** The bytes written, as buffers no bigger than a chunk (unless one piece was); the sink starts again. */
  take(): Buffer[] {
    const out = this.full.splice(0);
    if (this.pos > 0) {
      out.push(this.buf.subarray(0, this.pos));
      this.buf = this.buf.length > this.chunk ? Buffer.allocUnsafe(this.chunk) : this.buf.subarray(this.pos);
      this.pos = 0;
    }
    return out;
  }

  /** Text known to be ASCII (tags, attribute names, numbers): no escaping, no encoding. */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Bytes made once and written many times (the pieces around each cell). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    this.buf.set(b, this.pos);
    this.pos += n;
  }

  /** Any text, written as UTF-8 with no escaping (it is already XML). */
  utf8(s: string): void {
    if (s.length === 0) return;
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  /** A non-negative integer in decimal. */
  uint(n: number): void {
    this.room(16);
    if (n < 10) {
      this.buf[this.pos++] = 48 + n;
      return;
    }
    this.ascii(String(n));
  }

  /**
   * cellT for a cell in column `col`. A summary or history column of statuses, kinds or periods shows
   * a few texts row after row: their bytes are copied as cellT first wrote them, with no escaping test
   * and no encoding (cellT was a third of writing the 100,000-row summary's and history's cells).
   */
  cellTIn(col: number, s: string): void {
    const memo = this.columnTexts[col];
    const n = s.length;
    if (memo === null || n === 0 || n > REMEMBERED_LENGTH) {
      this.cellT(s);
      return;
    }
    // The room cellT's plain path asks for, asked for here too: the sink's buffers end where they would
    // have, so the deflated pieces, and the zip, are the same bytes.
    const room = n * 3 + 7;
    const known = memo?.get(s);
    if (known !== undefined) {
      this.room(room);
      this.bytes(known);
      return;
    }
    // Only text cellT writes unescaped is remembered (escaped text takes its other path, which asks for other room).
    if (NEEDS_CARE.test(s)) {
      this.cellT(s);
      return;
    }
    if (memo !== undefined && memo.size >= REMEMBERED_PER_COLUMN) {
      this.columnTexts[col] = null;
      this.cellT(s);
      return;
    }
    this.room(room);
    const start = this.pos;
    this.cellT(s);
    (memo ?? (this.columnTexts[col] = new Map())).set(s, Uint8Array.prototype.slice.call(this.buf, start, this.pos));
  }

  /**
   * Cell text as `<t>…</t>` (with xml:space="preserve" where its edge spaces or breaks matter), encoded
   * as cell-xml.ts's cellText does. Text with nothing to escape or keep (most of it) is written by one
   * native UTF-8 write after one regex test: copying it a character at a time in JavaScript took
   * twice as long over a 100,000-row summary's 2 million texts.
   */
  cellT(s: string): void {
    const n = s.length;
    if (n > 0 && !NEEDS_CARE.test(s)) {
      this.room(n * 3 + 7);
      const buf = this.buf;
      let p = this.pos;
      buf[p++] = 60; // <
      buf[p++] = 116; // t
      buf[p++] = 62; // >
      this.pos = p + buf.write(s, p, "utf8");
      this.ascii("</t>");
      return;
    }
    const { xml, preserve } = cellText(s);
    this.ascii(preserve ? '<t xml:space="preserve">' : "<t>");
    this.room(xml.length * MAX_BYTES_PER_UNIT);
    this.pos += this.buf.write(xml, this.pos, "utf8");
    this.ascii("</t>");
  }
}
