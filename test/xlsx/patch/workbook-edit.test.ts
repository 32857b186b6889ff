// The parts that list the workbook's sheets, edited for ours: everything else stays byte for byte.
import { editWorkbookXml, quotedSheet } from "../../../src/xlsx/patch/workbook-edit";
import { editAppXml, editContentTypes, editRels, freshRelIds } from "../../../src/xlsx/patch/package-edits";

const WB = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="100" windowHeight="100" activeTab="2"/></bookViews><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Summary" sheetId="4" r:id="rId2"/><sheet name="Notes" sheetId="3" r:id="rId3"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">Summary!$1:$3</definedName><definedName name="Local" localSheetId="2">Notes!$A$1</definedName><definedName name="Global">Data!$A$1</definedName></definedNames><calcPr calcId="191029"/></workbook>`;

describe("editWorkbookXml", () => {
  test("removes a sheet with its own names, renumbers the others' scope, adds ours after the last sheetId", () => {
    const out = editWorkbookXml(WB, {
      remove: new Set([1]),
      clearNames: new Set(),
      add: [{ name: "Summary", relId: "rId9" }, { name: "RagScorecardState", relId: "rId10", state: "veryHidden" }],
      names: [{ index: 2, name: "_xlnm.Print_Titles", formula: `${quotedSheet("Summary")}!$1:$4` }, { index: 3, name: "_RagScorecardOwned", formula: '"RagScorecardState"', hidden: true }],
    });
    expect(out).toBe(
      WB.replace('activeTab="2"', 'activeTab="1"')
        .replace(
          '<sheet name="Summary" sheetId="4" r:id="rId2"/><sheet name="Notes" sheetId="3" r:id="rId3"/>',
          '<sheet name="Notes" sheetId="3" r:id="rId3"/><sheet name="Summary" sheetId="5" r:id="rId9"/><sheet name="RagScorecardState" sheetId="6" state="veryHidden" r:id="rId10"/>',
        )
        .replace(
          '<definedName name="_xlnm.Print_Titles" localSheetId="1">Summary!$1:$3</definedName><definedName name="Local" localSheetId="2">',
          '<definedName name="Local" localSheetId="1">',
        )
        .replace("Data!$A$1</definedName>", "Data!$A$1</definedName><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"2\">'Summary'!$1:$4</definedName><definedName name=\"_RagScorecardOwned\" localSheetId=\"3\" hidden=\"1\">\"RagScorecardState\"</definedName>"),
    );
  });

  test("a workbook with no names gets them before calcPr; apostrophes in a sheet name are doubled", () => {
    const wb = `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets><calcPr/></workbook>`;
    const out = editWorkbookXml(wb, { remove: new Set(), clearNames: new Set([0]), add: [], names: [{ index: 0, name: "_xlnm.Print_Titles", formula: `${quotedSheet("Children's")}!$1:$1` }] });
    expect(out).toBe(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'Children''s'!$1:$1</definedName></definedNames><calcPr/></workbook>`);
  });

  test("elements named in a comment, CDATA or processing instruction are not the workbook's (helper-69: our sheets went into the comment)", () => {
    const wb = `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><!-- <sheets></sheets> <definedNames> --><?pi <sheets/>?><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets><calcPr/></workbook>`;
    const out = editWorkbookXml(wb, { remove: new Set(), clearNames: new Set(), add: [{ name: "Summary", relId: "rId2" }], names: [{ index: 1, name: "_xlnm.Print_Titles", formula: "'Summary'!$1:$4" }] });
    expect(out).toBe(
      `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><!-- <sheets></sheets> <definedNames> --><?pi <sheets/>?><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="Summary" sheetId="2" r:id="rId2"/></sheets>` +
        `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'Summary'!$1:$4</definedName></definedNames><calcPr/></workbook>`,
    );
  });
});

describe("our record sheet made very hidden again (saved by LibreOffice or Gnumeric)", () => {
  const wb = `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="2"/></bookViews><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" state="hidden" r:id="rId2"/><sheet name="RagScorecardState" sheetId="3" r:id="rId3"/></sheets></workbook>`;

  test("its state becomes veryHidden, and the active tab, which was it, the first sheet that shows", () => {
    const out = editWorkbookXml(wb, { remove: new Set(), clearNames: new Set(), veryHidden: new Set([2]), add: [], names: [] });
    expect(out).toBe(wb.replace('activeTab="2"', 'activeTab="0"').replace('<sheet name="RagScorecardState" sheetId="3" r:id="rId3"/>', '<sheet name="RagScorecardState" sheetId="3" r:id="rId3" state="veryHidden"/>'));
  });

  test("an active tab that still shows is left as it is", () => {
    const active = wb.replace('activeTab="2"', 'activeTab="0"');
    expect(editWorkbookXml(active, { remove: new Set(), clearNames: new Set(), veryHidden: new Set([2]), add: [], names: [] })).toContain('<workbookView activeTab="0"/>');
  });
});

describe("package edits", () => {
  test("relationship ids are never reused", () => {
    expect(freshRelIds(["rId1", "rId3", "foo"], 2)).toEqual(["rId4", "rId5"]);
  });

  test("rels and content types lose exactly the entries removed and gain ours", () => {
    const rels = `<?xml version="1.0"?>\n<Relationships xmlns="x"><Relationship Id="rId1" Type="t" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="t" Target="worksheets/sheet2.xml"/></Relationships>`;
    expect(editRels(rels, new Set(["rId2"]), [{ id: "rId3", type: "w", target: "worksheets/sheet3.xml" }])).toBe(
      `<?xml version="1.0"?>\n<Relationships xmlns="x"><Relationship Id="rId1" Type="t" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="w" Target="worksheets/sheet3.xml"/></Relationships>`,
    );
    const types = `<Types xmlns="y"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="w"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="d"/></Types>`;
    expect(editContentTypes(types, new Set(["xl/worksheets/sheet2.xml", "xl/drawings/drawing1.xml"]), [{ part: "xl/worksheets/sheet9.xml", type: "w" }])).toBe(
      `<Types xmlns="y"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet9.xml" ContentType="w"/></Types>`,
    );
  });

  test("app.xml's sheet titles follow the sheets, whatever language the heading is in", () => {
    const app = `<Properties><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>Arbeitsblätter</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant><vt:variant><vt:lpstr>Benannte Bereiche</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>Data</vt:lpstr><vt:lpstr>Summary</vt:lpstr><vt:lpstr>Data!Print_Area</vt:lpstr></vt:vector></TitlesOfParts></Properties>`;
    expect(editAppXml(app, ["Data", "Summary"], ["Data", "Summary & Co", "Rules"])).toBe(
      app.replace("<vt:i4>2</vt:i4>", "<vt:i4>3</vt:i4>").replace('<vt:vector size="3" baseType="lpstr"><vt:lpstr>Data</vt:lpstr><vt:lpstr>Summary</vt:lpstr>', '<vt:vector size="4" baseType="lpstr"><vt:lpstr>Data</vt:lpstr><vt:lpstr>Summary &amp; Co</vt:lpstr><vt:lpstr>Rules</vt:lpstr>'),
    );
    expect(editAppXml(app, ["Other"], ["X"])).toBe(app);
  });
});
