// One cell as worksheet XML. Plan strings are literal text, written as inline strings: never formulas,
// and the shared strings part is left alone.
import type { PlanValue } from "../../engine/vocab/plan";
import { cellText } from "./xml-text";

/** Excel's limit on the characters in one cell; longer text makes Excel repair the file. */
export const MAX_TEXT = 32767;

/** A plan value as Excel can hold it, and what was wrong with it if it had to change. */
export function cleanValue(v: PlanValue): { value: PlanValue; problem?: string } {
  // NaN or Infinity would be written as text Excel cannot open.
  if (typeof v === "number" && !Number.isFinite(v)) return { value: null, problem: "The plan gave a number that is not finite, so the cell was left empty." };
  if (typeof v === "string" && v.length > MAX_TEXT) return { value: v.slice(0, MAX_TEXT), problem: `The text was cut to Excel's limit of ${MAX_TEXT} characters.` };
  return { value: v };
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

/** A number as xsd:double text; -0 is 0. */
function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}
