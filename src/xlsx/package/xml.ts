// Parsing package XML with saxes, safely: a DOCTYPE (the door to entity expansion and external
// entities) is refused, as is any entity saxes does not know. Element and attribute names are matched
// by local name, so a prefixed document (<x:row>) reads as an unprefixed one.
import { TextDecoder } from "util";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { InputError } from "../errors";

export interface XmlHandlers {
  open?(tag: SaxesTagPlain, local: string): void;
  close?(local: string): void;
  text?(text: string): void;
}

/** The name after any prefix ("x:row" → "row"). */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name (r:id, id), or undefined. */
export function attr(tag: SaxesTagPlain, local: string): string | undefined {
  const direct = tag.attributes[local];
  if (direct !== undefined) return direct;
  for (const key of Object.keys(tag.attributes)) if (localName(key) === local) return tag.attributes[key];
  return undefined;
}

export function firstLine(message: string): string {
  const line = message.split(/\r?\n/)[0].trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line || "unknown error";
}

/**
 * Text kept past the parse, as a string of its own. saxes hands out text as slices of the chunk it was
 * decoded from, and V8 keeps the whole chunk alive for any slice of 13 characters or more: a workbook's
 * cells would hold every decoded chunk of its sheets (rebuilding 100,000 rows: 250 MB more at the peak).
 * Shorter strings are copies already.
 */
export function ownText(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/** Texts up to this long are looked up among those a sheet has already given. */
const INTERNED_LENGTH = 128;
/** Distinct texts a sheet remembers; past it, texts are still looked up but no more are added. */
const INTERNED_LIMIT = 1 << 18;

/**
 * One string for each short text a sheet repeats, as a shared-strings part gives: cells of inline
 * strings (our history sheet, one row per record per period) repeat their period, sheet, status and a
 * record's ref and name in every row, and as separate strings they were most of a rebuild's heap.
 */
export class TextInterner {
  private readonly seen = new Map<string, string>();

  /** The text as a string of its own (ownText), the same string each time the sheet repeats it. */
  text(text: string): string {
    if (text.length > INTERNED_LENGTH) return ownText(text);
    const known = this.seen.get(text);
    if (known !== undefined) return known;
    const own = ownText(text);
    if (this.seen.size < INTERNED_LIMIT) this.seen.set(own, own);
    return own;
  }
}

/** A parser for one part; errors become InputErrors naming `file` and `part`. Feed with write(), end with close(). */
export function xmlParser(file: string, part: string, handlers: XmlHandlers): SaxesParser {
  // No position tracking: it costs a tenth of a 100,000-row sheet's parse, and a part is named anyway.
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("doctype", () => {
    throw new InputError(`${file} is corrupt: ${part} declares a DOCTYPE (entity definitions are refused)`);
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(tag as SaxesTagPlain, localName(tag.name)));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  return parser;
}

/** Wraps a parse failure as one line naming the file and part (an InputError passes through). */
export function xmlFailure(file: string, part: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new InputError(`${file} is corrupt: ${part} is not well-formed XML (${firstLine(message)})`);
}

/** Parses a whole part held as text. */
export function parseXml(file: string, part: string, text: string, handlers: XmlHandlers): void {
  try {
    const parser = xmlParser(file, part, handlers);
    parser.write(text);
    parser.close();
  } catch (e) {
    throw xmlFailure(file, part, e);
  }
}

/** A failure of the zip entry's data itself (not of its XML): sizes or CRC not as its header says. */
export function entryFailure(file: string, part: string, e: unknown): InputError {
  const message = firstLine(e instanceof Error ? e.message : String(e));
  if (/too many bytes|expected \d+/i.test(message)) return new InputError(`${file} is corrupt: ${part} inflates to more than its zip entry declares (refused as a possible zip bomb)`);
  return new InputError(`${file} is corrupt: ${part} cannot be unzipped (${message})`);
}

/** Whether a part's first bytes are a UTF-16 byte order mark (either order). */
export function isUtf16(chunk: unknown): boolean {
  if (!Buffer.isBuffer(chunk) || chunk.length < 2) return false;
  return (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
}

/**
 * A part in UTF-16 refused in a sentence: the parts are read, patched and written as UTF-8, as Excel
 * writes them (a patched UTF-16 part would go out as UTF-8 still declaring UTF-16).
 */
export function utf16Failure(file: string, part: string): InputError {
  return new InputError(`${file} cannot be read: ${part} is in UTF-16, which this tool does not read (Excel writes UTF-8). Open the workbook in Excel and save it again.`);
}

/** The encoding an XML declaration names, when it is one this tool does not read as UTF-8 (Latin-1, Windows-1252…). */
export function otherEncoding(text: string): string | undefined {
  const declared = /^<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  return declared === undefined || /^(?:utf-?8|us-ascii|ascii)$/i.test(declared.trim()) ? undefined : declared;
}

/**
 * A part declared in another encoding, refused in a sentence: it was read as UTF-8 and written as UTF-8
 * under its old declaration, so accented letters and our symbols came out garbled.
 */
export function encodingFailure(file: string, part: string, encoding: string): InputError {
  return new InputError(`${file} cannot be read: ${part} is in the ${encoding} encoding, which this tool does not read (Excel writes UTF-8). Open the workbook in Excel and save it again.`);
}

/**
 * A decoder for a part's bytes: a character whose bytes straddle two chunks is kept whole (`stream`),
 * a byte-order mark stays in the text as it came, and bytes that are not UTF-8 throw: XML makes them a
 * fatal error, and Excel will not open such a part (a lenient decoder read them as U+FFFD and went on).
 */
export function utf8Decoder(): TextDecoder {
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
}

/** Whether `e` is a decoder's refusal of bytes that are not UTF-8. */
export function isNotUtf8(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === "ERR_ENCODING_INVALID_ENCODED_DATA";
}

/** A part that is not UTF-8, refused in a sentence. */
export function utf8Failure(file: string, part: string): InputError {
  return new InputError(`${file} is corrupt: ${part} is not valid UTF-8 text (Excel finds such a part damaged too)`);
}

/** Parses a part as it streams in, chunk by chunk (text split across chunks is handled by saxes). */
export async function parseXmlStream(file: string, part: string, stream: NodeJS.ReadableStream, handlers: XmlHandlers): Promise<void> {
  const parser = xmlParser(file, part, handlers);
  const decoder = utf8Decoder();
  let first = true;
  const iterator = stream[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<unknown>;
    try {
      next = await iterator.next();
    } catch (e) {
      throw entryFailure(file, part, e);
    }
    try {
      if (next.done) {
        parser.write(decoder.decode());
        parser.close();
        return;
      }
      const chunk = next.value;
      if (first && isUtf16(chunk)) throw utf16Failure(file, part);
      // saxes passes over one byte-order mark, and only one: a second is text before the root, as XML has it.
      const text = typeof chunk === "string" ? chunk : decoder.decode(chunk as Buffer, { stream: true });
      const encoding = first ? otherEncoding(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) : undefined;
      if (encoding !== undefined) throw encodingFailure(file, part, encoding);
      if (text) first = false;
      parser.write(text);
    } catch (e) {
      (stream as unknown as { destroy?: () => void }).destroy?.();
      throw isNotUtf8(e) ? utf8Failure(file, part) : xmlFailure(file, part, e);
    }
  }
}
