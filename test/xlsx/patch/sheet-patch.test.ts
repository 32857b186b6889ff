// An officer's sheet streamed through: only the cells we colour or write change; every other byte stays.
import type { PlanStyle, SheetPlan } from "../../../src/engine/vocab/plan";
import { emptySheetPlan } from "../../../src/engine/vocab/plan";
import { sheetEdits } from "../../../src/xlsx/patch/sheet-edits";
import { SheetPatcher } from "../../../src/xlsx/patch/sheet-patch";
import { columnPoints, patchCols, putBackCols, widthOfPoints, widthPoints } from "../../../src/xlsx/patch/sheet-head";

const GREEN: PlanStyle = { fill: "#00B050" };
const BOLD: PlanStyle = { bold: true };

/** A resolver that names the format it would make, so the tests see which base and styles were asked for. */
function fakeXf(log: string[]) {
  const ids = new Map<string, number>();
  return (base: number, styles: readonly PlanStyle[], count = styles.length): number => {
    const key = `${base}+${styles.slice(0, count).map((s) => JSON.stringify(s)).join("+")}`;
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = 100 + ids.size));
      log.push(`${id}=${key}`);
    }
    return id;
  };
}

/** Runs the patcher over the XML cut into pieces of `size` characters. */
function patch(xml: string, plan: SheetPlan, size = 7, log: string[] = []): string {
  const p = new SheetPatcher(sheetEdits(plan, []), fakeXf(log), plan.sheet);
  let out = "";
  const write = (piece: string): void => {
    out += piece;
  };
  for (let i = 0; i < xml.length; i += size) p.push(xml.slice(i, i + size), write);
  p.end(write);
  return out;
}

const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="5" width="12.5" style="3" customWidth="1"/></cols>`;
const TAIL = `<conditionalFormatting sqref="A1:A3"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>5</formula></cfRule></conditionalFormatting><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups xmlns:x14="x"/></ext></extLst></worksheet>`;
const ROWS = `<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2" t="s"><v>1</v></c><c r="C1"><f>A1&amp;"&gt;"</f><v>x</v></c></row><row r="2" spans="1:3" ht="30" customHeight="1"><c r="A2" s="4"><v>5</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>10</v></c></row><row r="3"><c r="A3"><v>7</v></c><c r="B3"><f t="shared" si="0"/><v>14</v></c></row>`;
const SHEET = `${HEAD}<sheetData>${ROWS}</sheetData>${TAIL}`;

describe("SheetPatcher", () => {
  test("with no edits, every byte passes through, whatever the chunk size", () => {
    for (const size of [1, 3, 7, 64, 100000]) expect(patch(SHEET, emptySheetPlan("T", "edit"), size)).toBe(SHEET);
  });

  test("colours a cell by changing only its s, and writes our column's cells into their rows", () => {
    const plan: SheetPlan = {
      ...emptySheetPlan("T", "edit"),
      blocks: [{ row: 0, col: 3, values: [["Status (auto)"], ["● Green"], ["▲ Red _x0041_\r\nnext"]] }],
      styles: [
        { style: GREEN, ranges: [{ top: 1, left: 0, bottom: 1, right: 0 }, { top: 1, left: 3, bottom: 1, right: 3 }] },
        { style: BOLD, ranges: [{ top: 0, left: 3, bottom: 0, right: 3 }] },
      ],
      columnWidths: [{ col: 3, width: 22 }],
    };
    const log: string[] = [];
    const out = patch(SHEET, plan, 5, log);
    // Column D had no cells, but <cols> formats A:E whole (style 3): our new cells start from that format.
    expect(log).toEqual(['100=3+{"bold":true}', '101=4+{"fill":"#00B050"}', '102=3+{"fill":"#00B050"}']);
    expect(out).toBe(
      HEAD.replace('<dimension ref="A1:C3"/>', '<dimension ref="A1:D3"/>').replace(
        '<cols><col min="1" max="5" width="12.5" style="3" customWidth="1"/></cols>',
        '<cols><col min="1" max="3" width="12.5" style="3" customWidth="1"/><col min="4" max="4" width="22" style="3" customWidth="1"/><col min="5" max="5" width="12.5" style="3" customWidth="1"/></cols>',
      ) +
        '<sheetData><row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2" t="s"><v>1</v></c><c r="C1"><f>A1&amp;"&gt;"</f><v>x</v></c><c r="D1" s="100" t="inlineStr"><is><t>Status (auto)</t></is></c></row>' +
        '<row r="2" spans="1:4" ht="30" customHeight="1"><c r="A2" s="101"><v>5</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>10</v></c><c r="D2" s="102" t="inlineStr"><is><t>● Green</t></is></c></row>' +
        '<row r="3"><c r="A3"><v>7</v></c><c r="B3"><f t="shared" si="0"/><v>14</v></c><c r="D3" s="3" t="inlineStr"><is><t xml:space="preserve">▲ Red _x005F_x0041_&#13;\nnext</t></is></c></row>' +
        `</sheetData>${TAIL}`,
    );
  });

  test("a new cell in a row formatted whole starts from the row's format, and the patch tells each format it replaces", () => {
    const xml = `<worksheet><cols><col min="2" max="2" style="7"/></cols><sheetData><row r="1" s="5" customFormat="1"><c r="A1" s="6"><v>1</v></c></row><row r="2" s="5"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`;
    const plan: SheetPlan = { ...emptySheetPlan("T", "edit"), styles: [{ style: GREEN, ranges: [{ top: 0, left: 0, bottom: 2, right: 2 }] }] };
    const log: string[] = [];
    const seen: string[] = [];
    const p = new SheetPatcher(sheetEdits(plan, []), fakeXf(log), "T", (row, col, xf) => seen.push(`${row},${col}:${xf}`));
    let out = "";
    p.push(xml, (piece) => (out += piece));
    p.end((piece) => (out += piece));
    // Row 1 is formatted whole (customFormat): B1 and C1 had its format 5. Row 2's s without customFormat
    // does not count: B2 has its column's format 7, C2 the default. Row 3 is new: its column's, or none.
    expect(seen).toEqual(["0,0:6", "0,1:5", "0,2:5", "1,0:0", "1,1:7", "1,2:0", "2,0:0", "2,1:7", "2,2:0"]);
    expect(out).toContain('<c r="B1" s="');
    expect(log).toEqual(expect.arrayContaining(['101=5+{"fill":"#00B050"}', '103=7+{"fill":"#00B050"}']));
  });

  test("new rows go between the sheet's rows in order; rows without r get their number when one is put before them", () => {
    const xml = `<worksheet><sheetData><row><c><v>1</v></c></row><row r="5"><c r="A5"><v>5</v></c></row><row><c><v>6</v></c><c><v>7</v></c></row></sheetData></worksheet>`;
    const plan: SheetPlan = { ...emptySheetPlan("T", "edit"), blocks: [{ row: 2, col: 0, values: [["new"]] }, { row: 5, col: 0, values: [["x"]] }, { row: 7, col: 1, values: [[3]] }] };
    expect(patch(xml, plan)).toBe(
      '<worksheet><sheetData><row><c><v>1</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>new</t></is></c></row><row r="5"><c r="A5"><v>5</v></c></row>' +
        '<row><c r="A6" t="inlineStr"><is><t>x</t></is></c><c><v>7</v></c></row><row r="8"><c r="B8"><v>3</v></c></row></sheetData></worksheet>',
    );
  });

  test("a cell put before cells without r gives them their reference", () => {
    const xml = `<worksheet><sheetData><row r="1"><c r="C1"><v>1</v></c><c><v>2</v></c></row></sheetData></worksheet>`;
    const plan: SheetPlan = { ...emptySheetPlan("T", "edit"), blocks: [{ row: 0, col: 0, values: [[true]] }] };
    expect(patch(xml, plan)).toBe('<worksheet><sheetData><row r="1"><c r="A1" t="b"><v>1</v></c><c r="C1"><v>1</v></c><c r="D1"><v>2</v></c></row></sheetData></worksheet>');
  });

  test("a cell's reference is read however it is spelt: r after s, single quotes, a tab, r empty, a lower-case column", () => {
    const xml =
      `<worksheet><sheetData><row r="2"><c s="1" r="A2"><v>1</v></c><c r='B2'><v>2</v></c><c\tr="C2"/><c r=""><v>4</v></c>` +
      `<c r="f2" s="2"><v>6</v></c><c r="G2"><v>7</v></c></row></sheetData></worksheet>`;
    const plan: SheetPlan = {
      ...emptySheetPlan("T", "edit"),
      styles: [{ style: GREEN, ranges: [{ top: 1, left: 1, bottom: 1, right: 3 }, { top: 1, left: 5, bottom: 1, right: 6 }] }],
      blocks: [{ row: 1, col: 4, values: [["new"]] }],
    };
    const log: string[] = [];
    // B2 and C2 coloured; the cell with r="" follows C2, so it is D2 and coloured; E2 is new, before f2 (F2); G2 coloured.
    expect(patch(xml, plan, 5, log)).toBe(
      `<worksheet><sheetData><row r="2"><c s="1" r="A2"><v>1</v></c><c r='B2' s="100"><v>2</v></c><c\tr="C2" s="100"/><c r="" s="100"><v>4</v></c>` +
        `<c r="E2" t="inlineStr"><is><t>new</t></is></c><c r="f2" s="101"><v>6</v></c><c r="G2" s="100"><v>7</v></c></row></sheetData></worksheet>`,
    );
    expect(log).toEqual(['100=0+{"fill":"#00B050"}', '101=2+{"fill":"#00B050"}']);
  });

  test("end tags spelt with a space, a row or cell with a prefix of its own, and an element that is not a row: patched, the rest as it came", () => {
    // All valid XML, from no writer we know of (helper-69): `</row >` stopped the build, the foreign element made malformed output.
    const xml =
      `<worksheet xmlns="m" xmlns:s="m"><sheetData><zz:note xmlns:zz="urn:zz"><zz:row r="9"/></zz:note><row r="1"><c r="A1"><v>1</v></c ></row >` +
      `<s:row r="2"><c r="A2"><v>2</v></c><s:c r="B2" s="3"><s:v>3</s:v></s:c ></s:row><row r="3"><c r="A3"><v>4</v></c></row></sheetData></worksheet>`;
    const plan: SheetPlan = {
      ...emptySheetPlan("T", "edit"),
      styles: [{ style: GREEN, ranges: [{ top: 0, left: 0, bottom: 2, right: 0 }, { top: 1, left: 1, bottom: 1, right: 1 }] }],
      blocks: [{ row: 1, col: 2, values: [["ok"]] }],
    };
    for (const size of [1, 5, 100000]) {
      const log: string[] = [];
      expect(patch(xml, plan, size, log)).toBe(
        `<worksheet xmlns="m" xmlns:s="m"><sheetData><zz:note xmlns:zz="urn:zz"><zz:row r="9"/></zz:note><row r="1"><c r="A1" s="100"><v>1</v></c ></row >` +
          `<s:row r="2"><c r="A2" s="100"><v>2</v></c><s:c r="B2" s="101"><s:v>3</s:v></s:c ><c r="C2" t="inlineStr"><is><t>ok</t></is></c></s:row><row r="3"><c r="A3" s="100"><v>4</v></c></row></sheetData></worksheet>`,
      );
      expect(log).toEqual(['100=0+{"fill":"#00B050"}', '101=3+{"fill":"#00B050"}']);
    }
  });

  test("a comment or CDATA holding what reads as an end tag (</row>, </c>, <sheetData/>) is passed over, not taken for one (helper-74: the build spun for ever)", () => {
    const xml =
      `<worksheet><!-- <sheetData/> --><sheetData><row r="1"><c r="A1"><v>1</v></c><!-- </row> --><c r="B1"><v>2</v></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[a </c> b </row> c]]></t></is></c><c r="B2"><v>3</v></c></row></sheetData></worksheet>`;
    const plan: SheetPlan = { ...emptySheetPlan("T", "edit"), styles: [{ style: GREEN, ranges: [{ top: 0, left: 1, bottom: 1, right: 1 }] }], blocks: [{ row: 0, col: 2, values: [["x"], ["y"]] }] };
    for (const size of [1, 6, 100000]) {
      expect(patch(xml, plan, size)).toBe(
        `<worksheet><!-- <sheetData/> --><sheetData><row r="1"><c r="A1"><v>1</v></c><!-- </row> --><c r="B1" s="100"><v>2</v></c><c r="C1" t="inlineStr"><is><t>x</t></is></c></row>` +
          `<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[a </c> b </row> c]]></t></is></c><c r="B2" s="100"><v>3</v></c><c r="C2" t="inlineStr"><is><t>y</t></is></c></row></sheetData></worksheet>`,
      );
    }
  });

  test("columns of two and three letters are read in place right (Z, AA, AB, AC, then AAB)", () => {
    const xml = `<worksheet><sheetData><row r="2"><c r="Z2"><v>1</v></c><c r="AA2"><v>2</v></c><c r="AB2" s="3"><v>3</v></c><c r="AC2"><v>4</v></c><c r="AAB2"><v>5</v></c></row></sheetData></worksheet>`;
    // AB is column 27 (zero-based); AD, 29, goes between AC and AAB (702).
    const plan: SheetPlan = { ...emptySheetPlan("T", "edit"), styles: [{ style: GREEN, ranges: [{ top: 1, left: 27, bottom: 1, right: 27 }] }], blocks: [{ row: 1, col: 29, values: [[9]] }] };
    const log: string[] = [];
    expect(patch(xml, plan, 5, log)).toBe(
      `<worksheet><sheetData><row r="2"><c r="Z2"><v>1</v></c><c r="AA2"><v>2</v></c><c r="AB2" s="100"><v>3</v></c><c r="AC2"><v>4</v></c><c r="AD2"><v>9</v></c><c r="AAB2"><v>5</v></c></row></sheetData></worksheet>`,
    );
    expect(log).toEqual(['100=3+{"fill":"#00B050"}']);
  });

  test("an empty sheetData and a prefixed sheet get our rows; cols is made when there is none", () => {
    const xml = `<x:worksheet xmlns:x="ns"><x:sheetFormatPr defaultRowHeight="15"/><x:sheetData/><x:pageMargins left="1"/></x:worksheet>`;
    const plan: SheetPlan = { ...emptySheetPlan("T", "edit"), blocks: [{ row: 1, col: 1, values: [["a", null]] }], columnWidths: [{ col: 1, width: 300 }] };
    expect(patch(xml, plan)).toBe(
      '<x:worksheet xmlns:x="ns"><x:sheetFormatPr defaultRowHeight="15"/><x:cols><x:col min="2" max="2" width="255" customWidth="1"/></x:cols><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row></x:sheetData><x:pageMargins left="1"/></x:worksheet>',
    );
  });

  test("a value replaces our old cell; a style over format 0 removes nothing else", () => {
    const xml = `<worksheet><sheetData><row r="1"><c r="A1" s="3" t="s"><v>9</v></c><c r="B1" s="7" t="inlineStr"><is><t>old</t></is></c></row></sheetData></worksheet>`;
    const plan: SheetPlan = { ...emptySheetPlan("T", "edit"), blocks: [{ row: 0, col: 1, values: [[null]] }], styles: [{ style: GREEN, ranges: [{ top: 0, left: 0, bottom: 0, right: 1 }] }] };
    expect(patch(xml, plan)).toBe('<worksheet><sheetData><row r="1"><c r="A1" s="100" t="s"><v>9</v></c><c r="B1" s="101"/></row></sheetData></worksheet>');
  });

  test("cuts a cell's text to Excel's limit and says so", () => {
    const problems: never[] = [];
    const plan: SheetPlan = { ...emptySheetPlan("T", "edit"), blocks: [{ row: 0, col: 0, values: [["x".repeat(40000)]] }] };
    const edits = sheetEdits(plan, problems);
    expect(problems).toHaveLength(1);
    expect((edits.rows[0].cells[0].value as string).length).toBe(32767);
  });
});

describe("patchCols", () => {
  test("adds a column in order among the others", () => {
    expect(patchCols('<cols><col min="1" max="1" width="5"/><col min="9" max="9" width="5"/></cols>', [{ col: 4, width: 22.123456 }], "")).toBe(
      '<cols><col min="1" max="1" width="5"/><col min="5" max="5" width="22.1235" customWidth="1"/><col min="9" max="9" width="5"/></cols>',
    );
  });

  test("shows our column where the officer hid the unused columns right of the tracker; the rest stay hidden", () => {
    expect(patchCols('<cols><col min="1" max="4" width="12" customWidth="1"/><col min="5" max="16384" width="9.140625" hidden="1"/></cols>', [{ col: 4, width: 18 }], "")).toBe(
      '<cols><col min="1" max="4" width="12" customWidth="1"/><col min="5" max="5" width="18" customWidth="1"/><col min="6" max="16384" width="9.140625" hidden="1"/></cols>',
    );
    // hidden="false" is left as it is: it hides nothing.
    expect(patchCols('<cols><col min="5" max="5" width="9" hidden="false" style="2"/></cols>', [{ col: 4, width: 18 }], "")).toBe('<cols><col min="5" max="5" width="18" hidden="false" style="2" customWidth="1"/></cols>');
  });

  // helper-67: a workbook LibreOffice saved after a build says customWidth="true"; rewriting it "1" made the next build differ.
  test.each([
    '<col collapsed="false" customWidth="true" hidden="false" outlineLevel="0" max="8" min="8" style="0" width="29"/>',
    '<col min="8" max="8" width="29.0" customWidth="1"/>',
  ])("our column already at its width, said in other words, is left as it is: %s", (col) => {
    expect(patchCols(`<cols>${col}</cols>`, [{ col: 7, width: 29 }], "")).toBe(`<cols>${col}</cols>`);
  });
});

describe("putBackCols: the widths of columns an earlier run sized and this one does not", () => {
  test("a width in points back as Excel's width (widthPoints' inverse), a hidden one hidden again, the rest as they are", () => {
    const cols = '<cols><col min="7" max="7" width="29" customWidth="1"/><col min="8" max="8" width="45" customWidth="1"/><col min="9" max="16384" width="0" hidden="1" customWidth="1"/></cols>';
    expect(putBackCols(cols, new Map([[7, 0]]), "")).toBe('<cols><col min="7" max="7" width="29" customWidth="1"/><col min="8" max="8" width="45" customWidth="1" hidden="1"/><col min="9" max="16384" width="0" hidden="1" customWidth="1"/></cols>');
    expect(putBackCols(cols, new Map([[7, 48]]), "")).toBe('<cols><col min="7" max="7" width="29" customWidth="1"/><col min="8" max="8" width="9.1406" customWidth="1"/><col min="9" max="16384" width="0" hidden="1" customWidth="1"/></cols>');
    // Hidden by the officer since: stays hidden, at its width before.
    expect(putBackCols('<cols><col min="8" max="8" width="45" hidden="1" customWidth="1"/></cols>', new Map([[7, 48]]), "")).toBe('<cols><col min="8" max="8" width="9.1406" hidden="1" customWidth="1"/></cols>');
    // A column with no <col> of its own, hidden before: one is made.
    expect(putBackCols("<cols/>", new Map([[2, 0]]), "")).toBe('<cols><col min="3" max="3" width="9.1406" hidden="1"/></cols>');
  });

  test.each([9.140625, 12.7109375, 29.7109375, 45.7109375])("widthOfPoints(widthPoints(%s)) gives the same points", (width) => {
    expect(widthPoints(widthOfPoints(widthPoints(width)))).toBe(widthPoints(width));
  });
});

describe("columnPoints", () => {
  test("a column's width as Excel reports it: its own, else the sheet's default, else 8 characters and padding (48 points)", () => {
    const head = (format: string, cols: string) => `<worksheet>${format}${cols}<sheetData/></worksheet>`;
    const cols = '<cols><col min="2" max="4" width="22.7109375" customWidth="1"/><col min="6" max="6" style="3"/></cols>';
    expect([...columnPoints(head('<sheetFormatPr defaultRowHeight="15"/>', cols), [0, 2, 5])]).toEqual([
      [0, 48],
      [2, 119.25],
      [5, 48],
    ]);
    // Excel writes a column of 8.43 characters as 9.140625: 64 pixels.
    expect(columnPoints(head('<sheetFormatPr defaultColWidth="9.140625" defaultRowHeight="15"/>', ""), [7]).get(7)).toBe(48);
    expect(columnPoints(head('<sheetFormatPr baseColWidth="10" defaultRowHeight="15"/>', ""), [0]).get(0)).toBe(60);
  });

  test("a hidden column is 0 points wide, as Excel reports it (the width Remove colours puts back hides it again)", () => {
    const head = '<worksheet><cols><col min="5" max="16384" width="9.140625" hidden="1"/><col min="2" max="2" width="9" hidden="true"/></cols><sheetData/></worksheet>';
    expect([...columnPoints(head, [1, 4, 100])]).toEqual([
      [1, 0],
      [4, 0],
      [100, 0],
    ]);
  });
});

describe("a format given as it is", () => {
  test("is written even when it is the default, where the row or column would give the cell another", () => {
    const xml = `<worksheet><cols><col min="3" max="3" style="5"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const edits = sheetEdits(emptySheetPlan("T", "edit"), []);
    edits.rows = [{ row: 0, cells: [{ col: 2, styles: [], xf: 0 }] }, { row: 1, cells: [{ col: 2, styles: [], xf: 7 }] }];
    edits.extent = { top: 0, bottom: 1, left: 2, right: 2 };
    const p = new SheetPatcher(edits, fakeXf([]), "T");
    let out = "";
    p.push(xml, (piece) => (out += piece));
    p.end((piece) => (out += piece));
    expect(out).toContain('<row r="1"><c r="A1"><v>1</v></c><c r="C1"/></row><row r="2"><c r="C2" s="7"/></row>');
  });
});

