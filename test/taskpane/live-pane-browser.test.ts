// The pane with live colours in headless Chromium at 320 px, Excel's task-pane width: built from
// harness/live-pane.tsx (the real pane, runtime and listener over the fake Excel). Live colours switched
// on by keyboard, a figure typed, the counts and the new problem shown; axe-core (WCAG 2.2 A and AA) finds
// nothing, nothing scrolls sideways, and a screenshot is left in test-output/ to look at.
import fs from "fs";
import type http from "http";
import type { AddressInfo } from "net";
import path from "path";
import webpack from "webpack";
import { OUT, launch, serve } from "../e2e/browser";
import type { Browser } from "../e2e/browser";

jest.setTimeout(900_000);

const ROOT = path.resolve(__dirname, "..", "..");
const DIR = path.join(OUT, "live-pane");
const AXE = require.resolve("axe-core/axe.min.js");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

function build(): Promise<void> {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(path.join(DIR, "index.html"), '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>RAG Scorecard</title><style>html,body{margin:0}</style></head><body><div id="root"></div><script src="live-pane.js"></script></body></html>');
  const compiler = webpack({
    mode: "development",
    devtool: false,
    entry: path.join(__dirname, "harness", "live-pane.tsx"),
    output: { path: DIR, filename: "live-pane.js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: path.join(ROOT, "tsconfig.json"), transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } } },
        },
      ],
    },
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats!.toString("errors-only")));
      else resolve();
    }),
  );
}

let server: http.Server;
let browser: Browser;

beforeAll(async () => {
  await build();
  server = await serve(DIR);
  browser = await launch({ viewport: { width: 320, height: 900 }, locale: "en-GB" });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

test("at 320 px: switched on by keyboard, a typed figure updates the counts and a new problem points at its cell, with no axe violation", async () => {
  const page = await browser.context.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`);
  await page.evaluate(() => (window as unknown as { harness: { ready: Promise<void> } }).harness.ready);
  const keep = page.getByRole("switch", { name: "Keep colours up to date" });
  await keep.waitFor();
  await keep.focus();
  await page.keyboard.press("Space");
  await page.getByText(/^Live colours are on/).waitFor();
  expect(await keep.isChecked()).toBe(true);

  // An officer types a figure that cannot be read, then one that beats the target.
  await page.evaluate(() => (window as unknown as { harness: { type(a: string, v: string | number): void } }).harness.type("H6", "tbc"));
  const notice = page.getByText(/^1 new problem from the latest edits$/);
  await notice.waitFor();
  await page.getByRole("button", { name: "Indicators!H6", exact: true }).waitFor();
  await page.evaluate(() => (window as unknown as { harness: { type(a: string, v: string | number): void } }).harness.type("H4", 60));
  await page.getByText("On: the latest change re-rated 1 record.").waitFor();

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, WCAG);
  expect(violations).toEqual([]);
  await page.getByRole("region", { name: "Live colours" }).screenshot({ path: path.join(OUT, "live-pane-320.png") });
  await page.screenshot({ path: path.join(OUT, "live-pane-320-full.png"), fullPage: true });
  await page.close();
});
