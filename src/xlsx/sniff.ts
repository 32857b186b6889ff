// Looks at the first bytes of a file to explain, in one line, why it is not an .xlsx workbook.
// Cheaper and clearer than letting the zip reader fail with "end of central directory not found".
import { InputError } from "./errors";

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": a zip with at least one entry
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // compound file: .xls, or an encrypted .xlsx

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** True when the bytes contain `ascii` written as UTF-16LE (how compound files name their streams). */
function containsUtf16(bytes: Uint8Array, ascii: string): boolean {
  const pattern = Buffer.from(ascii, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(pattern) >= 0;
}

/** Mostly printable UTF-8 or ASCII in the first 4 KB: a CSV, HTML page or text file renamed .xlsx. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128) printable++;
  }
  return n > 0 && printable / n > 0.95;
}

/** Throws an InputError when the bytes cannot be an .xlsx package; returns quietly when they might be. */
export function checkXlsxBytes(bytes: Uint8Array, name: string): void {
  if (bytes.length === 0) throw new InputError(`${name} is not an Excel .xlsx file (it is empty)`);
  if (startsWith(bytes, OLE)) {
    if (containsUtf16(bytes, "EncryptionInfo") || containsUtf16(bytes, "EncryptedPackage")) {
      throw new InputError(`${name} is password-protected: remove the password in Excel (File > Info > Protect Workbook) and try again`);
    }
    throw new InputError(`${name} is not an Excel .xlsx file (it looks like an older .xls workbook: save it as .xlsx)`);
  }
  if (startsWith(bytes, EMPTY_ZIP)) throw new InputError(`${name} is corrupt: the zip package is empty`);
  if (startsWith(bytes, ZIP)) return;
  if (looksLikeText(bytes)) throw new InputError(`${name} is not an Excel .xlsx file (it looks like text)`);
  throw new InputError(`${name} is not an Excel .xlsx file (it is not a zip package)`);
}

/** The end-of-directory record sits in the last 64 KB + 22 bytes of every complete zip. */
function hasZipDirectory(buf: Buffer): boolean {
  const from = Math.max(0, buf.length - (65535 + 22));
  return buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= from;
}

/**
 * Throws when a zip is cut short or holds no xl/workbook.xml (a .docx, .pptx or plain zip renamed).
 * Zip entry names are stored uncompressed, so byte searches are enough.
 */
export function checkZipParts(bytes: Uint8Array, name: string): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!hasZipDirectory(buf)) throw new InputError(`${name} is corrupt: the zip package is incomplete (was the copy or download cut short?)`);
  if (buf.indexOf("xl/workbook.xml", 0, "latin1") < 0) {
    throw new InputError(`${name} is not an Excel .xlsx file (it is a zip package with no workbook in it)`);
  }
}

/** Entry names from the zip's central directory; empty when it cannot be walked (zip64, damage). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > buf.length) return [];
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return [];
    const nameLength = buf.readUInt16LE(at + 28);
    names.push(buf.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return names;
}

/** Parts of a workbook that ExcelJS does not read, so a written copy cannot keep them. */
const NOT_KEPT: [prefix: string, what: string][] = [
  ["xl/charts/chart", "charts"],
  ["xl/chartsheets/", "chart sheets"],
  ["xl/pivotTables/", "pivot tables"],
  ["xl/slicers/", "slicers"],
  ["xl/timelines/", "timelines"],
  ["xl/vbaProject.bin", "macros"],
];

/** What the input holds that the output will not ("charts (2)", "pivot tables (1)"), to tell the user. */
export function partsNotKept(bytes: Uint8Array): string[] {
  const names = zipEntryNames(bytes);
  return NOT_KEPT.flatMap(([prefix, what]) => {
    const n = names.filter((name) => name.startsWith(prefix) && !name.endsWith("/") && !name.includes("/_rels/")).length;
    return n > 0 ? [`${what} (${n})`] : [];
  });
}
