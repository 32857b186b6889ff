// One cell as worksheet XML. Plan strings are literal text, written as inline strings: never formulas,
// and the shared strings part is left alone.
import type { PlanValue } from "../../engine/vocab/plan";
import { asciiBytes, type ByteSink } from "./byte-sink";
import { cellText } from "./xml-text";
import { colToLetters } from "../../engine/vocab/address";

/** Excel's limit on the characters in one cell; longer text makes Excel repair the file. */
export const MAX_TEXT = 32767;

/** A plan value as Excel can hold it, and what was wrong with it if it had to change. */
export function cleanValue(v: PlanValue): { value: PlanValue; problem?: string } {
  // NaN or Infinity would be written as text Excel cannot open.
  if (typeof v === "number" && !Number.isFinite(v)) return { value: null, problem: "The plan gave a number that is not finite, so the cell was left empty." };
  if (typeof v === "string" && v.length > MAX_TEXT) return { value: v.slice(0, MAX_TEXT), problem: `The text was cut to Excel's limit of ${MAX_TEXT} characters.` };
  return { value: v };
}

/** cleanValue's value alone, without an object per cell (the renderers call it for every cell). */
export function cleanedValue(v: PlanValue): PlanValue {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.length > MAX_TEXT) return v.slice(0, MAX_TEXT);
  return v;
}

/** `<c>` for a value (already cleaned); `s` is the cell format index, omitted when 0. */
export function cellXml(ref: string, s: number, value: PlanValue, prefix = ""): string {
  const style = s > 0 ? ` s="${s}"` : "";
  const c = `${prefix}c`;
  if (value === null || value === "") return `<${c} r="${ref}"${style}/>`;
  if (typeof value === "number") return `<${c} r="${ref}"${style}><${prefix}v>${numberText(value)}</${prefix}v></${c}>`;
  if (typeof value === "boolean") return `<${c} r="${ref}"${style} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${c}>`;
  const { xml, preserve } = cellText(value);
  const t = preserve ? `<${prefix}t xml:space="preserve">` : `<${prefix}t>`;
  return `<${c} r="${ref}"${style} t="inlineStr"><${prefix}is>${t}${xml}</${prefix}t></${prefix}is></${c}>`;
}

/** What follows a cell's reference for each kind of value, by cell format: made once per format, not per cell. */
interface CellTails {
  empty: Uint8Array;
  number: Uint8Array;
  boolean: Uint8Array;
  text: Uint8Array;
}
const tails: CellTails[] = [];

function tailsFor(s: number): CellTails {
  let t = tails[s];
  if (t === undefined) {
    const style = s > 0 ? ` s="${s}"` : "";
    t = tails[s] = {
      empty: asciiBytes(`"${style}/>`),
      number: asciiBytes(`"${style}><v>`),
      boolean: asciiBytes(`"${style} t="b"><v>`),
      text: asciiBytes(`"${style} t="inlineStr"><is>`),
    };
  }
  return t;
}

/** `<c r="` and a column's letters, by column. */
const openings: Uint8Array[] = [];
const CLOSE_V = asciiBytes("</v></c>");
const CLOSE_IS = asciiBytes("</is></c>");
const TRUE_V = asciiBytes("1</v></c>");
const FALSE_V = asciiBytes("0</v></c>");

/**
 * cellXml's bytes, written into `sink`: the reference as its column's letters and the row's number
 * (already text), so nothing is made per cell but a number's digits. The pieces around the value are
 * made once per column and cell format, as bytes: four copies a cell instead of eight writes.
 */
export function writeCell(sink: ByteSink, col: number, rowText: string, s: number, value: PlanValue): void {
  sink.bytes((openings[col] ??= asciiBytes(`<c r="${colToLetters(col)}`)));
  sink.ascii(rowText);
  const t = tailsFor(s);
  if (value === null || value === "") {
    sink.bytes(t.empty);
    return;
  }
  if (typeof value === "number") {
    sink.bytes(t.number);
    sink.ascii(numberText(value));
    sink.bytes(CLOSE_V);
    return;
  }
  if (typeof value === "boolean") {
    sink.bytes(t.boolean);
    sink.bytes(value ? TRUE_V : FALSE_V);
    return;
  }
  sink.bytes(t.text);
  sink.cellTIn(col, value);
  sink.bytes(CLOSE_IS);
}

/** A number as xsd:double text; -0 is 0. */
function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}
