// The output zip: entries copied with their compressed bytes as stored, and parts we make, read back
// by two independent readers (yauzl through the package layer, and JSZip, which checks every CRC).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import JSZip from "jszip";
import { ZipPackage } from "../../../src/xlsx/package/zip-reader";
import { canCopyRaw } from "../../../src/xlsx/patch/raw-copy";
import { PackageZipWriter } from "../../../src/xlsx/patch/zip-writer";
import { removeQuietly } from "../../../src/xlsx/build-package";

const dir = mkdtempSync(join(tmpdir(), "rag-zip-"));

async function makeInput(path: string, parts: Record<string, string>): Promise<void> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text, { compression: name.endsWith(".bin") ? "STORE" : "DEFLATE" });
  const bytes = await zip.generateAsync({ type: "nodebuffer" });
  writeFileSync(path, bytes);
}

describe("PackageZipWriter", () => {
  test("yazl still lets compressed bytes through as they are", () => {
    expect(canCopyRaw()).toBe(true);
  });

  test("copied entries keep their compressed bytes; made parts stream in; all CRCs check", async () => {
    const input = join(dir, "in.zip");
    const big = Array.from({ length: 20000 }, (_, i) => `<row r="${i}">é ${i}</row>`).join("");
    await makeInput(input, { "[Content_Types].xml": "<Types/>", "xl/big.xml": big, "xl/vbaProject.bin": "\u0001\u0002binary" });
    const pkg = await ZipPackage.open(input);
    const output = join(dir, "out.zip");
    const writer = new PackageZipWriter(output);
    writer.addBuffer("[Content_Types].xml", Buffer.from("<Types>changed</Types>"));
    for (const name of ["xl/big.xml", "xl/vbaProject.bin"]) {
      const info = pkg.info(name)!;
      writer.addRaw({ name, method: info.compressionMethod, crc32: info.crc32, compressedSize: info.compressedSize, uncompressedSize: info.uncompressedSize, mtime: info.lastModified, open: () => (info.compressionMethod === 0 ? pkg.openStream(name) : pkg.openRaw(name)) });
    }
    writer.addText("xl/made.xml", function* () {
      for (let i = 0; i < 1000; i++) yield `<p>${i}</p>`;
    });
    await writer.finish();
    pkg.close();

    const zip = await JSZip.loadAsync(readFileSync(output), { checkCRC32: true });
    expect(await zip.file("xl/big.xml")!.async("string")).toBe(big);
    expect(await zip.file("xl/vbaProject.bin")!.async("string")).toBe("\u0001\u0002binary");
    expect(await zip.file("[Content_Types].xml")!.async("string")).toBe("<Types>changed</Types>");
    expect((await zip.file("xl/made.xml")!.async("string")).length).toBe(Array.from({ length: 1000 }, (_, i) => `<p>${i}</p>`).join("").length);

    // The deflated bytes in the output are the input's own.
    const out = await ZipPackage.open(output);
    const raw = async (p: ZipPackage, name: string) => {
      const chunks: Buffer[] = [];
      for await (const c of await p.openRaw(name)) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    };
    const again = await ZipPackage.open(input);
    expect((await raw(out, "xl/big.xml")).equals(await raw(again, "xl/big.xml"))).toBe(true);
    expect(out.info("xl/big.xml")!.compressionMethod).toBe(8);
    out.close();
    again.close();
  });

  test("an output folder that does not exist is an error from finish", async () => {
    const writer = new PackageZipWriter(join(dir, "missing", "out.zip"));
    writer.addBuffer("a.xml", Buffer.from("a"));
    await expect(writer.finish()).rejects.toThrow(/ENOENT/);
  });
});

// helper-69: a build that failed while queuing its first parts removed its temporary file before the
// write stream had opened it; the stream then made it, and it was left beside the output.
test("stopped at once, the writer's file is closed before abort() resolves, so removing it leaves nothing", async () => {
  const here = mkdtempSync(join(tmpdir(), "rag-abort-"));
  const temp = join(here, ".out.xlsx.1.tmp");
  const writer = new PackageZipWriter(temp);
  await writer.abort();
  removeQuietly(temp);
  await new Promise((r) => setTimeout(r, 50));
  expect(readdirSync(here)).toEqual([]);
});
