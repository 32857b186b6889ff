// How much room text and rows take when Excel prints the summary: lines of wrapped text in a column
// (word wrap simulated with Arial's character widths) and how many points of rows fit on an A4 page.
// Estimates only, slightly generous: a row a little too tall looks fine, one too short hides a line.

/** Arial advance widths (thousandths of an em) for ASCII 32–126; Liberation Sans has the same metrics. */
const ARIAL = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];
/** Symbols (★ ● ▲ ↑ –) come from fallback fonts and run wider than letters. */
const SYMBOL = 900;
const OTHER = 556; // accented letters and the like
const BOLD = 1.07;

/**
 * Excel's column width unit is the default font's digit (Calibri 11: 7 pixels). A width written to
 * the file shows as 7 pixels a unit; the add-in sets widths a little wider (charsToPoints adds 5
 * pixels). Estimates take the narrower: more lines of text, a larger print scale, fewer rows a page.
 */
const DIGIT_PX = 7;
/** Room the cell's own margins and gridline take from a column's text. */
const CELL_MARGIN_PX = 4;

export interface Font {
  size: number;
  bold?: boolean;
}

export const BODY_FONT: Font = { size: 10 };

/**
 * The advance of every UTF-16 unit, looked up rather than branched on: the summary measures millions of
 * characters. Filled by ranges (a callback per unit took 30 ms of every run's start).
 */
const ADVANCE = new Uint16Array(0x10000);
ADVANCE.fill(OTHER, 0, 0x2000);
ADVANCE.fill(SYMBOL, 0x2000);
ADVANCE.set(ARIAL, 32);
const advance = (code: number): number => ADVANCE[code];
/** The narrowest and widest advances: bounds on a text's width from its length alone. */
const NARROWEST = Math.min(...ARIAL, OTHER, SYMBOL);
const WIDEST = Math.max(...ARIAL, OTHER, SYMBOL);

/** Pixels of `units` thousandths of an em: the one formula, so sums of pieces match textPixels exactly. */
function unitsPixels(units: number, font: Font): number {
  return (units / 1000) * font.size * (96 / 72) * (font.bold ? BOLD : 1);
}

/** Advance units of text[from, to). */
function unitsOf(text: string, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) units += advance(text.charCodeAt(i));
  return units;
}

/** Width of text in pixels at 96 dpi. */
export function textPixels(text: string, font: Font = BODY_FONT): number {
  return unitsPixels(unitsOf(text, 0, text.length), font);
}

/** Pixels of one column of `width` Excel units. */
export function columnPixels(width: number): number {
  return Math.trunc(width * DIGIT_PX + 0.5);
}

/** The column width (Excel units) whose text room holds `pixels` on one line. */
export function unitsForPixels(pixels: number): number {
  return (pixels + CELL_MARGIN_PX) / DIGIT_PX;
}

/** Points of columns of the given Excel widths side by side. */
export function columnsPoints(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + columnPixels(w) * 0.75, 0);
}

const SPACE = 32;
const HYPHEN = 45;

/**
 * Lines one paragraph, text[from, to), takes: words move to the next line whole; a word longer than
 * a line is cut. Works on character codes in place (no slices): the summary measures every row.
 */
function paragraphLines(text: string, from: number, to: number, room: number, font: Font): number {
  if (from === to) return 1;
  let lines = 1;
  let x = 0;
  let start = from;
  // Words keep their trailing space or hyphen: Excel breaks after either.
  for (let i = from; i <= to; i++) {
    const code = i === to ? -1 : text.charCodeAt(i);
    if (code !== -1 && code !== SPACE && code !== HYPHEN) continue;
    const wordEnd = Math.min(to, i + 1);
    const wordStart = start;
    start = i + 1;
    if (wordEnd <= wordStart) continue;
    // Ink leaves out the trailing spaces a line may end with.
    let inkEnd = wordEnd;
    while (inkEnd > wordStart && text.charCodeAt(inkEnd - 1) === SPACE) inkEnd--;
    const inkUnits = unitsOf(text, wordStart, inkEnd);
    const ink = unitsPixels(inkUnits, font);
    const full = unitsPixels(inkUnits + unitsOf(text, inkEnd, wordEnd), font);
    if (x + ink <= room) {
      x += full;
      continue;
    }
    if (x > 0) {
      lines++;
      x = 0;
    }
    if (ink <= room) {
      x = full;
      continue;
    }
    // Cut character by character (a surrogate pair is one character, as `for…of` reads it).
    for (let j = wordStart; j < wordEnd; j++) {
      const c = text.charCodeAt(j);
      let units = advance(c);
      if (c >= 0xd800 && c <= 0xdbff && j + 1 < wordEnd) {
        const next = text.charCodeAt(j + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          units += advance(next);
          j++;
        }
      }
      const w = unitsPixels(units, font);
      if (x + w > room && x > 0) {
        lines++;
        x = 0;
      }
      x += w;
    }
  }
  return lines;
}

/** Lines already worked out, by room and font, then text: a summary repeats the same texts row after row. */
const measured = new Map<number, Map<string, number>>();
/** Texts remembered per room and font before that memo starts again (bounds memory on huge workbooks). */
const MEASURED_LIMIT = 50_000;
/** Far more than the rounding of a sum of word widths can differ from the width of the whole. */
const ROUNDING_SLACK = 0.01;

/** Pixels for text in columns of `widths` Excel units side by side (one merged cell): theirs less the cell's margins. */
export function textRoom(widths: readonly number[]): number {
  let px = 0;
  for (let i = 0; i < widths.length; i++) px += columnPixels(widths[i]);
  return Math.max(1, px - CELL_MARGIN_PX);
}

/** The most pixels a text of this length can take on one line, in the widest letters: where a room holds that, it fits. */
export function mostPixels(length: number, font: Font = BODY_FONT): number {
  return unitsPixels(length * WIDEST, font);
}

/**
 * Pixels of each paragraph of a text, on one line. Past `sample` characters a paragraph's width is
 * its first characters' scaled to its length: an estimate, for a paragraph far too long for one line.
 */
export function paragraphPixels(text: string, font: Font = BODY_FONT, sample = Infinity): number[] {
  const out: number[] = [];
  let from = 0;
  for (;;) {
    const nl = text.indexOf("\n", from);
    const to = nl < 0 ? text.length : nl;
    const n = to - from;
    out.push(n <= sample ? unitsPixels(unitsOf(text, from, to), font) : (unitsPixels(unitsOf(text, from, from + sample), font) * n) / sample);
    if (nl < 0) return out;
    from = nl + 1;
  }
}

/** Lines `text` takes wrapped in columns of `widths` Excel units side by side (one merged cell), counting its own line breaks. */
export function wrappedLines(text: string, widths: readonly number[], font: Font = BODY_FONT): number {
  if (!text) return 1;
  const room = textRoom(widths);
  // Most cells fit on one line: one line, when the whole text (no line break) fits with room to spare.
  // Its length alone often settles that: too short to fill the room even in the widest letters, or
  // too long to fit even in the narrowest (then only the memo or the wrapping below can tell).
  const n = text.length;
  if (unitsPixels(n * WIDEST, font) < room - ROUNDING_SLACK) {
    if (text.indexOf("\n") < 0) return 1;
  } else if (unitsPixels(n * NARROWEST, font) < room - ROUNDING_SLACK) {
    let units = 0;
    let breaks = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        breaks = true;
        break;
      }
      units += ADVANCE[c];
    }
    if (!breaks && unitsPixels(units, font) < room - ROUNDING_SLACK) return 1;
  }
  const key = (room * 1024 + font.size * 8) * 2 + (font.bold ? 1 : 0);
  let memo = measured.get(key);
  if (!memo) measured.set(key, (memo = new Map()));
  const known = memo.get(text);
  if (known !== undefined) return known;
  const lines = linesOf(text, room, font);
  if (memo.size >= MEASURED_LIMIT) memo.clear();
  memo.set(text, lines);
  return lines;
}

/** Lines of text wrapped in `room` pixels, paragraph by paragraph. */
function linesOf(text: string, room: number, font: Font): number {
  let lines = 0;
  let from = 0;
  for (;;) {
    const nl = text.indexOf("\n", from);
    const to = nl < 0 ? text.length : nl;
    lines += paragraphLines(text, from, to, room, font);
    if (nl < 0) break;
    from = nl + 1;
  }
  return lines;
}

/** Points a row needs for `lines` lines of wrapped text: Arial 10 sets about 11.5pt a line in Excel. */
export function linesHeight(lines: number, font: Font = BODY_FONT): number {
  return Math.ceil(lines * font.size * 1.2 + 3);
}

/** A4 landscape in points, less Excel's normal margins (0.7" each side, 0.75" top and bottom). */
const PAGE = { width: 842 - 2 * 0.7 * 72, height: 595 - 2 * 0.75 * 72 };
/** Kept back for what the estimate misses (a printer's own rounding, a row a little taller). */
const PAGE_SAFETY = 8;
/** Excel's height for a row with no height of its own (the default Calibri 11). */
export const DEFAULT_ROW_HEIGHT = 15;

/**
 * Points of sheet rows that fit on one printed page when the sheet is fitted to one page wide:
 * Excel scales the page by a whole percent so the columns fit the printable width.
 */
export function pageCapacity(widths: readonly number[]): number {
  const total = columnsPoints(widths);
  const scale = total > PAGE.width ? Math.floor((PAGE.width / total) * 100) / 100 : 1;
  return (PAGE.height - PAGE_SAFETY) / scale;
}
