// Adds a small indicator tracker to any workbook at the package level: one new worksheet part, its
// <sheet> in the workbook, its relationship and its content type. Nothing else in the package changes,
// so the build's output can be compared part by part with this input.
import { posix } from "path";
import { attributes, relsPartOf, rootElement, child, workbookPart, workbookSheets } from "./package-xml";
import { cellXfsCount } from "./compare-parts";
import { text, type Parts } from "./zip-parts";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** Header row, then indicators the engine rates; column F is a formula with its cached value; column G formatted, empty. */
export const TRACKER: (string | number)[][] = [
  ["Ref", "Indicator", "Target", "Actual", "Polarity", "Variance"],
  ["HE 1", "Percentage of rent collected", 97, 98.2, "Higher is better"],
  ["HE 2", "Average days to re-let council homes", 30, 41, "Lower is better"],
  ["HE 3", "Percentage of household waste recycled", 50, 48.9, "Higher is better"],
  ["HE 4", "Households in temporary accommodation _x0041_ (literal)\r\nsnapshot\rcount", 120, 118, "Lower is better"],
  ["HE 5", "Major planning applications decided in time (%) & <on> 'target'", 60, 60, "Higher is better"],
];

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Cell text as Excel stores it: a literal _xHHHH_ escaped as _x005F_xHHHH_, a carriage return as _x000D_. */
export const cellText = (s: string): string => esc(s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/\r/g, "_x000D_"));

function trackerXml(headerStyle: number): string {
  const rows = TRACKER.map((line, i) => {
    const r = i + 1;
    const cells = line.map((v, c) => {
      const ref = `${"ABCDEF"[c]}${r}`;
      const s = i === 0 && headerStyle > 0 ? ` s="${headerStyle}"` : "";
      return typeof v === "number" ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${cellText(v)}</t></is></c>`;
    });
    if (i > 0) cells.push(`<c r="F${r}"><f>D${r}-C${r}</f><v>${Math.round(((line[3] as number) - (line[2] as number)) * 10) / 10}</v></c>`);
    // Empty cells the officer formatted beside the table, where our status column goes: the build
    // colours them, and Remove colours must be able to put their format back.
    if (headerStyle > 0) cells.push(`<c r="G${r}" s="${headerStyle}"/>`);
    return `<row r="${r}" spans="1:${headerStyle > 0 ? 7 : 6}">${cells.join("")}</row>`;
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<sheetPr><tabColor rgb="FF1F77B4"/></sheetPr><dimension ref="A1:F${TRACKER.length}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols><col min="2" max="2" width="44" customWidth="1"/></cols>` +
    `<sheetData>${rows.join("")}</sheetData>` +
    `<conditionalFormatting sqref="F2:F${TRACKER.length}"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<headerFooter><oddHeader>&amp;CPerformance tracker</oddHeader></headerFooter></worksheet>`
  );
}

function insertBeforeEnd(xml: string, local: string, insert: string, inRoot = false): string {
  const root = rootElement(xml);
  const node = inRoot ? root : child(root, local);
  if (!node) throw new Error(`no <${local}> to add to`);
  const closing = xml.lastIndexOf("</", node.end - 1);
  if (xml[node.end - 2] === "/") {
    // <sheets/> — open it up
    return `${xml.slice(0, node.end - 2)}>${insert}</${node.name}>${xml.slice(node.end)}`;
  }
  return xml.slice(0, closing) + insert + xml.slice(closing);
}

/** styles.xml with one cell format more (built-in date format 14), `count` kept true. */
function withDateFormat(xml: string): string {
  const node = child(rootElement(xml), "cellXfs");
  if (!node || xml[node.end - 2] === "/") return xml;
  const prefix = node.name.includes(":") ? node.name.replace(/:.*$/, ":") : "";
  const closing = xml.lastIndexOf("</", node.end - 1);
  const open = xml.slice(node.start, xml.indexOf(">", node.start) + 1);
  const counted = /\bcount="\d+"/.test(open) ? open.replace(/\bcount="\d+"/, `count="${node.children.length + 1}"`) : open;
  return xml.slice(0, node.start) + counted + xml.slice(node.start + open.length, closing) + `<${prefix}xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` + xml.slice(closing);
}

export interface AddedTracker {
  parts: Parts;
  sheetName: string;
  part: string;
}

export function addTracker(input: Parts): AddedTracker {
  const wb = workbookPart(input);
  const sheets = workbookSheets(input);
  let sheetName = "RAG Test Tracker";
  for (let n = 2; sheets.some((s) => s.name.toLowerCase() === sheetName.toLowerCase()); n++) sheetName = `RAG Test Tracker ${n}`;
  const dir = posix.dirname(wb);
  // Named as Excel names worksheets (ExcelJS finds sheets by that pattern, not through relationships).
  const folder = `${dir === "." ? "" : `${dir}/`}worksheets/`;
  let n = 1;
  while (input.has(`${folder}sheet${n}.xml`)) n++;
  const part = `${folder}sheet${n}.xml`;
  const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;

  const wbXml = text(input, wb);
  const root = rootElement(wbXml);
  const sheetsNode = child(root, "sheets");
  const prefix = sheetsNode && sheetsNode.name.includes(":") ? sheetsNode.name.replace(/:.*$/, ":") : "";
  const rootAttrs = attributes(wbXml, root);
  const relPrefix = Object.entries(rootAttrs).find(([k, v]) => k.startsWith("xmlns:") && v === REL)?.[0].slice(6);
  const relId = "rIdRagTestTracker";
  const idAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:rr="${REL}" rr:id="${relId}"`;
  const sheetXml = `<${prefix}sheet name="${esc(sheetName)}" sheetId="${sheetId}" ${idAttr}/>`;

  const relsPart = relsPartOf(wb);
  const target = posix.relative(dir, part);
  const rel = `<Relationship Id="${relId}" Type="${REL}/worksheet" Target="${target}"/>`;
  const override = `<Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/>`;

  const parts: Parts = new Map(input);
  parts.set(wb, Buffer.from(insertBeforeEnd(wbXml, "sheets", sheetXml), "utf8"));
  parts.set(relsPart, Buffer.from(insertBeforeEnd(text(input, relsPart), "", rel, true), "utf8"));
  parts.set("[Content_Types].xml", Buffer.from(insertBeforeEnd(text(input, "[Content_Types].xml"), "", override, true), "utf8"));
  // The officer's formats on the cells we colour: the workbook's last cell format, or one added to a
  // workbook that has only the default (a date format), so every file tests that Remove colours puts them back.
  const stylesPart = posix.join(dir, "styles.xml");
  if (cellXfsCount(input) === 1) parts.set(stylesPart, Buffer.from(withDateFormat(text(input, stylesPart)), "utf8"));
  parts.set(part, Buffer.from(trackerXml(cellXfsCount(parts) - 1), "utf8"));
  return { parts, sheetName, part };
}
