// Number formats from xl/styles.xml: the format code of each cell format (cellXfs index, a cell's `s`),
// and whether it shows a date. Built-in format ids are mapped to their codes as ExcelJS maps them, and
// a number is read as a date by ExcelJS's rule, so the engine sees the grids it saw before.
import type { ZipPackage } from "./zip-reader";
import { attr, parseXml } from "./xml";

/** Format codes of the built-in ids (ECMA-376 §18.8.30, en-GB/US; as ExcelJS's defaultnumformats). */
export const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

export const GENERAL = "General";

/**
 * Does a number in this format read as a date or time? Any of y m d h s b outside quotes, brackets and
 * literal characters: an escaped one ("0.0\m", LibreOffice's way of writing 0.0"m"), a space's width
 * ("_m") or a fill ("*d") is text shown beside the figure, not a date code.
 */
export function readsAsDate(code: string): boolean {
  if (!code) return false;
  const bare = code.replace(/"[^"]*"/g, "").replace(/\\.|_.|\*./g, "").replace(/\[[^\]]*]/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** The cell formats of a workbook, by a cell's `s` index. */
export interface CellFormats {
  /** Format code by cellXfs index ("General" when none). */
  codes: string[];
  /** True where a number in that format reads as a date. */
  dates: boolean[];
  /** By <dxfs> index: the differential format (a conditional format's look) paints a cell's background. */
  dxfFills?: boolean[];
}

export const NO_FORMATS: CellFormats = { codes: [], dates: [] };

/** Parses styles.xml: custom numFmts, then the numFmtId of each <xf> in <cellXfs>. */
export function parseCellFormats(file: string, part: string, xml: string): CellFormats {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  const dxfFills: boolean[] = [];
  let inCellXfs = false;
  let inDxfs = false;
  let noPattern = false;
  parseXml(file, part, xml, {
    open(tag, local) {
      if (inDxfs) {
        if (local === "dxf") dxfFills.push(false);
        // A pattern with a colour, or a gradient: "none" (Excel writes a font-only rule's so, with
        // <bgColor auto="1"/> in it), or a <fill> with no colour, paints nothing.
        else if (local === "patternFill") noPattern = attr(tag, "patternType") === "none";
        else if (((local === "bgColor" || local === "fgColor") && !noPattern) || local === "gradientFill") {
          if (dxfFills.length > 0) dxfFills[dxfFills.length - 1] = true;
        }
        return;
      }
      if (local === "dxfs") inDxfs = true;
      else if (local === "numFmt") {
        const id = Number(attr(tag, "numFmtId"));
        const code = attr(tag, "formatCode");
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (local === "cellXfs") inCellXfs = true;
      else if (local === "xf" && inCellXfs) ids.push(parseInt(attr(tag, "numFmtId") ?? "0", 10) || 0);
    },
    close(local) {
      if (local === "cellXfs") inCellXfs = false;
      else if (local === "dxfs") inDxfs = false;
      else if (local === "patternFill") noPattern = false;
    },
  });
  const codes = ids.map((id) => (id ? (custom.get(id) ?? BUILT_IN_FORMATS[id] ?? GENERAL) : GENERAL));
  return { codes, dates: codes.map(readsAsDate), ...(dxfFills.length ? { dxfFills } : {}) };
}

export async function readCellFormats(pkg: ZipPackage, part: string | undefined): Promise<CellFormats> {
  if (!part || !pkg.has(part)) return NO_FORMATS;
  return parseCellFormats(pkg.file, part, await pkg.readText(part));
}
