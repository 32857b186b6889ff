// readXlsx refuses files that are not .xlsx workbooks with one plain line naming the file.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { InputError, readXlsx } from "../../src/xlsx";

const dir = mkdtempSync(join(tmpdir(), "rag-inputs-"));

function file(name: string, bytes: Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

function ole(streamName?: string): Buffer {
  const b = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  if (streamName) Buffer.from(streamName, "utf16le").copy(b, 1024);
  return b;
}

function randomBytes(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x & 0xff;
  }
  b[0] = 0x00; // never a text file by accident
  return b;
}

const endOfDirectory = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
// A zip whose directory is cut off: the signature is right, the rest is missing.
const truncatedZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("xl/workbook.xml"), randomBytes(200)]);
// A zip with no parts an Office package must have (a plain zip renamed).
const docxLike = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("word/document.xml"), randomBytes(200), endOfDirectory]);
// Entry names and directory intact, compressed data scrambled.
const scrambled = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("xl/workbook.xml"), randomBytes(200), endOfDirectory]);

const cases: { rule: string; name: string; bytes: Buffer; message: string }[] = [
  { rule: "text file renamed .xlsx", name: "notes.xlsx", bytes: Buffer.from("Ref,Indicator,Target\nNI 020,Assault,5.76\n"), message: "notes.xlsx is not an Excel .xlsx file (it looks like text)" },
  { rule: "empty file", name: "empty.xlsx", bytes: Buffer.alloc(0), message: "empty.xlsx is not an Excel .xlsx file (it is empty)" },
  { rule: "random bytes", name: "noise.xlsx", bytes: randomBytes(4096), message: "noise.xlsx is not an Excel .xlsx file (it is not a zip package)" },
  { rule: "encrypted workbook (OLE with EncryptionInfo)", name: "locked.xlsx", bytes: ole("EncryptionInfo"), message: "locked.xlsx is password-protected" },
  { rule: "old .xls workbook (OLE without encryption)", name: "old.xlsx", bytes: ole("Workbook"), message: "old.xlsx is not an Excel .xlsx file (it looks like an older .xls workbook" },
  { rule: "zip that is no Office package", name: "letter.xlsx", bytes: docxLike, message: "letter.xlsx is corrupt: it has no [Content_Types].xml" },
  { rule: "truncated zip", name: "cut.xlsx", bytes: truncatedZip, message: "cut.xlsx is corrupt: the zip package is incomplete" },
  { rule: "zip with damaged contents", name: "broken.xlsx", bytes: scrambled, message: "broken.xlsx is corrupt: " },
];

describe("readXlsx input errors", () => {
  test.each(cases)("$rule", async ({ name, bytes, message }) => {
    const p = file(name, bytes);
    const err = await readXlsx(p, { name }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message.startsWith(message)).toBe(true);
    expect((err as Error).message).not.toContain("\n");
  });

  test("a real workbook with bytes damaged in the middle is corrupt", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tracker");
    for (let i = 1; i < 200; i++) ws.addRow([`NI ${i}`, i]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    for (let i = 600; i < 1400; i++) bytes[i] ^= 0x5a;
    await expect(readXlsx(bytes, { name: "damaged.xlsx" })).rejects.toThrow(/^damaged\.xlsx is corrupt: /);
  });

  test("an OpenDocument spreadsheet named .xlsx is said to be one, not called corrupt (helper-119)", async () => {
    const ods = join(__dirname, "..", "fixtures", "bad", "ods-renamed.xlsx");
    await expect(readXlsx(ods, { name: "ods-renamed.xlsx" })).rejects.toThrow("ods-renamed.xlsx is not an Excel .xlsx file (it is an OpenDocument file, as LibreOffice saves one: save it as .xlsx)");
  });

  test("a missing file names the path", async () => {
    await expect(readXlsx(join(dir, "nope.xlsx"), { name: "nope.xlsx" })).rejects.toThrow("nope.xlsx was not found");
  });

  test("bytes are checked the same way as files", async () => {
    await expect(readXlsx(Buffer.from("hello"), { name: "upload.xlsx" })).rejects.toThrow("upload.xlsx is not an Excel .xlsx file (it looks like text)");
  });
});
