// The Office.js members the host uses (scripts/office-api.js): docs/office-api.md must be what the
// script writes now, no member may be above the manifest's requirement set without feature
// detection, and the fake must model every Excel member. Probes check the rules themselves.
import * as fs from "fs";
import * as path from "path";
import type { OfficeApiAnalysis } from "../scripts/office-api";
import { analyse, conditions, DOC, render, requirementSets } from "../scripts/office-api";

const ROOT = path.resolve(__dirname, "..");

let real: OfficeApiAnalysis;
let probed: OfficeApiAnalysis;

// A host file the real host does not have: Range.moveTo is ExcelApi 1.11 and the fake has no moveTo.
const PROBE = "src/excel/office-api-probe.ts";
const PROBE_SOURCE = `
import type { IsSetSupported } from "./api";
export function moveUnguarded(range: Excel.Range): void {
  range.moveTo("B1");
}
export function moveGuarded(range: Excel.Range, isSetSupported: IsSetSupported): void {
  if (isSetSupported("ExcelApi", "1.11")) range.moveTo("C1");
}
function canMove(isSetSupported: IsSetSupported): boolean {
  return isSetSupported("ExcelApi", "1.12");
}
export function moveViaHelper(range: Excel.Range, isSetSupported: IsSetSupported): void {
  if (canMove(isSetSupported)) range.moveTo("D1");
}
interface XlProbeSheet extends Pick<Excel.Worksheet, "name"> {
  getRangeCopy(): void;
}
export function invented(ws: XlProbeSheet): string {
  ws.getRangeCopy();
  return ws.name;
}
export function moveTooOld(range: Excel.Range, isSetSupported: IsSetSupported): void {
  if (isSetSupported("ExcelApi", "1.10")) range.moveTo("E1");
}
`;

beforeAll(() => {
  real = analyse();
  probed = analyse({ sources: { [PROBE]: PROBE_SOURCE } });
}, 180000);

const row = (a: OfficeApiAnalysis, key: string) => a.rows.find((r) => r.key === key);

describe("docs/office-api.md", () => {
  test("is what npm run office-api writes now", () => {
    const onDisk = fs.readFileSync(path.join(ROOT, DOC), "utf8");
    const fresh = render(real);
    if (onDisk !== fresh) {
      const want = fresh.split("\n");
      const have = onDisk.split("\n");
      const gone = have.filter((l) => !want.includes(l)).map((l) => `- ${l}`);
      const added = want.filter((l) => !have.includes(l)).map((l) => `+ ${l}`);
      throw new Error([`${DOC} is out of date: run npm run office-api. Lines that differ:`, ...gone, ...added].join("\n"));
    }
    expect(onDisk).toBe(fresh);
  });
});

describe("the host's Office.js members", () => {
  test("none is above the manifest's requirement set without feature detection", () => {
    expect(real.findings.aboveUnguarded).toEqual([]);
  });

  test("the fake models every Excel member the host uses", () => {
    expect(real.findings.unmodelled).toEqual([]);
  });

  test("every member of the host's subset types exists on the Office.js type it stands for", () => {
    expect(real.findings.notInOffice).toEqual([]);
  });

  test("every member found is an Office.js member, with the files that use it", () => {
    expect(real.rows.length).toBeGreaterThan(0);
    for (const r of real.rows) {
      expect(r.key).toMatch(/^(Excel|Office|OfficeExtension)\./);
      expect(r.files.length).toBeGreaterThan(0);
      for (const f of r.files) expect(fs.existsSync(path.join(ROOT, f))).toBe(true);
    }
  });

  test("the manifest's declared set is read from manifest.xml", () => {
    const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const declared = /<Set\s+Name="ExcelApi"\s+MinVersion="([^"]+)"/.exec(xml)?.[1];
    expect(real.manifest.sets.get("ExcelApi")).toBe(declared);
  });

  test("a documented null reaches the table (Worksheet.tabColor on an invisible sheet)", () => {
    const tab = row(real, "Excel.Worksheet.tabColor");
    expect(tab).toBeDefined();
    expect(tab!.sets.map((s) => s.name)).toEqual(["ExcelApi"]);
    expect(tab!.doc.conditions.join(" ")).toMatch(/invisible.*null/);
  });
});

describe("the rules, on a probe file", () => {
  test("the probe's member is found with its requirement set", () => {
    const move = row(probed, "Excel.Range.moveTo");
    expect(move?.sets).toEqual([expect.objectContaining({ name: "ExcelApi", version: "1.11" })]);
    expect(move?.files).toEqual([PROBE]);
  });

  test("only the unguarded use and the use guarded by too old a version are reported", () => {
    const found = probed.findings.aboveUnguarded.find((f) => f.member === "Excel.Range.moveTo");
    const lines = PROBE_SOURCE.split("\n");
    const lineOf = (text: string) => `${PROBE}:${lines.findIndex((l) => l.includes(text)) + 1}`;
    expect(found?.sites.map((s) => s.at).sort()).toEqual([lineOf('range.moveTo("B1")'), lineOf('range.moveTo("E1")')].sort());
  });

  test("a subset-type member the Excel type lacks is reported, and a picked one is found", () => {
    expect(probed.findings.notInOffice).toEqual([expect.objectContaining({ member: "XlProbeSheet.getRangeCopy", standsFor: "Excel.Worksheet" })]);
    expect(row(probed, "Excel.Worksheet.name")?.files).toContain(PROBE);
  });

  test("a member the fake has no behaviour for is reported", () => {
    const gap = probed.findings.unmodelled.find((f) => f.member === "Excel.Range.moveTo");
    expect(gap?.why).toMatch(/FakeRange has no `moveTo`/);
  });
});

describe("reading @types/office-js doc comments", () => {
  test("a set with different versions for reading and writing counts as its newest", () => {
    expect(requirementSets("Specifies the name.\n@remarks\n[Api set: ExcelApi 1.1 for get, 1.8 for set]")).toEqual([
      expect.objectContaining({ name: "ExcelApi", version: "1.8" }),
    ]);
  });

  test("Office's requirement-set lists: versionless means 1.1, Outlook's sets are dropped, a parameter's set is conditional", () => {
    const comment = [
      "Delivers a message.",
      "@remarks",
      "**Requirement sets**:",
      "",
      "- {@link https://example/dialog | DialogApi}",
      "",
      "- {@link https://example/outlook | Mailbox 1.4}",
      "",
      "- If the `messageOptions` parameter is used, {@link https://example/origin | DialogOrigin 1.1} is also required.",
      "",
      "@param message The message.",
    ].join("\n");
    expect(requirementSets(comment)).toEqual([
      expect.objectContaining({ name: "DialogApi", version: "1.1", param: undefined }),
      expect.objectContaining({ name: "DialogOrigin", version: "1.1", param: "messageOptions" }),
    ]);
  });

  test("conditions keep sentences about null, errors and limits, not the rest", () => {
    const comment = "Specifies the tab colour. When retrieving the tab color, if the worksheet is invisible, the value will be `null`. Colours are HTML codes.\n@remarks\n[Api set: ExcelApi 1.7]";
    expect(conditions(comment)).toEqual(["When retrieving the tab color, if the worksheet is invisible, the value will be `null`."]);
  });
});
