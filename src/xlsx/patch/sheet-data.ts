// The <sheetData> rows of one of our sheets, written as bytes (byte-sink.ts): at 100,000 rows the
// summary's 2 million cells are never strings, only bytes in a few reused-size buffers.
import { asciiBytes, ByteSink } from "./byte-sink";
import { PIECE } from "./deflate-chunks";
import { writeCell } from "./cell-xml";
import type { PlanCells } from "./plan-cells";
import type { XfResolver } from "./sheet-patch";

export function heightText(h: number): string {
  return String(Math.round(h * 100) / 100);
}

const ROW_OPEN = asciiBytes('<row r="');
const ROW_CLOSE = asciiBytes("</row>");
const NO_HEIGHT = asciiBytes('">');

/** The rows inside <sheetData>, a chunk of bytes at a time. */
export function* sheetDataBytes(cells: PlanCells, xfFor: XfResolver): Generator<Buffer> {
  // Whole deflate pieces: deflate-chunks.ts takes each as it is instead of copying it into its own.
  const sink = new ByteSink(PIECE);
  // A summary's rows come in a few heights: each one's attributes made once, as bytes.
  const heights = new Map<number, Uint8Array>();
  for (const { row, cells: rowCells, height } of cells.rows()) {
    const rowText = String(row + 1);
    sink.bytes(ROW_OPEN);
    sink.ascii(rowText);
    if (height === undefined) sink.bytes(NO_HEIGHT);
    else {
      let tail = heights.get(height);
      if (tail === undefined) heights.set(height, (tail = asciiBytes(`" ht="${heightText(height)}" customHeight="1">`)));
      sink.bytes(tail);
    }
    for (const c of rowCells) writeCell(sink, c.col, rowText, c.styleCount ? xfFor(0, c.styles, c.styleCount) : 0, c.value);
    sink.bytes(ROW_CLOSE);
    if (sink.ready) yield* sink.takeFull();
  }
  yield* sink.take();
}
