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

function advance(code: number): number {
  if (code >= 32 && code <= 126) return ARIAL[code - 32];
  return code >= 0x2000 ? SYMBOL : OTHER;
}

/** Width of text in pixels at 96 dpi. */
export function textPixels(text: string, font: Font = BODY_FONT): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) units += advance(text.charCodeAt(i));
  return (units / 1000) * font.size * (96 / 72) * (font.bold ? BOLD : 1);
}

/** Pixels of one column of `width` Excel units. */
export function columnPixels(width: number): number {
  return Math.trunc(width * DIGIT_PX + 0.5);
}

/** Points of columns of the given Excel widths side by side. */
export function columnsPoints(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + columnPixels(w) * 0.75, 0);
}

/** Lines one paragraph takes: words move to the next line whole; a word longer than a line is cut. */
function paragraphLines(text: string, room: number, font: Font): number {
  if (text === "") return 1;
  let lines = 1;
  let x = 0;
  let start = 0;
  // Words keep their trailing space or hyphen: Excel breaks after either.
  for (let i = 0; i <= text.length; i++) {
    const end = i === text.length || text[i] === " " || text[i] === "-";
    if (!end) continue;
    const word = text.slice(start, Math.min(text.length, i + 1));
    start = i + 1;
    if (word === "") continue;
    const ink = textPixels(word.replace(/ +$/, ""), font);
    const full = textPixels(word, font);
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
    for (const ch of word) {
      const w = textPixels(ch, font);
      if (x + w > room && x > 0) {
        lines++;
        x = 0;
      }
      x += w;
    }
  }
  return lines;
}

/** Lines `text` takes wrapped in columns of `widths` Excel units side by side (one merged cell), counting its own line breaks. */
export function wrappedLines(text: string, widths: readonly number[], font: Font = BODY_FONT): number {
  if (!text) return 1;
  const room = Math.max(1, widths.reduce((sum, w) => sum + columnPixels(w), 0) - CELL_MARGIN_PX);
  let lines = 0;
  for (const part of text.split("\n")) lines += paragraphLines(part, room, font);
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
