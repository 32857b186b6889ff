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

/** The zip with every header's CRC-32 of its one entry changed (the bytes as they were). */
function withDeclaredCrc(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === SIG_LOCAL) out.writeUInt32LE(out.readUInt32LE(i + 14) ^ 0xffff, i + 14);
    if (sig === SIG_CENTRAL) out.writeUInt32LE(out.readUInt32LE(i + 16) ^ 0xffff, i + 16);
  }
  return out;
}

// helper-69: yauzl checks no CRC, so a damaged part was read, or copied out, with exit 0.
describe("a part whose bytes do not match its CRC-32", () => {
  test.each([
    ["deflated", true],
    ["stored", false],
  ])("%s: read whole or streamed, it fails saying so", async (_how, compress) => {
    const pkg = await ZipPackage.open(withDeclaredCrc(await zipParts({ "part.xml": body }, { compress })), "t.xlsx");
    await expect(readAll(pkg, "part.xml")).rejects.toThrow(/CRC-32/);
    await expect(pkg.readText("part.xml")).rejects.toThrow(/t\.xlsx is corrupt: part\.xml cannot be unzipped \(its bytes do not match their CRC-32/);
    pkg.close();
  });

  test("copied as stored, its bytes pass unchanged and the stream fails at the end; a sound part copies clean", async () => {
    const drain = async (pkg: ZipPackage): Promise<Buffer> => {
      const chunks: Buffer[] = [];
      for await (const c of await pkg.openRaw("part.xml")) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    };
    for (const compress of [true, false]) {
      const bad = await ZipPackage.open(withDeclaredCrc(await zipParts({ "part.xml": body }, { compress })), "t.xlsx");
      await expect(drain(bad)).rejects.toThrow(/part\.xml cannot be unzipped \(its bytes do not match their CRC-32/);
      bad.close();
    }
    const good = await ZipPackage.open(await zipParts({ "part.xml": body }), "t.xlsx");
    const copied = await drain(good);
    good.close();
    expect(copied.length).toBeGreaterThan(0);
    expect(copied.length).toBeLessThan(body.length);
  });
});
