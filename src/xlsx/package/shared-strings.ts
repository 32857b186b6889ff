// The shared-strings part, streamed: a 400 MB part is never held as one string. Each <si> is flattened
// to its plain text (rich-text runs joined, phonetic runs left out), `_xHHHH_` escapes decoded as Excel
// does, carriage returns kept. A string is capped at Excel's 32,767 characters. Optionally only the
// strings some sheet uses are kept, so memory follows the cells present.
import type { ZipPackage } from "./zip-reader";
import { ownText, parseXmlStream } from "./xml";

/** Excel's limit on the characters in a cell. */
export const MAX_CELL_CHARS = 32767;

/** Decodes Excel's `_xHHHH_` escapes ("_x000D_" is a carriage return; "_x005F_" an underscore). */
export function decodeEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Strings by index; holes where a string was not wanted. */
export type SharedStrings = (string | undefined)[];

/**
 * Streams the part. `wanted`, when given, says which indices to keep (the others are skipped);
 * without it every string is kept.
 */
export async function readSharedStrings(pkg: ZipPackage, part: string, wanted?: (index: number) => boolean): Promise<SharedStrings> {
  const strings: SharedStrings = [];
  let index = -1;
  let keep = false;
  let inText = false;
  let phonetic = 0;
  let si = "";
  let t = "";
  await parseXmlStream(pkg.file, part, await pkg.openStream(part), {
    open(_tag, local) {
      if (local === "si") {
        index++;
        keep = wanted ? wanted(index) : true;
        si = "";
      } else if (local === "rPh") phonetic++;
      else if (local === "t" && keep && phonetic === 0) {
        inText = true;
        t = "";
      }
    },
    text(text) {
      if (inText && t.length < MAX_CELL_CHARS) t += text;
    },
    close(local) {
      if (local === "t" && inText) {
        inText = false;
        if (si.length < MAX_CELL_CHARS) si += decodeEscapes(t);
      } else if (local === "rPh") phonetic--;
      else if (local === "si") {
        if (keep) strings[index] = si.length > MAX_CELL_CHARS ? si.slice(0, MAX_CELL_CHARS) : ownText(si);
        keep = false;
      }
    },
  });
  strings.length = index + 1;
  return strings;
}
