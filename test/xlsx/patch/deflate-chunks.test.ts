// Our parts deflated as independent pieces joined by sync flushes: whatever mix of text and buffers
// the writers hand over (small strings, whole pieces taken without a copy, pieces bigger than one),
// the stream inflates to exactly those bytes, with their CRC-32 and size.
import { crc32, inflateRawSync } from "zlib";
import { deflatePieces, PIECE, type DeflateCount } from "../../../src/xlsx/patch/deflate-chunks";

async function roundTrip(pieces: (string | Buffer)[]): Promise<{ inflated: Buffer; count: DeflateCount }> {
  const count: DeflateCount = { crc32: 0, uncompressedSize: 0 };
  const out: Buffer[] = [];
  for await (const chunk of deflatePieces(pieces, 1, count)) out.push(chunk as Buffer);
  return { inflated: inflateRawSync(Buffer.concat(out)), count };
}

function bytes(n: number, seed: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = 32 + ((i * 7 + seed * 13 + (i >> 5)) % 90);
  return b;
}

describe("deflatePieces", () => {
  test.each([
    ["nothing", []],
    ["small text only", ["<a>", "é ☃", "</a>"]],
    ["a whole piece taken as it is, between text", ["<head>", bytes(PIECE, 1), "<tail/>"]],
    ["pieces of at least half a piece after a full batch", [bytes(PIECE / 2, 2), bytes(PIECE - 3, 3), bytes(10, 4), bytes(PIECE / 2 + 1, 5)]],
    ["a buffer bigger than a piece", [bytes(2 * PIECE + 17, 6), "x"]],
  ])("%s inflates to the bytes handed over", async (_name, pieces) => {
    const want = Buffer.concat(pieces.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : p)));
    const { inflated, count } = await roundTrip(pieces as (string | Buffer)[]);
    expect(inflated.equals(want)).toBe(true);
    expect(count).toEqual({ crc32: crc32(want), uncompressedSize: want.length });
  });
});
