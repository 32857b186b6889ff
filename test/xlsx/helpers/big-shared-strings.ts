// A tracker whose shared-strings part is hundreds of megabytes (issue 11, "Done when"): the tracker's
// own strings first, then millions the sheet never uses. Streamed into the zip, never held whole.
import { createWriteStream } from "fs";
import { Readable } from "stream";
import yazl from "yazl";
import { cellText, TRACKER } from "./add-tracker";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const STYLES =
  `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function sheetAndStrings(): { sheet: string; strings: string[] } {
  const strings: string[] = [];
  const rows = TRACKER.map((line, i) => {
    const cells = line.map((v, c) => {
      const ref = `${"ABCDEF"[c]}${i + 1}`;
      if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
      strings.push(cellText(v));
      return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
    });
    return `<row r="${i + 1}">${cells.join("")}</row>`;
  });
  return { sheet: `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${rows.join("")}</sheetData></worksheet>`, strings };
}

/** Writes the package; the shared-strings part is about `megabytes` MB of XML. */
export function writeBigSharedStrings(path: string, megabytes: number): Promise<void> {
  const { sheet, strings } = sheetAndStrings();
  const filler = `<si><t>${"Unused narrative that no cell refers to. ".repeat(2)}</t></si>`; // ~100 bytes
  const fillers = Math.ceil((megabytes * 2 ** 20) / filler.length);
  const total = strings.length + fillers;
  const perChunk = 10_000;
  let sent = -1;
  const body = new Readable({
    read() {
      if (sent < 0) {
        this.push(`${HEAD}<sst xmlns="${MAIN}" count="${total}" uniqueCount="${total}">${strings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join("")}`);
        sent = 0;
      } else if (sent < fillers) {
        const n = Math.min(perChunk, fillers - sent);
        this.push(filler.repeat(n));
        sent += n;
      } else {
        this.push("</sst>");
        this.push(null);
      }
    },
  });
  const zip = new yazl.ZipFile();
  const add = (name: string, xml: string) => zip.addBuffer(Buffer.from(xml, "utf8"), name);
  add(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  add("_rels/.rels", `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  add("xl/workbook.xml", `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Tracker" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  add(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  add("xl/worksheets/sheet1.xml", sheet);
  add("xl/styles.xml", STYLES);
  zip.addReadStream(body, "xl/sharedStrings.xml");
  zip.end();
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on("error", reject);
    out.on("close", () => resolve());
    zip.outputStream.on("error", reject).pipe(out);
  });
}
