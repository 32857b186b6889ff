// A sheet of ours that is replaced takes its own parts with it, never a part another sheet still uses.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import JSZip from "jszip";
import { ZipPackage } from "../../../src/xlsx/package/zip-reader";
import { partsOwnedBy } from "../../../src/xlsx/patch/owned-parts";

const rels = (...targets: [string, string][]) =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets.map(([id, t]) => `<Relationship Id="${id}" Type="x" Target="${t}"/>`).join("")}</Relationships>`;

test("a replaced sheet's drawing and notes go; a picture the user's sheet also shows stays", async () => {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("_rels/.rels", rels(["rId1", "xl/workbook.xml"]));
  zip.file("xl/workbook.xml", "<workbook/>");
  zip.file("xl/_rels/workbook.xml.rels", rels(["rId1", "worksheets/sheet1.xml"], ["rId2", "worksheets/sheet2.xml"]));
  zip.file("xl/worksheets/sheet1.xml", "<worksheet/>");
  zip.file("xl/worksheets/_rels/sheet1.xml.rels", rels(["rId1", "../drawings/drawing1.xml"]));
  zip.file("xl/worksheets/sheet2.xml", "<worksheet/>");
  zip.file("xl/worksheets/_rels/sheet2.xml.rels", rels(["rId1", "/xl/drawings/drawing2.xml"], ["rId2", "../comments2.xml"]));
  zip.file("xl/comments2.xml", "<comments/>");
  zip.file("xl/drawings/drawing1.xml", "<d/>");
  zip.file("xl/drawings/_rels/drawing1.xml.rels", rels(["rId1", "../media/image1.png"]));
  zip.file("xl/drawings/drawing2.xml", "<d/>");
  zip.file("xl/drawings/_rels/drawing2.xml.rels", rels(["rId1", "../media/image1.png"], ["rId2", "../charts/chart1.xml"]));
  zip.file("xl/charts/chart1.xml", "<c/>");
  zip.file("xl/media/image1.png", "png");
  const path = join(mkdtempSync(join(tmpdir(), "rag-owned-")), "book.xlsx");
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
  const pkg = await ZipPackage.open(path);
  try {
    expect([...(await partsOwnedBy(pkg, ["xl/worksheets/sheet2.xml"]))].sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/comments2.xml",
      "xl/drawings/_rels/drawing2.xml.rels",
      "xl/drawings/drawing2.xml",
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/worksheets/sheet2.xml",
    ]);
  } finally {
    pkg.close();
  }
});
