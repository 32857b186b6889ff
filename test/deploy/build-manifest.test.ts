// The production manifest a council's IT team builds (scripts/build-manifest.js), checked with the
// project's structural check (scripts/manifest-check.js) as `npm run validate -- dist/manifest.xml` does.
import fs from "fs";
import path from "path";
import { productionManifest, settingsFromEnv } from "../../scripts/build-manifest";
import { CHECK, checkManifest } from "../../scripts/manifest-check";
import { parseXml } from "../../scripts/xml-lite";

const ROOT = path.resolve(__dirname, "..", "..");
const dev = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const commandsSource = fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
const BASE = "https://scorecard.example.gov.uk/rag";

/** Every URL in the manifest: attribute values and element text that look like one. */
function urls(xml: string): string[] {
  const out: string[] = [];
  const walk = (el: { attrs: Record<string, string>; text: string; children: unknown[] }) => {
    for (const [name, value] of Object.entries(el.attrs)) if (!name.startsWith("xmlns") && /^[a-z]+:\/\//i.test(value)) out.push(value);
    if (/^[a-z]+:\/\//i.test(el.text.trim())) out.push(el.text.trim());
    el.children.forEach((c) => walk(c as typeof el));
  };
  walk(parseXml(xml).root);
  return out;
}

test("every URL of the production manifest starts with ADDIN_BASE_URL, and the manifest passes every check without warnings", () => {
  const { xml } = productionManifest(dev, { baseUrl: `${BASE}/` });
  const all = urls(xml);
  expect(all.length).toBe(urls(dev).length);
  expect(all.length).toBeGreaterThanOrEqual(9);
  // The shared runtime's one page, where the ribbon's functions and the pane both live.
  expect(xml).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${BASE}/taskpane.html"/>`);
  expect(xml).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
  expect(all.filter((u) => !u.startsWith(`${BASE}/`))).toEqual([]);
  const result = checkManifest(xml, { assetsDir: path.join(ROOT, "assets"), commandsSource });
  expect(result.checks.filter((c) => !c.ok || c.warning)).toEqual([]);
});

test("the development manifest stays on localhost and is warned about, not failed", () => {
  expect(urls(dev).every((u) => u.startsWith("https://localhost:3000/"))).toBe(true);
  const result = checkManifest(dev, { assetsDir: path.join(ROOT, "assets"), commandsSource });
  expect(result.ok).toBe(true);
  expect(result.checks.find((c) => c.name === CHECK.notLocalhost)?.warning).toMatch(/^URLs on https:\/\/localhost:3000: /);
});

test("a council's Id, provider, support page and version replace the project's", () => {
  const settings = settingsFromEnv({
    ADDIN_BASE_URL: BASE,
    ADDIN_ID: "0F8FAD5B-D9CB-469F-A165-70867728950E",
    ADDIN_PROVIDER: "Anytown Borough Council & Partners",
    ADDIN_SUPPORT_URL: "https://intranet.anytown.gov.uk/help/rag-scorecard",
    ADDIN_VERSION: "1.0.1.0",
  });
  const { xml } = productionManifest(dev, settings);
  const root = parseXml(xml).root;
  const text = (name: string) => root.children.find((c) => c.name === name);
  expect({
    id: text("Id")?.text,
    provider: text("ProviderName")?.text,
    support: text("SupportUrl")?.attrs.DefaultValue,
    version: text("Version")?.text,
  }).toEqual({
    id: "0f8fad5b-d9cb-469f-a165-70867728950e",
    provider: "Anytown Borough Council & Partners",
    support: "https://intranet.anytown.gov.uk/help/rag-scorecard",
    version: "1.0.1.0",
  });
});

test.each([
  [{ baseUrl: "http://scorecard.example.gov.uk" }, /must start with https:\/\//],
  [{ baseUrl: "scorecard.example.gov.uk" }, /is not a URL/],
  [{ baseUrl: `${BASE}?v=2` }, /query or fragment/],
  [{ baseUrl: BASE, id: "rag-scorecard" }, /ADDIN_ID "rag-scorecard" is not a GUID/],
  [{ baseUrl: BASE, version: "1.1" }, /four numbers/],
  [{ baseUrl: BASE, supportUrl: "http://help" }, /ADDIN_SUPPORT_URL must start with https:\/\//],
])("refuses %j", (settings, message) => {
  expect(() => productionManifest(dev, settings)).toThrow(message);
});

test("empty variables count as unset", () => {
  expect(settingsFromEnv({ ADDIN_BASE_URL: " ", ADDIN_ID: "" })).toEqual({ baseUrl: undefined, id: undefined, provider: undefined, supportUrl: undefined, version: undefined });
});
