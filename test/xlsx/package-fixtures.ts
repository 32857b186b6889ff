// Builds small .xlsx packages from hand-written XML, for the package reader's tests.
import yazl from "yazl";

export type Parts = Record<string, string | Buffer>;

export function zipParts(parts: Parts, options: { compress?: boolean } = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, body] of Object.entries(parts)) {
    if (name.endsWith("/")) {
      zip.addEmptyDirectory(name, { mtime: new Date(Date.UTC(2020, 0, 1)) });
      continue;
    }
    zip.addBuffer(Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"), name, { compress: options.compress ?? true, mtime: new Date(Date.UTC(2020, 0, 1)) });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c));
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on("error", reject);
  });
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface SheetSpec {
  name: string;
  /** The worksheet XML body inside <worksheet> (sheetData and the rest); chart sheets give none. */
  body?: string;
  state?: "hidden" | "veryHidden";
  chart?: boolean;
  /** Extra relationships of the sheet part: [id, type suffix, target]. */
  rels?: [string, string, string][];
}

export interface BookSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string;
  styles?: string;
  date1904?: boolean;
  definedNames?: string;
  /** "absolute" writes targets as openpyxl does ("/xl/worksheets/sheet1.xml"). */
  targets?: "relative" | "absolute";
  extra?: Parts;
  workbookExtra?: string;
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const STYLES_BASIC = `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** The parts of a workbook as the spec says. */
export function bookParts(spec: BookSpec): Parts {
  const abs = spec.targets === "absolute";
  const t = (rel: string): string => (abs ? `/xl/${rel}` : rel);
  const parts: Parts = {};
  const overrides: string[] = [];
  const wbRels: string[] = [];
  const sheets: string[] = [];
  spec.sheets.forEach((s, i) => {
    const n = i + 1;
    const folder = s.chart ? "chartsheets" : "worksheets";
    const part = `xl/${folder}/sheet${n}.xml`;
    if (s.chart) {
      parts[part] = `${DECL}<chartsheet xmlns="${MAIN}" xmlns:r="${R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;
      overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>`);
    } else {
      parts[part] = `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}">${s.body ?? "<sheetData/>"}</worksheet>`;
      overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    }
    if (s.rels) {
      parts[`xl/${folder}/_rels/sheet${n}.xml.rels`] = `${DECL}<Relationships xmlns="${RELS}">${s.rels
        .map(([id, type, target]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${esc(target)}"/>`)
        .join("")}</Relationships>`;
    }
    wbRels.push(`<Relationship Id="rId${n}" Type="${R}/${s.chart ? "chartsheet" : "worksheet"}" Target="${t(`${folder}/sheet${n}.xml`)}"/>`);
    sheets.push(`<sheet name="${esc(s.name)}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${n}"/>`);
  });
  const k = spec.sheets.length;
  wbRels.push(`<Relationship Id="rId${k + 1}" Type="${R}/styles" Target="${t("styles.xml")}"/>`);
  parts["xl/styles.xml"] = spec.styles ?? STYLES_BASIC;
  overrides.push(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
  if (spec.sharedStrings !== undefined) {
    const body = Array.isArray(spec.sharedStrings) ? spec.sharedStrings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("") : spec.sharedStrings;
    parts["xl/sharedStrings.xml"] = `${DECL}<sst xmlns="${MAIN}">${body}</sst>`;
    wbRels.push(`<Relationship Id="rId${k + 2}" Type="${R}/sharedStrings" Target="${t("sharedStrings.xml")}"/>`);
    overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
  }
  parts["xl/workbook.xml"] = `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${R}">${spec.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}${spec.workbookExtra ?? ""}<sheets>${sheets.join("")}</sheets>${spec.definedNames ? `<definedNames>${spec.definedNames}</definedNames>` : ""}</workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = `${DECL}<Relationships xmlns="${RELS}">${wbRels.join("")}</Relationships>`;
  parts["_rels/.rels"] = `${DECL}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="${abs ? "/xl/workbook.xml" : "xl/workbook.xml"}"/></Relationships>`;
  overrides.push(`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`);
  parts["[Content_Types].xml"] = `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`;
  return { ...parts, ...(spec.extra ?? {}) };
}

export function makeBook(spec: BookSpec): Promise<Buffer> {
  return zipParts(bookParts(spec));
}

/** A table part. */
export function tablePart(id: number, name: string, ref: string, columns: string[], extra = ""): string {
  return `${DECL}<table xmlns="${MAIN}" id="${id}" name="${name}" displayName="${name}" ref="${ref}"${extra}><autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${columns
    .map((c, i) => `<tableColumn id="${i + 1}" name="${esc(c)}"/>`)
    .join("")}</tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>`;
}
