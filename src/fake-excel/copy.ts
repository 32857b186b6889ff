// Range.copyFrom(source, "Formats") (ExcelApi 1.9): every format of the source cells (theme colours,
// tints, patterns and automatic colours included, which getCellProperties cannot express), their number
// formats and merged areas, pasted onto the destination as Paste Special > Formats does.
// Documented rules kept: a multi-area source must be a rectangle with whole rows or columns removed;
// a destination smaller than the source grows to the source's size, and one an exact multiple of it
// repeats it. A merged area cut by the source or the destination is refused, as Excel refuses it.
import type { CellRange } from "../engine/vocab/types";
import { parseAddressList } from "../excel/a1";
import { guard } from "./cells";
import { FakeOfficeError } from "./errors";
import type { CellFormat, SheetState, WorkbookState } from "./state";

export interface CopySource {
  sheet: SheetState;
  rects: CellRange[];
}

interface SourceCell {
  fmt: CellFormat;
  nf: string;
}

const height = (r: CellRange): number => r.bottom - r.top + 1;
const width = (r: CellRange): number => r.right - r.left + 1;

/** Split "'Q3, final'!A1:B2,A5:B6" into its sheet (unquoted) and areas, minding quotes. */
function splitAddress(address: string): { sheet?: string; areas: string[] } | undefined {
  let sheet: string | undefined;
  let rest = address;
  if (rest.startsWith("'")) {
    let i = 1;
    let name = "";
    for (; i < rest.length; i++) {
      if (rest[i] === "'" && rest[i + 1] === "'") {
        name += "'";
        i++;
      } else if (rest[i] === "'") break;
      else name += rest[i];
    }
    if (rest[i + 1] !== "!") return undefined;
    sheet = name;
    rest = rest.slice(i + 2);
  } else if (rest.includes("!")) {
    sheet = rest.slice(0, rest.indexOf("!"));
    rest = rest.slice(rest.indexOf("!") + 1);
  }
  return { sheet, areas: rest.split(",") };
}

/** A source given as "Sheet!A1:B2" (or a list of areas on one sheet). */
export function sourceFromAddress(wb: WorkbookState, address: string, fallback: SheetState): CopySource {
  const parts = splitAddress(address);
  const rects = parts && parseAddressList(parts.areas.join(","));
  if (!parts || !rects || parts.areas.some((a) => a.includes("!"))) {
    throw new FakeOfficeError("InvalidArgument", `The source address ${JSON.stringify(address)} is not valid.`, "Range.copyFrom");
  }
  const sheet = parts.sheet === undefined ? fallback : wb.find(parts.sheet);
  if (!sheet) throw new FakeOfficeError("ItemNotFound", `The source sheet '${parts.sheet}' doesn't exist.`, "Range.copyFrom");
  return { sheet, rects };
}

/** The source cells as one grid: areas stacked (whole columns removed) or side by side (whole rows removed). */
function sourceGrid(src: CopySource): SourceCell[][] {
  const { rects } = src;
  const sameCols = rects.every((r) => r.left === rects[0].left && r.right === rects[0].right);
  const sameRows = rects.every((r) => r.top === rects[0].top && r.bottom === rects[0].bottom);
  if (rects.length > 1 && !sameCols && !sameRows) {
    throw new FakeOfficeError("InvalidArgument", "A multi-area source must be a rectangle with whole rows or columns removed.", "Range.copyFrom");
  }
  const read = (r: CellRange): SourceCell[][] => {
    const out: SourceCell[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: SourceCell[] = [];
      for (let col = r.left; col <= r.right; col++) {
        const c = src.sheet.cell(row, col);
        line.push({ fmt: c.fmt, nf: c.nf });
      }
      out.push(line);
    }
    return out;
  };
  const parts = [...rects].sort((a, b) => (sameCols && rects.length > 1 ? a.top - b.top : a.left - b.left)).map(read);
  if (rects.length === 1 || sameCols) return parts.flat();
  return parts[0].map((_, i) => parts.flatMap((p) => p[i]));
}

function cutsMerge(sheet: SheetState, rect: CellRange): boolean {
  return sheet.merges.overlapping(rect).some((m) => m.top < rect.top || m.bottom > rect.bottom || m.left < rect.left || m.right > rect.right);
}

export function copyFormats(src: CopySource, dest: SheetState, at: CellRange): void {
  guard(dest);
  for (const r of src.rects) if (cutsMerge(src.sheet, r)) throw new FakeOfficeError("InvalidOperation", "Cannot copy part of a merged cell.", "Range.copyFrom");
  const grid = sourceGrid(src);
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  if (!rows || !cols) return;
  // Grows to the source's size; repeats when an exact multiple of it.
  const repeatRows = height(at) >= rows && height(at) % rows === 0 ? height(at) / rows : 1;
  const repeatCols = width(at) >= cols && width(at) % cols === 0 ? width(at) / cols : 1;
  const target: CellRange = { top: at.top, left: at.left, bottom: at.top + rows * repeatRows - 1, right: at.left + cols * repeatCols - 1 };
  if (cutsMerge(dest, target)) throw new FakeOfficeError("InvalidOperation", "Cannot change part of a merged cell.", "Range.copyFrom");
  // Merged areas inside a single-area source travel with its formats; those in the target go.
  const carried = src.rects.length === 1 ? src.sheet.merges.overlapping(src.rects[0]) : [];
  for (const m of dest.merges.overlapping(target)) dest.merges.delete(m);
  for (let i = 0; i < rows * repeatRows; i++) {
    for (let j = 0; j < cols * repeatCols; j++) {
      const s = grid[i % rows][j % cols];
      dest.update(target.top + i, target.left + j, (c) => ({ ...c, nf: s.nf, fmt: s.fmt }));
    }
  }
  for (let a = 0; a < repeatRows; a++) {
    for (let b = 0; b < repeatCols; b++) {
      for (const m of carried) {
        const dr = target.top + a * rows - src.rects[0].top;
        const dc = target.left + b * cols - src.rects[0].left;
        dest.merges.add({ top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc });
      }
    }
  }
}
