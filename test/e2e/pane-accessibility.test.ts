// The pane for keyboard and screen-reader users (issue 10, item 6), in headless Chromium at 320 px, the
// width of Excel's task pane: axe-core (WCAG 2.2 A/AA) in each state of the pane, and keyboard checks of
// focus order, focus rings, announcements and sideways scrolling. Driven by keyboard wherever a user would.
import fs from "fs";
import type http from "http";
import type { AddressInfo } from "net";
import path from "path";
import type { Locator, Page } from "playwright-core";
import { OUT, ensureBuilt, launch, serve } from "./browser";
import type { Browser } from "./browser";

jest.setTimeout(240_000);

const AXE = require.resolve("axe-core/axe.min.js");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const LIVE = '[role="status"], [role="alert"], [aria-live]';

interface Violation {
  id: string;
  help: string;
  nodes: string[];
}

/** axe-core on the whole page (the pane and Fluent's portals, such as an open listbox): rules broken, and how many passed. */
async function axe(page: Page): Promise<{ violations: Violation[]; passes: number }> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe.run;
    interface AxeResults {
      violations: { id: string; help: string; nodes: { target: string[] }[] }[];
      passes: unknown[];
    }
    const result = await run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return {
      violations: result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) })),
      passes: result.passes.length,
    };
  }, WCAG);
}

async function expectNoViolations(page: Page, state: string): Promise<void> {
  const { violations, passes } = await axe(page);
  expect({ state, violations }).toEqual({ state, violations: [] });
  expect(passes).toBeGreaterThan(10);
}

/** Starts recording what live regions would speak: each change of a region's text to something non-empty. */
function recordAnnouncements(page: Page): Promise<void> {
  return page.evaluate((live) => {
    const w = window as unknown as { spoken: string[] };
    w.spoken = [];
    const last = new Map<Element, string>();
    const snapshot = (record: boolean) => {
      for (const region of document.querySelectorAll(live)) {
        if (region.parentElement?.closest(live)) continue;
        const text = region.textContent ?? "";
        if (record && text !== (last.get(region) ?? "") && text.trim() !== "") w.spoken.push(text);
        last.set(region, text);
      }
    };
    snapshot(false);
    new MutationObserver(() => snapshot(true)).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, LIVE);
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);

/** A short description of the focused element: its role-ish tag and text or label. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "body";
    const label = el.getAttribute("aria-label") ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent ?? "";
    return `${el.tagName.toLowerCase()}: ${label.trim().replace(/\s+/g, " ").slice(0, 60)}`;
  });
}

interface Ring {
  /** Which control, numbered in page order, so a control with several Tab stops (a date) counts once. */
  key: string;
  control: string;
  width: string;
  style: string;
  color: string;
}

/** The outline the focused control's own box draws (Fluent's Input, Dropdown or Select root), or undefined for other elements. */
function controlRing(page: Page): Promise<Ring | undefined> {
  return page.evaluate(() => {
    const selector = ".fui-Input, .fui-Dropdown, .fui-Select";
    const root = document.activeElement?.closest<HTMLElement>(selector);
    if (!root) return undefined;
    const css = getComputedStyle(root);
    const control = root.className.split(" ")[0];
    const key = `${control} ${Array.from(document.querySelectorAll(selector)).indexOf(root)}`;
    return { key, control, width: css.outlineWidth, style: css.outlineStyle, color: css.outlineColor };
  });
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("pane for keyboard and screen-reader users, at 320 px", () => {
  let server: http.Server | undefined;
  let browser: Browser | undefined;
  let base = "";

  beforeAll(async () => {
    await ensureBuilt();
    fs.mkdirSync(OUT, { recursive: true });
    server = await serve();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // A council officer's browser: British dates in the date field.
    browser = await launch({ viewport: { width: 320, height: 800 }, locale: "en-GB" });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function openPane(): Promise<{ page: Page; pane: Locator }> {
    const page = await browser!.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/preview.html`);
    const pane = page.getByRole("complementary", { name: "Task pane" });
    await pane.getByRole("heading", { name: /^Indicators \([1-9]\d*\)$/ }).waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    return { page, pane };
  }

  /** Presses Enter on an action button reached by keyboard and waits for its outcome. */
  async function runByKeyboard(page: Page, pane: Locator, button: string, title: string): Promise<void> {
    await pane.getByRole("button", { name: button }).focus();
    await page.keyboard.press("Enter");
    await pane.getByRole("region", { name: "Actions" }).getByText(title, { exact: true }).waitFor({ timeout: 60_000 });
  }

  test("axe-core finds no WCAG 2.2 A or AA violation: initial, after Apply colours, after Build summary, a mapping dropdown open", async () => {
    const { page, pane } = await openPane();
    await expectNoViolations(page, "initial");

    await runByKeyboard(page, pane, "Apply colours", "Colours applied");
    await expectNoViolations(page, "after Apply colours");

    await runByKeyboard(page, pane, "Build summary", "Summary built");
    await expectNoViolations(page, "after Build summary");

    const tables = pane.getByRole("button", { name: /^Detected tables/ });
    await tables.focus();
    await page.keyboard.press("Enter");
    await pane.getByRole("button", { name: /^Column mapping/ }).first().focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatch(/^button: /);
    await page.keyboard.press("Alt+ArrowDown");
    const listbox = page.getByRole("listbox");
    await listbox.waitFor();
    expect(await listbox.getByRole("option").count()).toBeGreaterThan(3);
    await expectNoViolations(page, "a mapping dropdown open");
    await page.keyboard.press("Escape");
    await listbox.waitFor({ state: "hidden" });
    await page.close();
  });

  test("Tab reaches the first problem in seven presses from the top of the page", async () => {
    const { page, pane } = await openPane();
    const stops: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press("Tab");
      stops.push(await focused(page));
    }
    const firstProblem = (await pane.getByRole("region", { name: /^Problems/ }).getByRole("listitem").first().textContent()) ?? "";
    expect(stops).toEqual([
      "select: Sample workbook",
      "button: Start again",
      "button: Apply colours",
      "button: Build summary",
      "button: Remove colours",
      expect.stringMatching(/^button: Problems \(\d+\)$/),
      `button: ${firstProblem.trim().replace(/\s+/g, " ").slice(0, 60)}`,
    ]);
    // The problem reached shows a ring, not only Fluent's double underline.
    const outline = await page.evaluate(() => {
      const css = getComputedStyle(document.activeElement!);
      return `${css.outlineWidth} ${css.outlineStyle}`;
    });
    expect(outline).toBe("2px solid");
    await page.close();
  });

  test("announces Apply colours once, and saving the rules does not repeat it", async () => {
    const { page, pane } = await openPane();
    await recordAnnouncements(page);
    await runByKeyboard(page, pane, "Apply colours", "Colours applied");
    const applied = await spoken(page);
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatch(/^Colours applied\w/);

    await pane.getByRole("button", { name: "Save to workbook" }).focus();
    await page.keyboard.press("Enter");
    await pane.getByText("Rules saved", { exact: true }).waitFor();
    expect(await spoken(page)).toEqual([applied[0], "Rules savedRules saved to the Scorecard Rules sheet."]);

    // Every message bar is labelled by a title that is in the page.
    const labels = await page.evaluate(() =>
      Array.from(document.querySelectorAll(".fui-MessageBar")).map((bar) => {
        const id = bar.getAttribute("aria-labelledby");
        return (id && document.getElementById(id)?.textContent) || `missing #${id}`;
      }),
    );
    expect(labels).toEqual(["Colours applied", "Rules saved"]);
    await page.close();
  });

  test("every input and dropdown reached by Tab shows a 2 px focus ring", async () => {
    const { page, pane } = await openPane();
    await pane.getByRole("button", { name: /^Detected tables/ }).click();
    await pane.getByRole("button", { name: /^Column mapping/ }).first().click();
    // From the sample select at the top to the first column's role dropdown, by Tab.
    await page.getByRole("combobox", { name: "Sample workbook" }).focus();
    const rings: Ring[] = [];
    for (let i = 0; i < 80 && rings.filter((r) => r.control === "fui-Dropdown").length < 2; i++) {
      if (i > 0) await page.keyboard.press("Tab");
      const ring = await controlRing(page);
      if (ring && !rings.some((r) => r.key === ring.key)) rings.push(ring);
    }
    // Select (sample), Dropdown (preset), Input (period, date, committee), Dropdown (a column's role).
    expect(rings.map((r) => r.control)).toEqual(["fui-Select", "fui-Dropdown", "fui-Input", "fui-Input", "fui-Input", "fui-Dropdown"]);
    for (const { key, width, style, color } of rings) {
      expect({ key, width, style, visible: color !== "rgba(0, 0, 0, 0)" }).toEqual({ key, width: "2px", style: "solid", visible: true });
    }
    await page.close();
  });

  test("nothing scrolls sideways at 320 to 350 px, before or after an action, tables open", async () => {
    const { page, pane } = await openPane();
    const widths = [320, 335, 350];
    const measure = async (state: string) => {
      for (const width of widths) {
        await page.setViewportSize({ width, height: 800 });
        expect({ state, width, overflow: await sideways(page) }).toEqual({ state, width, overflow: 0 });
      }
    };
    await measure("initial");
    await runByKeyboard(page, pane, "Apply colours", "Colours applied");
    await pane.getByRole("button", { name: /^Detected tables/ }).click();
    for (const header of await pane.getByRole("button", { name: /^Column mapping/ }).all()) await header.click();
    await measure("after Apply colours, every table open");

    await page.setViewportSize({ width: 320, height: 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(319, 799);
    await page.screenshot({ path: path.join(OUT, "pane-320.png") });
    await page.close();
  });
});
