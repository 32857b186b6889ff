// Our sheets' cells written as bytes must be exactly cellXml's text, encoded: the fast path for text
// with nothing to escape and the general path agree on every string.
import fc from "fast-check";
import { ByteSink } from "../../../src/xlsx/patch/byte-sink";
import { cellXml, writeCell } from "../../../src/xlsx/patch/cell-xml";

function written(text: string, chunk?: number): string {
  const sink = new ByteSink(chunk);
  writeCell(sink, 2, "7", 5, text);
  return Buffer.concat(sink.take()).toString("utf8");
}

const expected = (text: string): string => cellXml("C7", 5, text);

/** Any UTF-16 unit (lone surrogates included), any code point, and the pieces the escaping cares about. */
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  fc.constantFrom("_x0041_", "_x", " ", "\u00a0", "\r", "\n", "&", "<", "a", "Z"),
);
const anyText = fc.oneof(fc.string(), fc.string({ unit }));

describe("ByteSink.cellT", () => {
  test.each([
    ["plain ASCII", "Households in temporary accommodation"],
    ["non-ASCII with nothing to escape", "▲ Off target — £1,200"],
    ["markup", "A < B & C > D"],
    ["a literal escape sequence", "_x0041_ stays literal"],
    ["an underscore and x that is no escape", "max_x"],
    ["edge spaces", " padded "],
    ["a non-breaking space at the edge", "\u00a0100"],
    ["line breaks and a carriage return", "line one\r\nline two"],
    ["a tab", "a\tb"],
    ["a control character", "bell\u0007"],
    ["an emoji (a surrogate pair)", "✓ done 👍"],
    ["a lone surrogate", "broken \ud800 text"],
    ["U+FFFE", "odd \ufffe"],
    ["the empty string", ""],
  ])("%s", (_name, text) => {
    expect(written(text)).toBe(expected(text));
  });

  test("any string, in a sink small enough to fill", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(written(text, 16)).toBe(expected(text));
      }),
      { numRuns: 2000, seed: 20261204 },
    );
  });
});

describe("ByteSink.cellTIn (texts a column repeats, copied as first written)", () => {
  /** The bytes written, and where the sink's buffers ended (each becomes a deflated piece: the zip's bytes depend on them). */
  const bytesOf = (write: (sink: ByteSink) => void, chunk?: number): string => {
    const sink = new ByteSink(chunk);
    write(sink);
    const buffers = sink.take();
    return `${buffers.map((b) => b.length).join(",")}: ${Buffer.concat(buffers).toString("utf8")}`;
  };
  /** A few texts, so columns repeat them; some need escaping; one is longer than a column remembers. */
  const repeated = fc.constantFrom("On target", "▲ Off target", "Q3 2010/11", " edge ", "A & B", "_x0041_", "✓ 👍", "\ud800", "x".repeat(80), "");

  test("writes exactly what cellT writes, in buffers that end where cellT's do, text after text, in any column, in a sink small enough to fill", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.oneof(repeated, anyText)), { maxLength: 60 }), fc.constantFrom(16, 64, 1024), (cells, chunk) => {
        const viaColumns = bytesOf((sink) => cells.forEach(([col, text]) => sink.cellTIn(col, text)), chunk);
        const plain = bytesOf((sink) => cells.forEach(([, text]) => sink.cellT(text)), chunk);
        expect(viaColumns).toBe(plain);
      }),
      { numRuns: 1000, seed: 20261205 },
    );
  });

  test("a column showing more different texts than it remembers goes on writing them right", () => {
    const texts = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? "Indicator" : `Name ${i % 97} & co`));
    expect(bytesOf((sink) => texts.forEach((t) => sink.cellTIn(1, t)), 64)).toBe(bytesOf((sink) => texts.forEach((t) => sink.cellT(t)), 64));
  });
});
