// The web server settings shipped for IIS (deploy/web.config) and Azure Static Web Apps
// (deploy/staticwebapp.config.json), and the built pane working under their content security policy
// in a real browser: a policy that blocked our own scripts or styles would blank the pane.
import fs from "fs";
import http from "http";
import type { AddressInfo } from "net";
import path from "path";
import { parseXml, allElements, localName } from "../../scripts/xml-lite";
import { ensureBuilt, launch, ROOT, WEB } from "../e2e/browser";

jest.setTimeout(600_000);

const webConfig = parseXml(fs.readFileSync(path.join(ROOT, "deploy", "web.config"), "utf8")).root;
const swa = JSON.parse(fs.readFileSync(path.join(ROOT, "deploy", "staticwebapp.config.json"), "utf8")) as {
  globalHeaders: Record<string, string>;
  routes: { route: string; headers: Record<string, string> }[];
};
const elements = allElements(webConfig);
const header = (name: string) => elements.find((e) => localName(e.name) === "add" && e.attrs.name === name)?.attrs.value;
const csp = header("Content-Security-Policy") ?? "";
const directive = (name: string) => (csp.split(";").map((d) => d.trim().split(/\s+/)).find(([n]) => n === name) ?? []).slice(1);

/** IIS clientCache settings by location ("" for the site itself). */
function iisCaching(): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (el: typeof webConfig, where: string) => {
    for (const c of el.children) {
      if (localName(c.name) === "location") visit(c, c.attrs.path);
      else if (localName(c.name) === "clientCache") out[where] = [c.attrs.cacheControlMode, c.attrs.cacheControlMaxAge, c.attrs.cacheControlCustom].filter(Boolean).join(" ");
      else visit(c, where);
    }
  };
  visit(webConfig, "");
  return out;
}

test("IIS and Static Web Apps send the same content security policy", () => {
  expect(csp).not.toBe("");
  expect(swa.globalHeaders["Content-Security-Policy"]).toBe(csp);
});

test("the policy lets Office's library load and Office's web origins frame the pane", () => {
  expect(directive("script-src")).toEqual(expect.arrayContaining(["'self'", "https://appsforoffice.microsoft.com"]));
  expect(directive("script-src")).not.toContain("'unsafe-inline'");
  expect(directive("frame-ancestors")).toEqual(expect.arrayContaining(["https://*.officeapps.live.com", "https://*.sharepoint.com", "https://*.office.com", "https://*.cloud.microsoft", "https://teams.microsoft.com"]));
});

test("no X-Frame-Options: IIS removes an inherited one, and neither config adds one", () => {
  expect(elements.some((e) => localName(e.name) === "remove" && e.attrs.name === "X-Frame-Options")).toBe(true);
  expect(header("X-Frame-Options")).toBeUndefined();
  expect(JSON.stringify(swa)).not.toMatch(/X-Frame-Options/i);
});

test("pages are revalidated, hashed bundles cached for a year, icons for a week", () => {
  expect(iisCaching()).toEqual({ "": "DisableCache", js: "UseMaxAge 365.00:00:00 public, immutable", assets: "UseMaxAge 7.00:00:00 public" });
  expect(swa.globalHeaders["Cache-Control"]).toBe("no-cache");
  expect(Object.fromEntries(swa.routes.map((r) => [r.route, r.headers["Cache-Control"]]))).toEqual({
    "/js/*": "public, max-age=31536000, immutable",
    "/assets/*": "public, max-age=604800",
  });
});

test("the built pane renders and works under the policy, with no violation", async () => {
  await ensureBuilt();
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".json": "application/json" };
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.normalize(path.join(WEB, pathname));
    if (!file.startsWith(WEB + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream", "Content-Security-Policy": csp });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await launch({});
  try {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/preview.html`);
    const pane = page.getByRole("complementary", { name: "Task pane" });
    await pane.getByRole("heading", { name: /^Indicators \(\d+\)$/ }).waitFor({ timeout: 60_000 });
    await pane.getByRole("button", { name: "Apply colours" }).click();
    await page.locator("td[data-cell]", { hasText: /^Status \(auto\)$/ }).first().waitFor({ timeout: 60_000 });
    expect(await page.getByText("needs a current browser").count()).toBe(0); // the old-webview sentence did not show
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
    server.close();
  }
});
