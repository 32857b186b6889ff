// The built ribbon function file under a stub of desktop Excel's loader (scripts/stub-office-loader.js):
// clicks are dispatched only after Office.onReady()/initialize. In the shared runtime the function file is
// the task pane's page (taskpane.html), which loads the ribbon's chunk before the pane's. Time is virtual.
import fs from "fs";
import os from "os";
import path from "path";
import { checkFunctionFile, LIFETIME_MS, loadFunctionFile, parsesInOldWebview } from "../../scripts/stub-office-loader";
import type { LoadOptions } from "../../scripts/stub-office-loader";
import { NOT_STARTED_MESSAGE } from "../../src/commands/run-command";
import { RULES_SHEET } from "../../src/engine/rules-sheet/rules-sheet";
import { REQUIREMENTS_MESSAGE } from "../../src/excel/requirements";
import { createFakeExcel } from "../../src/fake-excel";
import { generatedTracker } from "../excel/trackers";
import { ensureBuilt, ROOT, WEB } from "../e2e/browser";

jest.setTimeout(600_000);

const manifestXml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const load = (options: Partial<LoadOptions> = {}) => loadFunctionFile({ webDir: WEB, manifestXml, ...options });
const SECOND = 1000;

beforeAll(() => ensureBuilt());

test("the page the manifest's FunctionFile names calls onReady at load and associates every FunctionName", async () => {
  const result = await checkFunctionFile({ webDir: WEB, manifestXml });
  expect(result).toMatchObject({ ok: true, problems: [], page: "taskpane.html" });
  expect([...result.wanted].sort()).toEqual(["applyColours", "buildSummary", "liveColoursOff", "liveColoursOn", "removeColours"]);
});

test("the check fails a function file that associates its functions but never calls onReady", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rag-function-file-"));
  try {
    fs.writeFileSync(path.join(dir, "taskpane.html"), '<html><head><script src="late.js"></script></head></html>');
    fs.writeFileSync(path.join(dir, "late.js"), 'Office.actions.associate("applyColours", function (e) { e.completed(); });');
    const result = await checkFunctionFile({ webDir: dir, manifestXml });
    expect(result.ok).toBe(false);
    expect(result.problems.join("; ")).toMatch(/never calls Office\.onReady\(\).*not associated: buildSummary, removeColours/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the check fails a function file that reads Office.context at load, before Office has initialised it", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rag-function-file-"));
  try {
    fs.writeFileSync(path.join(dir, "taskpane.html"), '<html><head><script src="eager.js"></script></head></html>');
    fs.writeFileSync(
      path.join(dir, "eager.js"),
      'Office.onReady(); var supported = Office.context.requirements.isSetSupported("ExcelApi", "1.9");' +
        ' ["applyColours", "buildSummary", "removeColours", "liveColoursOn", "liveColoursOff"].forEach(function (n) { Office.actions.associate(n, function (e) { e.completed(); }); });',
    );
    const result = await checkFunctionFile({ webDir: dir, manifestXml });
    expect(result.ok).toBe(false);
    expect(result.problems.join("; ")).toMatch(/function file threw at load: eager\.js: .*isSetSupported/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the stub behaves as desktop Excel: a click waits for onReady, and a command never completed is closed at five minutes", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rag-function-file-"));
  try {
    fs.writeFileSync(path.join(dir, "taskpane.html"), '<html><head><script src="slow.js"></script></head></html>');
    fs.writeFileSync(
      path.join(dir, "slow.js"),
      'Office.actions.associate("applyColours", function () {}); setTimeout(function () { Office.onReady(); }, 2000);',
    );
    const page = loadFunctionFile({ webDir: dir, manifestXml });
    const click = page.click("applyColours");
    await page.clock.advance(1000);
    expect(click.dispatchedAt).toBeUndefined();
    await page.clock.advance(LIFETIME_MS);
    expect(click).toMatchObject({ dispatchedAt: 2000, completedAt: undefined, killed: true });
    page.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("Apply colours from the ribbon colours the workbook, completes as soon as the work is done, then shows the outcome", async () => {
  const fake = createFakeExcel(generatedTracker(12));
  const page = load({ excel: fake });
  const click = page.click("applyColours");
  await page.clock.advance(SECOND);
  expect(page.state.dialogs.map((d) => d.notice)).toEqual([expect.objectContaining({ ok: true, title: "Colours applied" })]);
  expect(fake.allSheetNames()).toContain(RULES_SHEET);
  // The shared runtime outlives the click: completed does not wait for the user to close the message.
  expect(click).toMatchObject({ killed: false, error: undefined });
  expect(click.completedAt).toBeLessThanOrEqual(page.state.dialogs[0].openedAt);
  expect(page.state.dialogs[0].url).toMatch(/^https:\/\/localhost:3000\/taskpane\.html\?notice=/);
  // A message left open is the user's to close: nothing closes it at five minutes.
  await page.clock.advance(LIFETIME_MS + SECOND);
  expect(page.state.dialogs[0].closedAt).toBeUndefined();
  page.close();
});

// helper-68: Office opens one dialog at a time; the second command's outcome was refused (12007) and only logged.
test("a second command with the first one's message still open: the first message is closed, the second shown", async () => {
  const fake = createFakeExcel(generatedTracker(12));
  const page = load({ excel: fake });
  page.click("applyColours");
  await page.clock.advance(SECOND);
  page.click("removeColours");
  await page.clock.advance(SECOND);
  expect(page.state.dialogs.map((d) => ({ notice: d.notice, closedBy: d.closedBy }))).toEqual([
    { notice: expect.objectContaining({ title: "Colours applied" }), closedBy: "add-in" },
    { notice: expect.objectContaining({ title: "Colours removed" }), closedBy: undefined },
  ]);
  page.close();
});

test("a click that makes Office start the runtime still runs its command once Office is ready (office-js 5176)", async () => {
  const fake = createFakeExcel(generatedTracker(6));
  const page = load({ excel: fake, readyDelayMs: 20 * SECOND });
  const held = page.click("buildSummary");
  await page.clock.advance(19 * SECOND);
  expect(held.dispatchedAt).toBeUndefined();
  await page.clock.advance(2 * SECOND);
  expect(held).toMatchObject({ dispatchedAt: 20 * SECOND, killed: false, error: undefined });
  expect(held.completedAt).toBeGreaterThanOrEqual(20 * SECOND);
  expect(page.state.dialogs.map((d) => d.notice)).toEqual([expect.objectContaining({ ok: true, title: "Summary built" })]);
  page.close();
});

test("the ribbon's functions are associated by their own chunk, before and without the pane's", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rag-function-file-"));
  try {
    fs.cpSync(WEB, dir, { recursive: true });
    const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] || m[2]);
    const ours = scripts.filter((s) => /^js\//.test(s));
    expect(ours.map((s) => s.replace(/\.[0-9a-f]{8}\.js$/, ""))).toEqual(["js/commands", "js/taskpane"]);
    // The pane's chunk not there (still downloading, or failed): every button still answers.
    fs.writeFileSync(path.join(dir, "taskpane.html"), html.replace(new RegExp(`<script[^>]*${ours[1].replace(/\./g, "\\.")}[^>]*></script>`), ""));
    const result = await checkFunctionFile({ webDir: dir, manifestXml });
    expect(result).toMatchObject({ ok: true, associated: result.wanted });
    const page = loadFunctionFile({ webDir: dir, manifestXml, excel: createFakeExcel(generatedTracker(3)) });
    const click = page.click("removeColours");
    await page.clock.advance(SECOND);
    expect(page.scripts.some((s) => /taskpane\./.test(s))).toBe(false);
    expect(click).toMatchObject({ killed: false, error: undefined });
    expect(click.completedAt).toBeDefined();
    page.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the requirement check waits for Office to be ready, and an old Excel is told which versions work", async () => {
  const page = load({ excelApi: "1.8", readyDelayMs: 3 * SECOND });
  const click = page.click("applyColours");
  await page.clock.advance(5 * SECOND);
  expect(page.state.readyAt).toBe(3 * SECOND);
  expect(page.state.requirementChecks.length).toBeGreaterThan(0);
  expect(Math.min(...page.state.requirementChecks)).toBeGreaterThanOrEqual(3 * SECOND);
  expect(page.state.dialogs.map((d) => d.notice)).toEqual([{ ok: false, title: "Could not apply colours", message: REQUIREMENTS_MESSAGE }]);
  expect(click).toMatchObject({ completedAt: 3 * SECOND, killed: false });
  page.close();
});

test("a missing Office.context is reported as a failed start, not as an old Excel", async () => {
  const page = load({ context: false });
  const click = page.click("removeColours");
  await page.clock.advance(SECOND);
  const said = page.log.errors.join("\n");
  expect(said).toContain(NOT_STARTED_MESSAGE);
  expect(said).not.toContain(REQUIREMENTS_MESSAGE);
  expect(click).toMatchObject({ completedAt: 0, killed: false });
  page.close();
});

test("in a webview that cannot parse the bundle (Edge Legacy), the ES5 check still answers every button", async () => {
  const page = load({ oldWebview: true });
  // The test means something only if the bundle really does not parse there.
  const bundles = page.scripts.filter((s) => /^js\//.test(s));
  expect(bundles).toHaveLength(2);
  for (const bundle of bundles) expect(parsesInOldWebview(fs.readFileSync(path.join(WEB, bundle), "utf8"))).toBe(false);
  await page.clock.advance(0);
  expect(page.state.ready).toBe(true);
  expect([...page.state.associated.keys()].sort()).toEqual([...page.manifest.functionNames].sort());
  const click = page.click("buildSummary");
  await page.clock.advance(SECOND);
  expect(page.state.dialogs.map((d) => d.url)).toEqual(["https://localhost:3000/taskpane.html?notice=old-browser"]);
  page.state.dialogs[0].userCloses();
  await page.clock.settle();
  expect(click).toMatchObject({ completedAt: SECOND, killed: false });
  page.close();
});

test("in an old webview, a click held back while Office started still closes its sentence before Office's five minutes", async () => {
  const page = load({ oldWebview: true, readyDelayMs: 20 * SECOND });
  const click = page.click("applyColours");
  await page.clock.advance(LIFETIME_MS + SECOND);
  expect(click).toMatchObject({ dispatchedAt: 20 * SECOND, killed: false });
  expect(click.completedAt).toBeLessThan(LIFETIME_MS);
  expect(page.state.dialogs[0]).toMatchObject({ closedBy: "add-in" });
  page.close();
});

describe("live colours in the shared runtime", () => {
  /** Types as a person and lets the page's debounce timer, the listener and the fake settle. */
  const type = async (page: ReturnType<typeof load>, fake: ReturnType<typeof createFakeExcel>, address: string, value: number) => {
    fake.user.type("Indicators", address, [[value]]);
    for (let i = 0; i < 4; i++) {
      await fake.user.settled();
      await page.clock.advance(SECOND);
    }
  };

  test("Live colours on from the ribbon saves the setting, and a figure typed next is recoloured with the pane closed", async () => {
    const fake = createFakeExcel(generatedTracker(12));
    const page = load({ excel: fake });
    const apply = page.click("applyColours");
    await page.clock.advance(SECOND);
    expect(apply.completedAt).toBeDefined();
    const on = page.click("liveColoursOn");
    await page.clock.advance(SECOND);
    expect(on).toMatchObject({ killed: false, error: undefined });
    expect(on.completedAt).toBeDefined();
    const rules = fake.sheet(RULES_SHEET)!.values;
    expect(rules.find((row) => row[0] === "Keep colours up to date")?.[1]).toBe("yes");
    // This stub has no RibbonApi: the switch says what it did, and that the runtime cannot start with the workbook.
    expect(page.state.dialogs.at(-1)?.notice).toMatchObject({ ok: true, title: "Live colours on" });
    const sheet = () => fake.sheet("Indicators")!;
    const green = sheet().cell("K5");
    expect(sheet().cell("K4").fill).not.toBe(green.fill);
    await type(page, fake, "H4", 60); // HE 1: 60 beats its target of 50
    expect(sheet().cell("K4")).toMatchObject({ value: green.value, fill: green.fill });
    const off = page.click("liveColoursOff");
    await page.clock.advance(SECOND);
    expect(off.completedAt).toBeDefined();
    expect(page.state.dialogs.at(-1)?.notice).toMatchObject({ ok: true, title: "Live colours off" });
    expect(fake.sheet(RULES_SHEET)!.values.find((row) => row[0] === "Keep colours up to date")?.[1]).toBe("no");
    page.close();
  });

  test("a workbook saved with live colours on starts listening when Office loads the page, with no click", async () => {
    const fake = createFakeExcel(generatedTracker(12));
    const first = load({ excel: fake });
    first.click("applyColours");
    first.click("liveColoursOn");
    await first.clock.advance(2 * SECOND);
    first.close();
    // The workbook reopened: Office loads the runtime at startup (setStartupBehavior(load)).
    const page = load({ excel: fake });
    await page.clock.advance(2 * SECOND);
    const green = fake.sheet("Indicators")!.cell("K5");
    await type(page, fake, "H4", 60);
    expect(fake.sheet("Indicators")!.cell("K4")).toMatchObject({ value: green.value, fill: green.fill });
    page.close();
  });
});
