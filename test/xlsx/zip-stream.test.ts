// Streamed parts are inflated by our own inflater (larger pieces than yauzl's), so the size check yauzl
// made is ours to make: a part must inflate to exactly the size its zip entry declares.
import { crc32 } from "zlib";
import { ZipPackage } from "../../src/xlsx/package/zip-reader";
import { zipParts } from "./package-fixtures";

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;

/** The zip with every header's uncompressed size of its one entry changed by `delta`. */
function withDeclaredSize(zip: Buffer, delta: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === SIG_LOCAL) out.writeUInt32LE(out.readUInt32LE(i + 22) + delta, i + 22);
    if (sig === SIG_CENTRAL) out.writeUInt32LE(out.readUInt32LE(i + 24) + delta, i + 24);
  }
  return out;
}

async function readAll(pkg: ZipPackage, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await pkg.openStream(name)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

// Text that compresses well and holds no header signature by chance.
const body = Buffer.from(Array.from({ length: 60000 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`).join(""), "utf8");

describe("openStream", () => {
  test("a multi-megabyte part comes through whole, byte for byte", async () => {
    const pkg = await ZipPackage.open(await zipParts({ "part.xml": body }), "t.xlsx");
    const bytes = await readAll(pkg, "part.xml");
    pkg.close();
    expect(bytes.length).toBe(body.length);
    expect(crc32(bytes)).toBe(crc32(body));
  });

  test.each([
    ["more than declared (a zip bomb)", -10, /too many bytes in the stream. expected \d+/],
    ["less than declared (a cut entry)", 10, /not enough bytes in the stream. expected \d+/],
  ])("a part that inflates to %s fails", async (_what, delta, message) => {
    const pkg = await ZipPackage.open(withDeclaredSize(await zipParts({ "part.xml": body }), delta), "t.xlsx");
    await expect(readAll(pkg, "part.xml")).rejects.toThrow(message);
    pkg.close();
  });
});
