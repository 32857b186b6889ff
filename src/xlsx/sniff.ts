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
