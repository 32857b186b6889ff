// styles.xml is appended to: the file's own indices, default font and formats stay as they were.
import { StylesPart } from "../../../src/xlsx/patch/styles-append";

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="170" formatCode="0.0&quot;%&quot;"/></numFmts><fonts count="2"><font><sz val="10"/><color theme="1"/><name val="Aptos"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="12"/><name val="Arial"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="170" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="right" indent="1"/><protection locked="0"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;

function sectionOf(xml: string, name: string): string {
  const m = new RegExp(`<${name}[ >][\\s\\S]*?</${name}>`).exec(xml);
  return m ? m[0] : "";
}

describe("StylesPart", () => {
  test("unchanged when nothing is asked of it", () => {
    const part = StylesPart.parse(STYLES);
    expect(part.changed).toBe(false);
    expect(part.toXml()).toBe(STYLES);
  });

  test("an officer's cell keeps its number format, alignment and protection, and gets our fill and font", () => {
    const part = StylesPart.parse(STYLES);
    const id = part.xfFor(1, { fill: "#00b050", fontColor: "#FFFFFF", bold: true });
    expect(id).toBe(2);
    const xml = part.toXml();
    // The file's own parts come first, byte for byte.
    expect(xml.startsWith(STYLES.slice(0, STYLES.indexOf("<fonts")))).toBe(true);
    expect(sectionOf(xml, "fonts")).toContain('<font><sz val="10"/><color theme="1"/><name val="Aptos"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="12"/><name val="Arial"/></font>');
    expect(sectionOf(xml, "fonts")).toMatch(/^<fonts count="3">/);
    // The new font is the cell's font (Arial 12) with our bold and colour.
    expect(sectionOf(xml, "fonts")).toContain('<font><b/><sz val="12"/><color rgb="FFFFFFFF"/><name val="Arial"/></font></fonts>');
    expect(sectionOf(xml, "fills")).toContain('<fill><patternFill patternType="solid"><fgColor rgb="FF00B050"/><bgColor indexed="64"/></patternFill></fill></fills>');
    expect(sectionOf(xml, "cellXfs")).toContain(
      '<xf numFmtId="170" fontId="2" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"><alignment horizontal="right" indent="1"/><protection locked="0"/></xf></cellXfs>',
    );
    expect(xml).toContain('<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>');
  });

  test("xfKeeping: the backup's format with what the officer changed since, among the properties asked", () => {
    const part = StylesPart.parse(STYLES);
    // The cell now: format 1 (Arial 12 bold, "0.0%", right-aligned) coloured, then set in italics (a second colouring font).
    const coloured = part.xfFor(1, { fill: "#00b050", italic: true });
    // Backed up: format 0 (Aptos 10, general). Kept: number format, italics, alignment; not the font's name or size.
    const id = part.xfKeeping(0, coloured, ["numberFormat", "italic", "hAlign", "wrap"]);
    const xml = part.toXml();
    const fonts = [...sectionOf(xml, "fonts").matchAll(/<font>[\s\S]*?<\/font>/g)].map((m) => m[0]);
    const xf = [...sectionOf(xml, "cellXfs").matchAll(/<xf [^>]*?(\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0])[id];
    expect(xf).toBe(`<xf numFmtId="170" fontId="${fonts.length - 1}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyAlignment="1"><alignment horizontal="right" indent="1"/></xf>`);
    // Aptos 10 with its theme colour and scheme, in italics: not Arial, not bold.
    expect(fonts[fonts.length - 1]).toBe('<font><i/><sz val="10"/><color theme="1"/><name val="Aptos"/><family val="2"/><scheme val="minor"/></font>');
    // Nothing differs, or nothing asked: the backup as it is; the same question, the same answer.
    expect([part.xfKeeping(1, part.xfFor(1, { fill: "#00b050" }), ["numberFormat", "italic"]), part.xfKeeping(0, coloured, []), part.xfKeeping(0, coloured, ["numberFormat", "italic", "hAlign", "wrap"])]).toEqual([1, 0, id]);
  });

  test("xfKeeping: an alignment comes with the attributes Excel sets with it; the same italics spelt otherwise is no change", () => {
    const xml = STYLES.replace('<cellXfs count="2">', '<cellXfs count="5">').replace(
      "</cellXfs>",
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="left" indent="2" shrinkToFit="1"/></xf>' +
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center" wrapText="1"/></xf>' +
        '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0"/></cellXfs>',
    ).replace('<fonts count="2">', '<fonts count="3">').replace("</font></fonts>", '</font><font><i val="0"/><sz val="10"/><color theme="1"/><name val="Aptos"/><family val="2"/><scheme val="minor"/></font></fonts>');
    const part = StylesPart.parse(xml);
    // Centred and wrapped by the officer since: no indent left over from the backup, and no shrink-to-fit beside the wrap.
    const id = part.xfKeeping(2, 3, ["hAlign", "wrap"]);
    const out = [...sectionOf(part.toXml(), "cellXfs").matchAll(/<xf [^>]*?(\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0])[id];
    expect(out).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center" wrapText="1"/></xf>');
    // Font 2 is font 0 with <i val="0"/>: not italic either, so nothing to keep.
    expect(part.xfKeeping(0, 4, ["italic"])).toBe(0);
  });

  test("xfKeeping: a border the officer drew since is kept, compared by what it draws, not by its index", () => {
    const xml = STYLES.replace('<borders count="1">', '<borders count="3">')
      .replace("</border></borders>", '</border><border><left/><right/><top/><bottom style="thick"><color rgb="FFFF0000"/></bottom><diagonal/></border><border><left/><right/><top/><bottom/><diagonal/></border></borders>')
      .replace('<cellXfs count="2">', '<cellXfs count="4">')
      .replace("</cellXfs>", '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="2" xfId="0"/></cellXfs>');
    const part = StylesPart.parse(xml);
    const id = part.xfKeeping(0, part.xfFor(2, { fill: "#00b050" }), ["borders", "italic"]);
    const out = [...sectionOf(part.toXml(), "cellXfs").matchAll(/<xf [^>]*?(\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0])[id];
    expect(out).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>');
    // Border 2 draws what border 0 draws: no change. Not asked: the backup.
    expect([part.xfKeeping(0, 3, ["borders"]), part.xfKeeping(0, 2, ["italic"])]).toEqual([0, 0]);
  });

  test("the same base and style give one format; a new font name drops the theme font", () => {
    const part = StylesPart.parse(STYLES);
    const style = { fontName: "Arial", fill: "#FF0000", numberFormat: "@", hAlign: "left" as const, wrap: true };
    const a = part.xfFor(0, style);
    expect(part.xfFor(0, { ...style })).toBe(a);
    expect(part.xfFor(1, style)).toBe(a + 1);
    const xml = part.toXml();
    expect(sectionOf(xml, "fonts")).toContain('<font><sz val="10"/><color theme="1"/><name val="Arial"/></font>');
    expect(sectionOf(xml, "cellXfs")).toContain('<xf numFmtId="49" fontId="2" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="left" wrapText="1"/></xf>');
    // One fill for both formats.
    expect(sectionOf(xml, "fills")).toMatch(/^<fills count="3">/);
  });

  test("custom number formats take ids after the file's own, and reuse the file's when the code matches", () => {
    const part = StylesPart.parse(STYLES);
    part.xfFor(0, { numberFormat: 'dd"/"mm"/"yyyy' });
    part.xfFor(0, { numberFormat: '0.0"%"' });
    const xml = part.toXml();
    expect(sectionOf(xml, "numFmts")).toBe('<numFmts count="2"><numFmt numFmtId="170" formatCode="0.0&quot;%&quot;"/><numFmt numFmtId="171" formatCode="dd&quot;/&quot;mm&quot;/&quot;yyyy"/></numFmts>');
    expect(sectionOf(xml, "cellXfs")).toContain('<xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
  });

  test("borders are thin on four edges; a base index past the end falls back to format 0", () => {
    const part = StylesPart.parse(STYLES);
    expect(part.xfFor(99, { border: "#808080" })).toBe(2);
    expect(sectionOf(part.toXml(), "borders")).toContain(
      '<border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right><top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/></border></borders>',
    );
  });

  test("a prefixed part gets prefixed elements; missing sections are made in schema order", () => {
    const xml = `<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:fonts count="1"><x:font><x:sz val="11"/></x:font></x:fonts><x:cellXfs count="1"><x:xf fontId="0"/></x:cellXfs></x:styleSheet>`;
    const part = StylesPart.parse(xml);
    expect(part.xfFor(0, { fill: "#112233", numberFormat: "0.0" })).toBe(1);
    const out = part.toXml();
    expect(out).toBe(
      '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0"/></x:numFmts><x:fonts count="1"><x:font><x:sz val="11"/></x:font></x:fonts>' +
        '<x:fills count="3"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill><x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FF112233"/><x:bgColor indexed="64"/></x:patternFill></x:fill></x:fills>' +
        '<x:borders count="1"><x:border><x:left/><x:right/><x:top/><x:bottom/><x:diagonal/></x:border></x:borders><x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs>' +
        '<x:cellXfs count="2"><x:xf fontId="0"/><x:xf fontId="0" numFmtId="164" applyNumberFormat="1" fillId="2" applyFill="1"/></x:cellXfs></x:styleSheet>',
    );
  });

  test("a built workbook's styles give back the formats made before, and nothing is appended", () => {
    const style = { fill: "#00B050", fontColor: "#FFFFFF", bold: true, numberFormat: "0.0%" };
    const first = StylesPart.parse(STYLES);
    const made = first.xfFor(1, style);
    const built = first.toXml();
    const again = StylesPart.parse(built);
    expect(again.xfFor(made, style)).toBe(made);
    expect(again.xfFor(1, style)).toBe(made);
    expect(again.changed).toBe(false);
    expect(again.toXml()).toBe(built);
  });
});

// helper-137: Excel reads fills 0 and 1 as none and gray125 whatever the file says (ClosedXML#2769,
// IronCalc#363). A styles part with one fill (some writers make one) got our first fill at index 1, so the
// "Status (auto)" heading's fill (and the summary's title band) showed as grey dots under white text.
describe("StylesPart on a file with a single fill", () => {
  const ONE_FILL = STYLES.replace(/<fills count="2">.*?<\/fills>/, '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>');

  test("our first fill goes after a gray125 at index 1, and nothing is added when no fill is asked", () => {
    expect(StylesPart.parse(ONE_FILL).toXml()).toBe(ONE_FILL);
    const part = StylesPart.parse(ONE_FILL);
    part.xfFor(0, { fill: "#44546A", fontColor: "#FFFFFF", bold: true });
    part.xfFor(0, { fill: "#C6EFCE" });
    const fills = [...sectionOf(part.toXml(), "fills").matchAll(/<fill>[\s\S]*?<\/fill>/g)].map((m) => m[0]);
    expect(fills.map((f) => /patternType="(\w+)"/.exec(f)?.[1] + (/rgb="(\w+)"/.exec(f)?.[1] ?? ""))).toEqual(["none", "gray125", "solidFF44546A", "solidFFC6EFCE"]);
    expect(sectionOf(part.toXml(), "fills")).toMatch(/^<fills count="4">/);
    const xfs = [...sectionOf(part.toXml(), "cellXfs").matchAll(/<xf [^>]*>/g)].map((m) => /fillId="(\d+)"/.exec(m[0])?.[1]);
    expect(xfs.slice(2)).toEqual(["2", "3"]);
  });
});

// A file whose fill 1 is not gray125 (some writers put a cell's fill there; IronCalc#363): Excel shows gray125
// for fillId 1 all the same, so a fill of ours that matched it byte for byte was shown as grey dots.
describe("StylesPart on a file whose fill 1 is a colour", () => {
  const DARK = '<fill><patternFill patternType="solid"><fgColor rgb="FF44546A"/><bgColor indexed="64"/></patternFill></fill>';
  const COLOUR_AT_1 = STYLES.replace(/<fills count="2">.*?<\/fills>/, `<fills count="2"><fill><patternFill patternType="none"/></fill>${DARK}</fills>`);

  test("a fill of ours is never found at index 0 or 1, but appended", () => {
    expect(COLOUR_AT_1).toContain(DARK);
    const part = StylesPart.parse(COLOUR_AT_1);
    const xf = part.xfFor(0, { fill: "#44546A" });
    const fillId = /fillId="(\d+)"/.exec([...sectionOf(part.toXml(), "cellXfs").matchAll(/<xf [^>]*>/g)][xf][0])?.[1];
    expect(fillId).toBe("2");
    expect(sectionOf(part.toXml(), "fills")).toMatch(/^<fills count="3">/);
  });
});
