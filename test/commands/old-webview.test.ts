// The ES5 check every page loads before its bundle (src/compat): in a webview that cannot parse the
// bundle (Edge Legacy in retail Office 2019 without WebView2) the page shows one plain sentence instead
// of staying blank; everywhere else it does nothing.
import fs from "fs";
import path from "path";
import { JSDOM } from "jsdom";
import { parse } from "acorn";

const ROOT = path.resolve(__dirname, "..", "..");
const probe = fs.readFileSync(path.join(ROOT, "src", "compat", "es-probe.js"), "utf8");
const check = fs.readFileSync(path.join(ROOT, "src", "compat", "old-browser.js"), "utf8");
// The task pane's page is also the ribbon's function file (shared runtime).
const PAGES = {
  "task pane and function file": "src/taskpane/taskpane.html",
  preview: "src/taskpane/preview.html",
};
const parses = (source: string, ecmaVersion: 5 | 2019 | 2020) => {
  try {
    parse(source, { ecmaVersion, sourceType: "script" });
    return true;
  } catch {
    return false;
  }
};

test("the check is ES5 and the probe needs ES2020, so only a modern webview sets the flag", () => {
  expect({ checkEs5: parses(check, 5), probeEs2019: parses(probe, 2019), probeEs2020: parses(probe, 2020) }).toEqual({
    checkEs5: true,
    probeEs2019: false,
    probeEs2020: true,
  });
});

describe.each(Object.entries(PAGES))("%s", (_name, file) => {
  const html = fs.readFileSync(path.join(ROOT, file), "utf8");
  /** The page as a browser shows it once loaded (the check runs from <head>, before the body is parsed). */
  const page = async (withProbe: boolean) => {
    const dom = new JSDOM(html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ""), { runScripts: "outside-only", url: "https://localhost:3000/page.html" });
    if (withProbe) dom.window.eval(probe);
    dom.window.eval(check);
    await new Promise<void>((resolve) => dom.window.addEventListener("load", () => resolve()));
    return dom.window.document;
  };

  test("loads the probe, then the check, before anything else of ours", () => {
    const local = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]).filter((s) => !/^https:/.test(s));
    expect(local).toEqual(["compat/es-probe.js", "compat/old-browser.js"]);
  });

  test("an old webview sees one plain sentence naming what to use instead", async () => {
    const alert = (await page(false)).querySelectorAll('[role="alert"]');
    expect(alert).toHaveLength(1);
    const sentence = alert[0].textContent ?? "";
    expect(sentence).toMatch(/^[A-Z][^.]*\.$/);
    if (file.includes("preview")) expect(sentence).toMatch(/current browser/);
    else expect(sentence).toMatch(/Excel 2021 or later, Microsoft 365 or Excel on the web/);
  });

  test("a modern webview sees nothing from the check", async () => {
    expect((await page(true)).querySelectorAll('[role="alert"]')).toHaveLength(0);
  });
});

test("the pane's page names every manifest FunctionName for the check to answer", () => {
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const wanted = [...new Set([...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]))].sort();
  const html = fs.readFileSync(path.join(ROOT, PAGES["task pane and function file"]), "utf8");
  const named = (html.match(/<meta name="ribbon-functions" content="([^"]*)"/) ?? [])[1]?.split(/\s+/).sort();
  expect(named).toEqual(wanted);
  expect(wanted).toHaveLength(5);
});
