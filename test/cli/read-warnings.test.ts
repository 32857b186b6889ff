// The reader's warnings reach the user: a cell left out for being far from the data is named, one
// line each with its sheet and cell, when the build succeeds.
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readWarnings } from "../../src/cli/build";
import { addTracker } from "../xlsx/helpers/add-tracker";
import { runBuild } from "../xlsx/helpers/run-build";
import { readParts, writeParts } from "../xlsx/helpers/zip-parts";

const dir = mkdtempSync(join(tmpdir(), "rag-read-warnings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a sheet name with an apostrophe is quoted as Excel quotes it", () => {
  const problems = [{ sheet: "Officer's sheet", cell: "XFD1", message: "1 cell far from the rest of the data (from XFD1) was not read", severity: "warning" as const }];
  expect(readWarnings({ problems })).toEqual(["  Warning: 'Officer''s sheet'!XFD1: 1 cell far from the rest of the data (from XFD1) was not read"]);
});

test("a build over a sheet with stray cells at its far edges prints one warning line naming the sheet and cell", async () => {
  const { parts } = addTracker(await readParts(join(__dirname, "..", "fixtures", "made", "stray-both-edges.xlsx")));
  const input = join(dir, "stray.xlsx");
  await writeParts(parts, input);
  const run = await runBuild([input, "-o", join(dir, "out.xlsx"), "--preset", "rag", "--report-date", "2024-03-31"]);
  expect(run.threw).toBeUndefined();
  expect(run.code).toBe(0);
  const lines = run.out.join("\n").split("\n");
  expect(lines.filter((l) => l.includes("Warning:"))).toEqual([
    "  Warning: 'Tracker'!XFD1: 2 cells far from the rest of the data (from XFD1) were not read: move them nearer the table if they are part of it",
  ]);
});
