// The committed sample trackers open with the package reader, match their data files, and their hand-worked
// expectations point at real rows with status keys the preset has (RULES §2).
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readPackage } from "../../src/xlsx/read-package";
import type { SheetGrid } from "../../src/engine/vocab/types";

const SAMPLES = join(__dirname, "..", "..", "samples");

interface ExpectedRecord {
  sheet: string;
  row: number;
  kind: "indicator" | "activity";
  ref: string;
  status: string;
  check?: boolean;
  trend?: string;
  why: string;
}
interface Expected {
  sample: string;
  preset: string;
  reportDate: string;
  period: string;
  records: ExpectedRecord[];
}

// Status keys per preset and record kind, from RULES.md §2.
const KEYS: Record<string, Record<ExpectedRecord["kind"], string[]>> = {
  rag: { indicator: ["green", "amber", "red", "nodata", "dataonly"], activity: ["completed", "ontrack", "warning", "overdue", "cancelled", "nodata"] },
  dudley: { indicator: ["better", "within", "worse", "nodata", "dataonly"], activity: ["good", "fair", "poor", "narrative"] },
  pentana: { indicator: ["ok", "warning", "alert", "unknown", "dataonly"], activity: ["completed", "inprogress", "warning", "overdue", "cancelled", "unknown"] },
  cannock: {
    indicator: ["completed", "ontarget", "attention", "amendment", "aborted", "nodata", "dataonly"],
    activity: ["completed", "ontarget", "attention", "amendment", "aborted", "nodata"],
  },
};
const TRENDS = ["improving", "static", "worsening", "notrend"];

const samples = [
  { name: "dudley-community-safety", preset: "dudley", reportDate: "2010-12-31", minRecords: 50 },
  { name: "broxtowe-pentana", preset: "pentana", reportDate: "2021-06-30", minRecords: 30 },
  { name: "derby-csp", preset: "rag", reportDate: "2010-03-31", minRecords: 20 },
  { name: "cannock-pdp", preset: "cannock", reportDate: "2015-09-30", minRecords: 4 },
];

async function gridsOf(path: string): Promise<SheetGrid[]> {
  const read = await readPackage(path);
  read.pkg.close();
  return read.grids;
}

const expectedOf = (dir: string, name: string): Expected => JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8")) as Expected;

function rowText(grids: SheetGrid[], sheet: string, row: number): string[] {
  const g = grids.find((x) => x.name === sheet);
  return (g?.values[row - 1] ?? []).map((v) => (v === null ? "" : String(v)));
}

describe.each(samples)("sample $name", ({ name, preset, reportDate, minRecords }) => {
  let grids: SheetGrid[];
  let expected: Expected;
  beforeAll(async () => {
    grids = await gridsOf(join(SAMPLES, `${name}.xlsx`));
    expected = expectedOf(SAMPLES, name);
  });

  test("opens and names its preset and report date", () => {
    expect(grids.length).toBeGreaterThan(0);
    expect({ preset: expected.preset, reportDate: expected.reportDate }).toEqual({ preset, reportDate });
    expect(expected.records.length).toBeGreaterThanOrEqual(minRecords);
  });

  test("every expected record is on its row, with the preset's status keys", () => {
    for (const r of expected.records) {
      const cells = rowText(grids, r.sheet, r.row);
      expect(cells.some((c) => c.trim() !== "")).toBe(true);
      if (r.ref) expect(cells.some((c) => c === r.ref || c.startsWith(`${r.ref} `))).toBe(true);
      expect(KEYS[preset][r.kind]).toContain(r.status);
      if (r.trend !== undefined) expect(TRENDS).toContain(r.trend);
      expect(r.why.length).toBeGreaterThan(10);
    }
  });
});

describe("samples are up to date with samples/data", () => {
  test("regenerating gives the same expectations and the same cells", async () => {
    const out = mkdtempSync(join(tmpdir(), "rag-samples-"));
    const run = spawnSync(process.execPath, [join(SAMPLES, "make-samples.js"), out], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    for (const { name } of samples) {
      expect(expectedOf(out, name)).toEqual(expectedOf(SAMPLES, name));
      const [fresh, committed] = await Promise.all([gridsOf(join(out, `${name}.xlsx`)), gridsOf(join(SAMPLES, `${name}.xlsx`))]);
      expect(fresh).toEqual(committed);
    }
  });
});
