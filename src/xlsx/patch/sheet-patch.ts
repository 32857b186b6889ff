// An officer's worksheet streamed through with our edits: the `s` attribute changes on the cells we
// colour, our owned column's cells are put into their rows (new cells and rows in order), and
// <dimension> and <cols> cover our column. Every other byte passes through as it came: shared
// formulas, conditional formats, data validations, extLst and whatever else the sheet holds.
//
// The XML is scanned as text, not parsed and re-serialised: only <row> and <c> start tags are
// looked into, and only in rows we change is a row held in memory.
import type { PlanStyle } from "../../engine/vocab/plan";
import { colToLetters, toA1 } from "../../engine/vocab/address";
import { cellXml } from "./cell-xml";
import type { CellEdit, SheetEdits } from "./sheet-edits";
import type { FormatKey } from "../../excel/saved";
import { columnFormats, columnPoints, patchHead } from "./sheet-head";
import { attrValue, elementAt, endsName, endTagAt, endTagOutside, removeAttr, setAttr, startTagAt, tagEnd, tagName } from "./xml-text";
import { localName } from "../package/xml";

/** Gives the cell format for "format `base` with these styles over it" (styles-append.ts). */
/** The cell format for `styles[0, count)` laid over format `base` (count: all of them). */
export type XfResolver = (base: number, styles: readonly PlanStyle[], count?: number) => number;

/** Format `backup` with the properties `keep` taken from format `current` where they differ (styles-append.ts xfKeeping). */
export type KeepResolver = (backup: number, current: number, keep: readonly FormatKey[]) => number;

/** Told each cell whose format the patch's styles change, with the format it had (its backup, record-backups.ts). */
export type FormatSeen = (row: number, col: number, xf: number) => void;

type Phase = "head" | "data" | "tail";

const DIGITS = /^\d+$/;

/** "AB12" → zero-based column; -1 when it is not a cell reference. */
function colOf(ref: string): number {
  return colAt(ref, 0);
}

/** colOf of the reference that starts at `text[from]`, read in place. */
function colAt(text: string, from: number): number {
  let col = 0;
  let i = from;
  for (; i < text.length; i++) {
    const ch = text.charCodeAt(i) & ~32;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  return i === from ? -1 : col - 1;
}

export class SheetPatcher {
  private phase: Phase = "head";
  private buffer = "";
  private pos = 0;
  /** Where the buffer's next "<!" (a comment or CDATA) is, at or after where it was last looked for; -1: not looked for. */
  private bang = -1;
  private rowIndex = 0;
  /** The row number (zero-based) of the last row in the input, for rows without r. */
  private lastInputRow = -1;
  private lastOutputRow = -1;
  private prefix = "";
  /** Formats whole columns give the cells the sheet does not hold (<cols style>). */
  private columnXf = new Map<number, number>();
  /** Cells written by the patch (new and changed), for the run's counts. */
  cellsWritten = 0;
  cellsStyled = 0;
  /** The widths in points the columns we size had before (for the record: Remove colours puts them back). */
  widthsBefore = new Map<number, number>();

  constructor(
    private readonly edits: SheetEdits,
    private readonly xfFor: XfResolver,
    private readonly sheetName = "",
    private readonly seen?: FormatSeen,
    private readonly keepFrom?: KeepResolver,
  ) {}

  /**
   * Takes the next piece of the sheet's XML and hands what can be written so far to `write`, piece by
   * piece: joined into one text, the pieces (slices of the input, a few per row) made a rope that took
   * longer to flatten for encoding than the whole patch took to make (0.55 s for 59 MB of rows).
   */
  push(text: string, write: (piece: string) => void): void {
    // Work through the buffer with a cursor: slicing it after every row would copy it again and again.
    this.buffer = this.pos > 0 ? this.buffer.slice(this.pos) + text : this.buffer + text;
    this.pos = 0;
    this.bang = -1;
    for (;;) {
      if (this.phase === "head") {
        // Not one inside a comment ("<!-- <sheetData/> -->" before it took our rows into the comment).
        const m = startTagAt(this.buffer, "sheetData");
        if (!m) return;
        const end = tagEnd(this.buffer, m.index);
        if (end < 0) return;
        this.prefix = m.prefix;
        this.columnXf = columnFormats(this.buffer.slice(0, m.index));
        this.widthsBefore = columnPoints(
          this.buffer.slice(0, m.index),
          this.edits.columnWidths.map((w) => w.col),
        );
        const open = this.buffer.slice(m.index, end);
        write(patchHead(this.buffer.slice(0, m.index), this.edits, this.prefix));
        this.pos = end;
        if (open.endsWith("/>")) {
          // An empty sheet: our rows are all new.
          write(`${open.slice(0, -2).trimEnd()}>${this.newRowsBefore(Infinity)}</${this.prefix}sheetData>`);
          this.phase = "tail";
        } else {
          write(open);
          this.phase = "data";
        }
      } else if (this.phase === "data") {
        const piece = this.dataStep();
        if (piece === undefined) return;
        if (piece) write(piece);
      } else {
        const rest = this.pos > 0 ? this.buffer.slice(this.pos) : this.buffer;
        if (rest) write(rest);
        this.buffer = "";
        this.pos = 0;
        return;
      }
    }
  }

  /** The rest, at the end of the part. */
  end(write: (piece: string) => void): void {
    this.push("", write);
    if (this.phase !== "tail") throw new Error(`the worksheet XML of "${this.sheetName}" ends inside <sheetData>`);
  }

  /** One step inside <sheetData>: text up to a row, a whole row, or the end tag. Undefined: needs more text. */
  private dataStep(): string | undefined {
    const b = this.buffer;
    const from = this.pos;
    if (from >= b.length) return undefined;
    const lt = b.indexOf("<", from);
    if (lt < 0) {
      this.pos = b.length;
      return b.slice(from);
    }
    if (lt > from) {
      this.pos = lt;
      return b.slice(from, lt);
    }
    if (b.startsWith("<!--", from)) return this.passThrough(b.indexOf("-->", from), 3);
    if (b.startsWith("<?", from)) return this.passThrough(b.indexOf("?>", from), 2);
    const end = tagEnd(b, from);
    if (end < 0) return undefined;
    const tag = b.slice(from, end);
    if (tag.startsWith("</")) {
      // </sheetData>
      this.pos = end;
      this.phase = "tail";
      return this.newRowsBefore(Infinity) + tag;
    }
    const name = tagName(b, from);
    if (localName(name) !== "row") return this.foreign(from);
    let rowEnd = end;
    if (!tag.endsWith("/>")) {
      // The row's own name closes it: a row may carry a prefix its <sheetData> does not.
      let close = endTagAt(b, name, end);
      if (close && this.bangBefore(end, close.start)) close = endTagOutside(b, name, end);
      if (!close) return undefined;
      rowEnd = close.end;
    }
    this.pos = rowEnd;
    return this.row(b, from, rowEnd, tag);
  }

  /** An element in <sheetData> that is not a row (no writer puts one there, but a file may): passed through whole. */
  private foreign(from: number): string | undefined {
    let end: number;
    try {
      end = elementAt(this.buffer, from).end;
    } catch {
      return undefined; // it ends in text still to come (end() reports a part that never ends it)
    }
    this.pos = end;
    return this.buffer.slice(from, end);
  }

  /**
   * Whether a comment or CDATA starts in the buffer between `from` and `to` (then a "</row>" may be inside
   * it). The next one's place is kept, so the buffer is looked through once a push, not once a row.
   */
  private bangBefore(from: number, to: number): boolean {
    if (this.bang !== Infinity && this.bang < from) {
      const at = this.buffer.indexOf("<!", from);
      this.bang = at < 0 ? Infinity : at;
    }
    return this.bang < to;
  }

  private passThrough(at: number, length: number): string | undefined {
    if (at < 0) return undefined;
    const piece = this.buffer.slice(this.pos, at + length);
    this.pos = at + length;
    return piece;
  }

  /** One input row, with any new rows that go before it. */
  private row(b: string, from: number, to: number, tag: string): string {
    const r = attrValue(tag, "r");
    const row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : this.lastInputRow + 1;
    this.lastInputRow = row;
    let out = this.newRowsBefore(row);
    if (this.edits.dropFrom !== undefined && row >= this.edits.dropFrom) return out;
    const edits = this.rowIndex < this.edits.rows.length && this.edits.rows[this.rowIndex].row === row ? this.edits.rows[this.rowIndex++].cells : undefined;
    // A row without r follows the row before it; if we have just put a row in between, it needs its number.
    const needsNumber = r === undefined && this.lastOutputRow !== row - 1;
    this.lastOutputRow = row;
    if (!edits) return out + (needsNumber ? setAttr(tag, "r", String(row + 1)) + b.slice(from + tag.length, to) : b.slice(from, to));
    out += this.patchRow(b.slice(from, to), needsNumber ? setAttr(tag, "r", String(row + 1)) : tag, tag.length, row, edits);
    return out;
  }

  /** New rows (rows the sheet does not have) before `row`. */
  private newRowsBefore(row: number): string {
    let out = "";
    const rows = this.edits.rows;
    while (this.rowIndex < rows.length && rows[this.rowIndex].row < row) {
      const { row: r, cells } = rows[this.rowIndex++];
      const xml = cells.map((e) => this.newCell(r, e)).join("");
      if (xml) {
        out += `<${this.prefix}row r="${r + 1}">${xml}</${this.prefix}row>`;
        this.lastOutputRow = r;
      }
    }
    return out;
  }

  /**
   * A cell the sheet does not have; "" when an empty value with no style would make nothing. Its format
   * until now was its row's (a row formatted whole: `rowXf`), else its column's, else the default.
   */
  private newCell(row: number, e: CellEdit, rowXf?: number): string {
    // A format given as it is is written even when it is the default: the row's or column's would show otherwise.
    if ((e.value === undefined || e.value === null) && e.styles.length === 0 && e.xf === undefined) return "";
    const base = rowXf ?? this.columnXf.get(e.col) ?? 0;
    const s = this.formatOf(e, base);
    if (e.styles.length && s !== base) this.seen?.(row, e.col, base);
    this.count(e);
    return cellXml(toA1(row, e.col), s, e.value ?? null, this.prefix);
  }

  private count(e: CellEdit): void {
    if (e.value !== undefined) this.cellsWritten++;
    if (e.styles.length) this.cellsStyled++;
  }

  /** A row we change: its cells in column order, ours among them. */
  private patchRow(rowXml: string, tag: string, tagLength: number, row: number, edits: CellEdit[]): string {
    const custom = attrValue(tag, "customFormat");
    const rowS = custom === "1" || custom === "true" ? attrValue(tag, "s") : undefined;
    const rowXf = rowS !== undefined && DIGITS.test(rowS) ? Number(rowS) : undefined;
    if (tag.endsWith("/>")) {
      const cells = edits.map((e) => this.newCell(row, e, rowXf)).join("");
      return `${this.widenSpans(tag.slice(0, -2).trimEnd() + ">", edits)}${cells}</${this.prefix}row>`;
    }
    const innerEnd = rowXml.lastIndexOf("</");
    const cOpen = `<${this.prefix}c`;
    // A comment or CDATA in the row (no writer we know puts one there) may hold what reads as an end tag.
    const special = rowXml.includes("<!");
    let out = this.widenSpans(tag, edits);
    let k = 0;
    let lastCol = -1;
    let inserted = false;
    // Bytes from `copied` on are copied as they are when the next change comes.
    let copied = tagLength;
    let i = tagLength;
    for (;;) {
      const lt = rowXml.indexOf("<", i);
      if (lt < 0 || lt >= innerEnd) break;
      if (rowXml.startsWith("<!--", lt)) {
        const at = rowXml.indexOf("-->", lt);
        if (at < 0) throw new Error(`the worksheet XML of "${this.sheetName}" has an unfinished comment in row ${row + 1}`);
        i = at + 3;
        continue;
      }
      const openEnd = tagEnd(rowXml, lt);
      // A cell is spelt as its sheetData's (`<c`), or rarely with a prefix of its own.
      const usualName = rowXml.startsWith(cOpen, lt) && endsName(rowXml.charCodeAt(lt + cOpen.length));
      const cName = usualName ? cOpen.slice(1) : tagName(rowXml, lt);
      const isCell = usualName || localName(cName) === "c";
      const selfClosing = rowXml[openEnd - 2] === "/";
      const close = selfClosing || !isCell ? undefined : special ? endTagOutside(rowXml, cName, openEnd) : endTagAt(rowXml, cName, openEnd);
      if (openEnd < 0 || (isCell && !selfClosing && !close)) throw new Error(`the worksheet XML of "${this.sheetName}" has an unfinished cell in row ${row + 1}`);
      const end = selfClosing ? openEnd : close ? close.end : elementAt(rowXml, lt).end;
      i = end;
      if (!isCell) {
        // extLst comes after the cells: our remaining cells go before it.
        if (k < edits.length) {
          out += rowXml.slice(copied, lt);
          while (k < edits.length) out += this.newCell(row, edits[k++], rowXf);
          copied = lt;
        }
        continue;
      }
      // Most cells are spelt `<c r="B7"…` and most are passed over: their column is read in place, with no tag text made.
      const afterName = lt + 1 + cName.length;
      const usual = rowXml.startsWith(' r="', afterName) && rowXml.charCodeAt(afterName + 4) !== 34;
      const ref = usual ? undefined : attrValue(rowXml.slice(lt, openEnd), "r");
      const hasRef = usual || !!ref;
      const col = usual ? colAt(rowXml, afterName + 4) : ref ? colOf(ref) : lastCol + 1;
      lastCol = col;
      const needsRef = !hasRef && inserted;
      if (!needsRef && (k >= edits.length || edits[k].col > col)) continue;
      const cTag = rowXml.slice(lt, openEnd);
      out += rowXml.slice(copied, lt);
      copied = end;
      while (k < edits.length && edits[k].col < col) {
        const made = this.newCell(row, edits[k++], rowXf);
        if (made) inserted = true;
        out += made;
      }
      const withRef = !hasRef && inserted ? setAttr(cTag, "r", toA1(row, col)) : cTag;
      if (k < edits.length && edits[k].col === col) out += this.changedCell(rowXml.slice(lt, end), withRef, cTag.length, row, edits[k++]);
      else out += withRef + rowXml.slice(openEnd, end);
    }
    out += rowXml.slice(copied, innerEnd);
    while (k < edits.length) out += this.newCell(row, edits[k++], rowXf);
    return out + rowXml.slice(innerEnd);
  }

  /** The cell format an edit gives a cell whose format is `base`. */
  private formatOf(e: CellEdit, base: number): number {
    if (e.xf === undefined) return e.styles.length ? this.xfFor(base, e.styles) : base;
    return e.keep?.length && this.keepFrom ? this.keepFrom(e.xf, base, e.keep) : e.xf;
  }

  /** A cell the sheet has: a new value replaces the whole cell; a style changes only its s. */
  private changedCell(xml: string, tag: string, tagLength: number, row: number, e: CellEdit): string {
    const style = attrValue(tag, "s");
    const base = style !== undefined && DIGITS.test(style) ? Number(style) : 0;
    const s = this.formatOf(e, base);
    // A cell our styles leave as it is shows our colours already (a workbook a build coloured before
    // builds kept a record): its format is not the officer's to back up.
    if (e.styles.length && s !== base) this.seen?.(row, e.col, base);
    this.count(e);
    if (e.value !== undefined) return cellXml(toA1(row, e.col), s, e.value, this.prefix);
    if (s === base) return tag + xml.slice(tagLength);
    return (s === 0 ? removeAttr(tag, "s") : setAttr(tag, "s", String(s))) + xml.slice(tagLength);
  }

  /** A row's spans (a hint of its first and last cell) widened to our cells. */
  private widenSpans(tag: string, edits: CellEdit[]): string {
    const spans = attrValue(tag, "spans");
    const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
    if (!m) return tag;
    const left = Math.min(Number(m[1]), edits[0].col + 1);
    const right = Math.max(Number(m[2]), edits[edits.length - 1].col + 1);
    return setAttr(tag, "spans", `${left}:${right}`);
  }
}

export { colOf, colToLetters };
