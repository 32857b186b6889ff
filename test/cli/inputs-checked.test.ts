// Issue 12 item 4 in the command line: a committee that matches none, a period that is not a quarter
// of a real year, --version and build --help; and what build prints (RULES §10: what it assumed and
// where; status labels, not keys).
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "rag-inputs-"));
const dudley = join(root, "samples", "dudley-community-safety.xlsx");

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  jest.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  jest.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  try {
    const code = await main(args);
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    jest.restoreAllMocks();
  }
}

test.each([
  ["a misspelt committee names the nearest known ones", ["--committee", "Comunity Safety and Community Servics"], /no committee "Comunity Safety and Community Servics" in the workbook; the nearest is "Community Safety and Community Services"/],
  ["--period Q5 2021/22", ["--period", "Q5 2021/22"], /no quarter 5/],
  ["--period June 2021", ["--period", "June 2021"], /not a quarter and financial year/],
  ["--report-date 2010-02-30", ["--report-date", "2010-02-30"], /not a date on the calendar/],
])("issue 12 item 4: %s is a usage error", async (_name, extra, message) => {
  const { code, err } = await run(["build", dudley, "-o", join(dir, "x.xlsx"), ...extra]);
  expect(code).toBe(1);
  expect(err).toMatch(message);
  expect(err.split("\n")).toHaveLength(1);
});

test("issue 12 item 4: --version and build --help work", async () => {
  expect((await run(["--version"])).out).toMatch(/^rag-scorecard \d+\.\d+\.\d+$/);
  expect((await run(["build", "--version"])).out).toMatch(/^rag-scorecard \d+\.\d+\.\d+$/);
  const help = await run(["build", "--help"]);
  expect([help.code, /--include-hidden/.test(help.out)]).toEqual([0, true]);
});

test("RULES §10: build prints the period and report date it found, and counts by status label", async () => {
  const { code, out } = await run(["build", dudley, "-o", join(dir, "dudley.xlsx"), "--preset", "dudley"]);
  expect(code).toBe(0);
  expect(out).toContain("Period Q3 2010/11, from 'Community Safety'!A2; report date 31/12/2010, the end of that period");
  expect(out).toMatch(/Indicators: Better than target limits \d+/);
  expect(out).not.toMatch(/\bbetter \d+/);
});
