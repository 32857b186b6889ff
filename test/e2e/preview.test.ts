// End-to-end: the browser preview (PRODUCT workflow 6) in headless Chromium. The built page is served
// from dist/web on 127.0.0.1; the test drives the real pane and reads the grid the page draws from the
// fake workbook: status fills after Apply colours, the Summary sheet after Build summary, the selection
// after clicking a problem. Screenshots go to test-output/ for a person to look at.
import fs from "fs";
import type http from "http";
import type { AddressInfo } from "net";
import path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { statusText } from "../../src/engine/trackers/colour";
import { OFFICER_MARK } from "../../src/engine/summary/layout-records";
import { DUDLEY } from "../../src/engine/scheme/presets";
import { OUT, ensureBuilt, launch, serve } from "./browser";
import type { Browser } from "./browser";

jest.setTimeout(240_000);

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

interface GridCell {
  cell: string;
  text: string;
  background: string;
}

/** Every non-empty cell below each "Status (auto)" header of the grid on show, with its computed fill. */
function statusColumnCells(page: Page): Promise<GridCell[]> {
  return page.evaluate(() => {
    const out: { cell: string; text: string; background: string }[] = [];
    const heads = [...document.querySelectorAll<HTMLElement>("td[data-cell]")].filter((td) => td.textContent?.trim() === "Status (auto)");
    for (const head of heads) {
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(head.dataset.cell ?? "") ?? [];
      for (let r = Number(row) + 1; ; r++) {
        const td = document.querySelector<HTMLElement>(`td[data-cell="${col}${r}"]`);
        if (!td) break;
        const text = td.textContent?.trim() ?? "";
        if (text && text !== "Status (auto)") out.push({ cell: `${col}${r}`, text, background: getComputedStyle(td).backgroundColor });
      }
    }
    return out;
  });
}

describe("browser preview", () => {
  let server: http.Server | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let base = "";

  beforeAll(async () => {
    await ensureBuilt();
    fs.mkdirSync(OUT, { recursive: true });
    server = await serve();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launch({ viewport: { width: 1400, height: 900 } });
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  test("apply colours, build summary and select a problem's cell on the Dudley sample", async () => {
    const page = await context!.newPage();
    const consoleErrors: string[] = [];
    const foreign: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(`${base}/`) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
    });

    await page.goto(`${base}/preview.html`);
    const pane = page.getByRole("complementary", { name: "Task pane" });
    // The workbook has been read once the counts show: some indicators and activities rated.
    await pane.getByRole("heading", { name: /^Indicators \([1-9]\d*\)$/ }).waitFor({ timeout: 30_000 });
    await pane.getByRole("heading", { name: /^Activities \([1-9]\d*\)$/ }).waitFor();
    await page.getByRole("tab", { name: "Community Safety", selected: true }).waitFor();
    expect(await statusColumnCells(page)).toEqual([]);

    // Apply colours: the owned Status (auto) column appears, every status cell in its status's fill.
    await pane.getByRole("button", { name: "Apply colours" }).click();
    await page.locator("td[data-cell]", { hasText: /^Status \(auto\)$/ }).first().waitFor({ timeout: 30_000 });
    const statuses = [...DUDLEY.indicator, ...DUDLEY.activity];
    // Below its header the column runs on into the next table's own cells: keep only status texts (symbol first).
    const cells = (await statusColumnCells(page)).filter((c) => statuses.some((s) => c.text.startsWith(`${s.symbol} `)));
    expect(cells.length).toBeGreaterThan(10);
    const wrong = cells.filter((c) => {
      // An officer's own rating, shown where the rules had nothing to rate, carries the officer mark (RULES §7).
      const text = c.text.endsWith(` ${OFFICER_MARK}`) ? c.text.slice(0, -OFFICER_MARK.length - 1) : c.text;
      const status = statuses.find((s) => statusText(s.symbol, s.label) === text);
      return !status || c.background !== rgb(status.fill);
    });
    expect(wrong).toEqual([]);
    await expect(pane.getByRole("status").filter({ hasText: /\w/ }).first().textContent()).resolves.toMatch(/\w/);
    await page.mouse.move(1390, 890); // away from the buttons, so no tooltip covers the pane
    await page.getByRole("tooltip").waitFor({ state: "hidden" });
    await page.screenshot({ path: path.join(OUT, "preview-after-apply.png"), fullPage: false });

    // Build summary: a Summary tab appears and is shown, with its key.
    await pane.getByRole("button", { name: "Build summary" }).click();
    const summaryTab = page.getByRole("tab", { name: "Summary" });
    await summaryTab.waitFor({ timeout: 30_000 });
    await expect(summaryTab.getAttribute("aria-selected")).resolves.toBe("true");
    await page.getByRole("tabpanel").locator("td[data-cell]", { hasText: /^Key$/ }).first().waitFor();
    await page.mouse.move(1390, 890);
    await page.getByRole("tooltip").waitFor({ state: "hidden" });
    await page.screenshot({ path: path.join(OUT, "preview-summary.png"), fullPage: false });

    // A problem names a cell: choosing it shows that sheet and outlines that cell.
    const problems = page.getByRole("region", { name: /^Problems/ }).getByRole("button", { name: /![A-Z]+\d+ — / });
    const names = await problems.allTextContents();
    const index = names.findIndex((n) => !/!A1 — /.test(n));
    expect(index).toBeGreaterThanOrEqual(0);
    const [, sheet, cell] = /(?:Error|Warning):\s*(.+?)!([A-Z]+\d+) — /.exec(names[index]) ?? [];
    await problems.nth(index).click();
    await page.getByRole("tab", { name: sheet, exact: true, selected: true }).waitFor();
    const selected = page.locator(`td[data-cell="${cell}"]`);
    await expect(selected.getAttribute("data-selected")).resolves.toBe("true");
    await expect(page.locator('td[data-selected="true"]').count()).resolves.toBe(1);

    // Narrow window: the pane stacks above the workbook instead of beside it.
    await page.setViewportSize({ width: 600, height: 900 });
    const paneBox = await pane.boundingBox();
    const bookBox = await page.getByRole("region", { name: "Workbook" }).boundingBox();
    expect([paneBox!.width > 560, bookBox!.y >= paneBox!.y + paneBox!.height - 1]).toEqual([true, true]);

    expect({ consoleErrors, foreign }).toEqual({ consoleErrors: [], foreign: [] });
    await page.close();
  });

  test("the pack remembers: built for three quarters, the last shows last period's statuses, the changes and trend charts (issue 14)", async () => {
    const page = await context!.newPage();
    const consoleErrors: string[] = [];
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    await page.goto(`${base}/preview.html?sample=dudley`);
    const pane = page.getByRole("complementary", { name: "Task pane" });
    await pane.getByRole("heading", { name: /^Indicators \([1-9]\d*\)$/ }).waitFor({ timeout: 30_000 });
    const titles: Record<string, string> = { "Q1 2010/11": "Quarter 1 (April to June) 2010/11", "Q2 2010/11": "Quarter 2 (July to September) 2010/11", "Q3 2010/11": "Quarter 3 (October to December) 2010/11" };
    for (const period of Object.keys(titles)) {
      await pane.getByRole("textbox", { name: "Reporting period" }).fill(period);
      await pane.getByRole("textbox", { name: "Report date" }).fill("");
      await pane.getByRole("button", { name: "Build summary" }).click();
      await page.getByRole("tab", { name: "Summary", selected: true }).waitFor({ timeout: 30_000 });
      await page.getByRole("tabpanel").locator("td[data-cell]", { hasText: `Performance report — ${titles[period]}` }).first().waitFor({ timeout: 30_000 });
    }
    const panel = page.getByRole("tabpanel");
    await panel.locator("td[data-cell]", { hasText: /^Last period$/ }).first().waitFor();
    await panel.locator("td[data-cell]", { hasText: /^Changes since Q2 2010\/11/ }).first().waitFor();
    const charts = panel.locator("figure[data-chart]");
    await charts.first().waitFor({ timeout: 15_000 });
    expect(await charts.count()).toBeGreaterThan(0);
    await expect(charts.first().locator("polyline").count()).resolves.toBeGreaterThan(0);
    await charts.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, "preview-pack-with-history.png"), fullPage: false });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test("live colours: a new actual typed in the grid recolours its status, as in Excel (issue 13)", async () => {
    const page = await context!.newPage();
    const consoleErrors: string[] = [];
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    await page.goto(`${base}/preview.html?sample=dudley`);
    const pane = page.getByRole("complementary", { name: "Task pane" });
    await pane.getByRole("heading", { name: /^Indicators \([1-9]\d*\)$/ }).waitFor({ timeout: 30_000 });
    // Turned on before any Apply: live colours colour the trackers first.
    await pane.getByRole("switch", { name: "Keep colours up to date" }).check();
    await page.locator("td[data-cell]", { hasText: /^Status \(auto\)$/ }).first().waitFor({ timeout: 30_000 });
    const better = DUDLEY.indicator.find((s) => s.key === "better")!;
    const worse = DUDLEY.indicator.find((s) => s.key === "worse")!;
    // NI 020 (row 28): 3.98 against a target of 5.76, lower is better.
    // The activities' Status (auto) column above runs on past its table: keep the cell holding a status.
    const status = async () => (await statusColumnCells(page)).find((c) => /^[A-Z]+28$/.test(c.cell) && DUDLEY.indicator.some((s) => c.text.startsWith(`${s.symbol} `)));
    await expect(status()).resolves.toEqual(expect.objectContaining({ text: statusText(better.symbol, better.label), background: rgb(better.fill) }));

    await page.locator('td[data-cell="J28"]').dblclick();
    const editor = page.getByRole("textbox", { name: "Cell J28" });
    await editor.fill("9.5");
    await editor.press("Enter");
    await page.waitForFunction(
      ({ text }) => [...document.querySelectorAll<HTMLElement>("td[data-cell]")].some((td) => /^[A-Z]+28$/.test(td.dataset.cell ?? "") && td.textContent?.trim() === text),
      { text: statusText(worse.symbol, worse.label) },
      { timeout: 15_000 },
    );
    await expect(status()).resolves.toEqual(expect.objectContaining({ text: statusText(worse.symbol, worse.label), background: rgb(worse.fill) }));
    await expect(page.locator('td[data-cell="J28"]').textContent()).resolves.toBe("9.5");
    await page.locator('td[data-cell="J28"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, "preview-live-typed.png"), fullPage: false });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
