// The parts a build writes, validated against ECMA-376's schemas (test/fixtures/ooxml-schemas): Excel
// offers to repair, and may drop content from, a file whose XML breaks them (an element out of order, an
// attribute it does not know). A part the input already had is held to the input's standard: what the
// input's part broke (Excel's own extensions named in mc:Ignorable, which the 2006 schemas do not know),
// the output's may break as often; a part we made must break nothing.
//
// What a schema cannot see is not checked here: a style index past the end of cellXfs, rows or cells out
// of order or twice over, a reference such as A0 (ST_CellRef is any string), a count that is wrong,
// overlapping merges, two sheets of one name, a relationship to a missing part. And libxml2 checks no
// more of an element's children after the first out of order: in a part whose input already breaks the
// order there, what comes after it is unchecked in both.
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { validateXML, type XMLFileInfo } from "xmllint-wasm";
import type { Parts } from "./zip-parts";

const DIR = join(__dirname, "..", "..", "fixtures", "ooxml-schemas");
const SCHEMAS: XMLFileInfo[] = readdirSync(DIR)
  .filter((n) => n.endsWith(".xsd"))
  .map((fileName) => ({ fileName, contents: readFileSync(join(DIR, fileName), "utf8") }));

/** One schema for every part checked: each part is validated against its root element's declaration. */
const ALL: XMLFileInfo = {
  fileName: "all-parts.xsd",
  contents: `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://schemas.openxmlformats.org/spreadsheetml/2006/main" schemaLocation="sml.xsd"/>
  <xsd:import namespace="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" schemaLocation="dml-spreadsheetDrawing.xsd"/>
  <xsd:import namespace="http://schemas.openxmlformats.org/drawingml/2006/chart" schemaLocation="dml-chart.xsd"/>
  <xsd:import namespace="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" schemaLocation="shared-documentPropertiesExtended.xsd"/>
  <xsd:import namespace="http://schemas.openxmlformats.org/package/2006/content-types" schemaLocation="opc-contentTypes.xsd"/>
  <xsd:import namespace="http://schemas.openxmlformats.org/package/2006/relationships" schemaLocation="opc-relationships.xsd"/>
</xsd:schema>`,
};

/**
 * The parts those schemas describe: worksheets, the workbook, styles, shared strings, drawings, charts,
 * app.xml, the content types and every relationships part; by name, and by the content type the package
 * gives them (a workbook, a sheet or the styles under another name are checked as well).
 */
const CHECKED = /^(xl\/worksheets\/[^/]+\.xml|xl\/workbook\.xml|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/drawings\/[^/]+\.xml|xl\/charts\/chart[^/]*\.xml|docProps\/app\.xml|\[Content_Types\]\.xml|(.*\/)?_rels\/[^/]*\.rels)$/;
const CHECKED_TYPE = /spreadsheetml\.(sheet|template)\.main\+xml$|macroEnabled\.main\+xml$|spreadsheetml\.(worksheet|styles|sharedStrings)\+xml$|officedocument\.drawing\+xml$|drawingml\.chart\+xml$|extended-properties\+xml$/;

/** Part names (lower case, as the zip names them) whose Override in [Content_Types].xml is a type the schemas describe. */
function typedParts(parts: Parts): Set<string> {
  const types = [...parts].find(([n]) => n.toLowerCase() === "[content_types].xml")?.[1].toString("utf8") ?? "";
  const out = new Set<string>();
  for (const m of types.matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g)) {
    const name = /\bPartName="\/?([^"]*)"/.exec(m[0])?.[1];
    const type = /\bContentType="([^"]*)"/.exec(m[0])?.[1];
    if (!name || !type || !CHECKED_TYPE.test(type)) continue;
    out.add(name.toLowerCase());
    try {
      out.add(decodeURIComponent(name).toLowerCase());
    } catch {
      // a malformed %-escape: the name as written is all there is
    }
  }
  return out;
}

export const checkedParts = (parts: Parts): string[] => {
  const typed = typedParts(parts);
  return [...parts.keys()].filter((n) => CHECKED.test(n) || typed.has(n.toLowerCase())).sort();
};

/**
 * The schema's `t` (a cell's or a run's text) is a plain string type with no xml:space, which Excel writes
 * on text whose spaces or breaks matter: taken off `<t>` alone, so one on any other element is still reported.
 */
const forSchema = (xml: Buffer): string => xml.toString("utf8").replace(/(<(?:[\w.-]+:)?t)\s+xml:space="preserve"(?=\s*>)/g, "$1");

/**
 * "name:12: Schemas validity error : Element …" → ["name", "Schemas validity error : Element …"], and
 * "name:1: parser error : Premature end of data …" likewise (a part that is not well-formed XML is not
 * validated at all: its parser errors are its errors).
 */
function splitError(raw: string): [string, string] | undefined {
  const m = /^([^:]+):\d+: ((?:[\w ]+ )?(?:error|warning) : [\s\S]*)$/.exec(raw.trim());
  return m ? [m[1], m[2].trim()] : undefined;
}

/**
 * Each file's schema errors (line numbers dropped), by key. One xmllint run for them all: reading the
 * schemas takes it about half a second, far longer than validating a package's parts.
 */
async function errorsOf(files: { key: string; xml: Buffer }[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(files.map((f) => [f.key, []]));
  if (files.length === 0) return out;
  const fileOf = new Map(files.map((f, i) => [`part${i}.xml`, f.key]));
  const result = await validateXML({
    xml: files.map((f, i) => ({ fileName: `part${i}.xml`, contents: forSchema(f.xml) })),
    schema: ALL,
    preload: SCHEMAS,
    maxMemoryPages: 32768,
  });
  // A parser or namespace error is followed by the line it is on and a caret under the place: not errors of their own.
  let context = false;
  for (const e of result.errors) {
    const split = splitError(e.rawMessage);
    const name = split && fileOf.get(split[0]);
    if (split && name) {
      out.get(name)!.push(split[1]);
      context = !split[1].startsWith("Schemas validity");
    } else if (/ fails to validate$/.test(e.rawMessage.trim())) context = false;
    else if (!context) throw new Error(`xmllint: ${e.rawMessage}`);
  }
  return out;
}

/**
 * The schema errors of `output`'s checked parts that `input`'s part of the same name does not have as
 * often (none for a part the input lacks), each as "part: error".
 */
export async function schemaProblems(input: Parts | undefined, output: Parts): Promise<string[]> {
  // A part copied byte for byte breaks the schemas exactly as the input's did: only the parts written are validated.
  const names = checkedParts(output).filter((n) => !input?.get(n)?.equals(output.get(n) as Buffer));
  const had = input ? names.filter((n) => input.has(n)) : [];
  const errors = await errorsOf([...names.map((n) => ({ key: `out ${n}`, xml: output.get(n) as Buffer })), ...had.map((n) => ({ key: `in ${n}`, xml: input?.get(n) as Buffer }))]);
  const problems: string[] = [];
  for (const name of names) {
    const left = new Map<string, number>();
    for (const e of errors.get(`in ${name}`) ?? []) left.set(e, (left.get(e) ?? 0) + 1);
    for (const e of errors.get(`out ${name}`) ?? []) {
      const n = left.get(e) ?? 0;
      if (n > 0) left.set(e, n - 1);
      else problems.push(`${name}: ${e}`);
    }
  }
  return problems;
}
