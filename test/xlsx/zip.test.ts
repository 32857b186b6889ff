// The zip writer behind writeXlsx: what it writes, any zip reader reads back, byte for byte.
import { closeSync, mkdtempSync, openSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import JSZip from "jszip";
import { crc32, ZipFile } from "../../src/xlsx/zip";

const dir = mkdtempSync(join(tmpdir(), "rag-zip-"));

function writeZip(name: string, fill: (zip: ZipFile) => void): Buffer {
  const path = join(dir, name);
  const fd = openSync(path, "w");
  try {
    const zip = new ZipFile(fd);
    fill(zip);
    zip.finish();
  } finally {
    closeSync(fd);
  }
  return readFileSync(path);
}

/** About 3 MB of text with two-byte and four-byte characters: several deflate chunks. */
function bigText(): string {
  const lines: string[] = [];
  for (let i = 0; i < 60000; i++) lines.push(`<row r="${i + 1}"><c t="s"><v>Priority ${i % 97} – “quoted” ● ${i * 7919} 🟢</v></c></row>`);
  return lines.join("\n");
}

test("crc32 is the zip checksum", () => {
  expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  expect(crc32(Buffer.from("6789"), crc32(Buffer.from("12345")))).toBe(0xcbf43926);
  expect(crc32(Buffer.alloc(0))).toBe(0);
});

describe("ZipFile", () => {
  const big = bigText();
  let bytes: Buffer;
  let zip: JSZip;

  beforeAll(async () => {
    bytes = writeZip("parts.zip", (z) => {
      z.add("[Content_Types].xml", "<Types/>");
      z.add("xl/empty.xml", "");
      const entry = z.entry("xl/worksheets/sheet1.xml");
      // Written in pieces of every size, as the XML streams hand it over.
      for (let at = 0, step = 1; at < big.length; at += step, step = (step * 7) % 100003) entry.write(big.slice(at, at + step));
      entry.end();
      z.add("xl/media/image1.png", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 255]));
    });
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  });

  test("entries come back whole, in order, checksums checked", async () => {
    expect(Object.keys(zip.files)).toEqual(["[Content_Types].xml", "xl/empty.xml", "xl/worksheets/sheet1.xml", "xl/media/image1.png"]);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toBe("<Types/>");
    expect(await zip.file("xl/empty.xml")!.async("string")).toBe("");
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(big);
    expect([...(await zip.file("xl/media/image1.png")!.async("uint8array"))]).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 255]);
  });

  test("text is compressed", () => {
    expect(bytes.length).toBeLessThan(Buffer.byteLength(big) / 5);
  });

  test("the same entries give the same bytes", () => {
    const again = writeZip("parts-again.zip", (z) => {
      z.add("[Content_Types].xml", "<Types/>");
      z.add("xl/empty.xml", "");
      z.add("xl/worksheets/sheet1.xml", big);
      z.add("xl/media/image1.png", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 255]));
    });
    const once = writeZip("parts-once.zip", (z) => {
      z.add("[Content_Types].xml", "<Types/>");
      z.add("xl/empty.xml", "");
      z.add("xl/worksheets/sheet1.xml", big);
      z.add("xl/media/image1.png", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 255]));
    });
    expect(again.equals(once)).toBe(true);
  });

  test("an entry must end before the next starts", () => {
    expect(() =>
      writeZip("open.zip", (z) => {
        z.entry("a.xml").write("<a/>");
        z.entry("b.xml");
      }),
    ).toThrow("not ended");
  });
});
