// The package layer: zip entries, content types, relationships (absolute and relative targets) and the workbook part.
import { readContentTypes, contentTypeOf } from "../../src/xlsx/package/content-types";
import { readRelationships, resolveTarget, relsPartOf } from "../../src/xlsx/package/relationships";
import { readWorkbookPart } from "../../src/xlsx/package/workbook-part";
import { ZipPackage } from "../../src/xlsx/package/zip-reader";
import { InputError } from "../../src/xlsx/errors";
import { bookParts, makeBook, zipParts, type Parts } from "./package-fixtures";

describe("resolveTarget", () => {
  test.each([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets/sheet1.xml", "../tables/table1.xml", "xl/tables/table1.xml"],
    ["xl/worksheets/sheet1.xml", "/xl/tables/table1.xml", "xl/tables/table1.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
    ["xl/workbook.xml", "worksheets/My%20Sheet.xml", "xl/worksheets/My Sheet.xml"],
    ["xl/workbook.xml", "../../outside.xml", undefined],
    ["xl/workbook.xml", "https://example.com/a.xml", undefined],
  ])("from %s, %s is %s", (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });

  test("rels part names", () => {
    expect(relsPartOf("")).toBe("_rels/.rels");
    expect(relsPartOf("xl/worksheets/sheet2.xml")).toBe("xl/worksheets/_rels/sheet2.xml.rels");
  });
});

describe("workbook part", () => {
  const spec = {
    sheets: [
      { name: "Data" },
      { name: "Chart1", chart: true },
      { name: "Secret", state: "veryHidden" as const },
      { name: "Old", state: "hidden" as const },
    ],
    date1904: true,
    definedNames: '<definedName name="_Owned" localSheetId="2" hidden="1">"Summary &amp; more"</definedName><definedName name="Lists">Data!$A:$A</definedName>',
    workbookExtra: '<workbookProtection lockStructure="1"/>',
  };

  test.each(["relative", "absolute"] as const)("reads sheets, kinds, states and parts with %s targets", async (targets) => {
    const pkg = await ZipPackage.open(await makeBook({ ...spec, targets }), "book.xlsx");
    try {
      const wb = await readWorkbookPart(pkg);
      expect(wb.partName).toBe("xl/workbook.xml");
      expect(wb.sheets.map((s) => [s.name, s.kind, s.state, s.part, s.index])).toEqual([
        ["Data", "worksheet", "visible", "xl/worksheets/sheet1.xml", 0],
        ["Chart1", "chartsheet", "visible", "xl/chartsheets/sheet2.xml", 1],
        ["Secret", "worksheet", "veryHidden", "xl/worksheets/sheet3.xml", 2],
        ["Old", "worksheet", "hidden", "xl/worksheets/sheet4.xml", 3],
      ]);
      expect(wb.date1904).toBe(true);
      expect(wb.protected).toBe(true);
      const unlocked = await ZipPackage.open(await makeBook({ sheets: [{ name: "A" }], workbookExtra: "<workbookProtection/>" }));
      expect((await readWorkbookPart(unlocked)).protected).toBe(false); // as openpyxl and LibreOffice write it
      unlocked.close();
      expect(wb.definedNames).toEqual([
        { name: "_Owned", formula: '"Summary & more"', localSheetId: 2, hidden: true },
        { name: "Lists", formula: "Data!$A:$A", hidden: false },
      ]);
      expect(wb.xml).toContain("<sheets>");
      const types = await readContentTypes(pkg);
      expect(contentTypeOf(types, "xl/workbook.xml")).toContain("sheet.main+xml");
      expect(contentTypeOf(types, "/xl/_rels/workbook.xml.rels")).toBe("application/vnd.openxmlformats-package.relationships+xml");
    } finally {
      pkg.close();
    }
  });

  test("finds the workbook through /_rels/.rels, wherever it is", async () => {
    const parts = bookParts({ sheets: [{ name: "A" }] });
    const moved: Parts = { ...parts, "book/main.xml": parts["xl/workbook.xml"], "book/_rels/main.xml.rels": String(parts["xl/_rels/workbook.xml.rels"]).replace(/Target="/g, 'Target="../xl/') };
    delete moved["xl/workbook.xml"];
    delete moved["xl/_rels/workbook.xml.rels"];
    moved["_rels/.rels"] = String(parts["_rels/.rels"]).replace("xl/workbook.xml", "book/main.xml");
    const pkg = await ZipPackage.open(await zipParts(moved), "moved.xlsx");
    try {
      const wb = await readWorkbookPart(pkg);
      expect(wb.partName).toBe("book/main.xml");
      expect(wb.sheets[0].part).toBe("xl/worksheets/sheet1.xml");
    } finally {
      pkg.close();
    }
  });

  test("sheet relationships resolve absolute and relative table targets alike", async () => {
    const pkg = await ZipPackage.open(
      await makeBook({ sheets: [{ name: "A", rels: [["rId1", "table", "../tables/table1.xml"], ["rId2", "table", "/xl/tables/table2.xml"], ["rId3", "hyperlink", "https://example.com"]] }] }),
      "t.xlsx",
    );
    try {
      const rels = await readRelationships(pkg, "xl/worksheets/sheet1.xml");
      expect(rels.list.map((r) => r.part)).toEqual(["xl/tables/table1.xml", "xl/tables/table2.xml", undefined]);
    } finally {
      pkg.close();
    }
  });
});

describe("refusals, in one line", () => {
  async function refusal(parts: Record<string, string>): Promise<string> {
    const pkg = await ZipPackage.open(await zipParts(parts), "bad.xlsx");
    try {
      await readWorkbookPart(pkg);
      return "read";
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as Error).message;
    } finally {
      pkg.close();
    }
  }

  test("Strict Open XML", async () => {
    const parts = bookParts({ sheets: [{ name: "A" }] }) as Record<string, string>;
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main");
    expect(await refusal(parts)).toMatch(/^bad\.xlsx is saved as Strict Open XML, which this tool cannot read/);
    parts["_rels/.rels"] = parts["_rels/.rels"].replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument");
    expect(await refusal(parts)).toMatch(/Strict Open XML/);
  });

  test("a DOCTYPE with entities", async () => {
    const parts = bookParts({ sheets: [{ name: "A" }] }) as Record<string, string>;
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace("<workbook", '<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><workbook');
    const message = await refusal(parts);
    expect(message).toBe("bad.xlsx is corrupt: xl/workbook.xml declares a DOCTYPE (entity definitions are refused)");
  });

  test("a zip with no workbook, and a cut-short zip", async () => {
    expect(await refusal({ "word/document.xml": "<w/>" })).toMatch(/no workbook in it/);
    const whole = await makeBook({ sheets: [{ name: "A" }] });
    await expect(ZipPackage.open(whole.subarray(0, whole.length - 30), "cut.xlsx")).rejects.toThrow(/^cut\.xlsx is corrupt: the zip package is incomplete/);
  });

  test("a text file and a missing file", async () => {
    await expect(ZipPackage.open(Buffer.from("a,b,c\n1,2,3\n"), "data.xlsx")).rejects.toThrow("data.xlsx is not an Excel .xlsx file (it looks like text)");
    await expect(ZipPackage.open("/nonexistent/x.xlsx", "x.xlsx")).rejects.toThrow("x.xlsx was not found");
  });
});

describe("zip entries", () => {
  test("read whole, streamed and raw with what a copy needs", async () => {
    const body = "<x>" + "abc".repeat(10000) + "</x>";
    const pkg = await ZipPackage.open(await zipParts({ "a.xml": body, "b/": "" }), "z.xlsx");
    try {
      expect(await pkg.readText("A.XML")).toBe(body);
      const info = pkg.info("a.xml")!;
      expect(info.compressionMethod).toBe(8);
      expect(info.uncompressedSize).toBe(body.length);
      let raw = 0;
      for await (const chunk of await pkg.openRaw("a.xml")) raw += (chunk as Buffer).length;
      expect(raw).toBe(info.compressedSize);
      expect(raw).toBeLessThan(body.length / 10);
      await expect(pkg.readBuffer("a.xml", 100)).rejects.toThrow(/z\.xlsx is too large to read: a\.xml/);
      expect(pkg.has("b/")).toBe(false);
    } finally {
      pkg.close();
    }
  });
});
