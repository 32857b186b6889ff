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
