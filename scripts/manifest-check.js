// The project's own structural check of manifest.xml. Microsoft's validator
// needs its web service; these checks run offline and catch the mistakes
// that make Office refuse or silently break an add-in: duplicate ids,
// undefined resids, plain-http URLs, missing icons, ribbon buttons whose
// function the commands file never registers.
"use strict";

const fs = require("fs");
const path = require("path");
const { parseXml, localName, allElements } = require("./xml-lite");

const CHECK = {
  wellFormed: "well-formed XML",
  taskPane: "Excel task-pane add-in",
  guid: "Id is a GUID",
  idsUnique: "ids unique",
  residsDefined: "every resid defined",
  residLength: "resids at most 32 characters",
  https: "all URLs use https",
  notLocalhost: "no URL on localhost (warning only: fine for development)",
  iconsExist: "icons exist in assets/",
  iconSizes: "icon sizes match their declared size",
  excelApi: "ExcelApi requirement set declared",
  permissions: "Permissions ReadWriteDocument",
  functionFile: "FunctionFile, task pane and runtime share one page",
  sharedRuntime: "shared runtime: SharedRuntime 1.1 required, one long-lived Runtime first in Host",
  customTab: "custom ribbon tab with a label and buttons",
  functions: "ribbon functions registered in commands",
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
// Elements whose DefaultValue (or Override Value) is a URL.
const URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Url", "Image"]);

/** Function ids passed to Office.actions.associate("id", ...) in the source. */
function registeredFunctions(source) {
  const names = new Set();
  const re = /Office\s*\.\s*actions\s*\.\s*associate\s*\(\s*(["'`])([^"'`]+)\1/g;
  for (const m of source.matchAll(re)) names.add(m[2]);
  return [...names];
}

/** Width and height from a PNG's IHDR chunk, or null when not a PNG. */
function pngSize(buffer) {
  const signature = "89504e470d0a1a0a";
  if (buffer.length < 24 || buffer.subarray(0, 8).toString("hex") !== signature) return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

const children = (el, name) => (el ? el.children.filter((c) => localName(c.name) === name) : []);
const child = (el, name) => children(el, name)[0];

function describeUrlProblem(url) {
  if (!URL_LIKE.test(url)) return "is not an absolute URL";
  if (!/^https:\/\//i.test(url)) return "is not https";
  return null;
}

/**
 * Runs every structural check on manifest XML text.
 * options.assetsDir: folder served as /assets/ (icons are looked up there).
 * options.commandsSource: text of src/commands/commands.ts.
 * Returns { ok, checks: [{ name, ok, detail }] }.
 */
function checkManifest(xmlText, options = {}) {
  const checks = [];
  const run = (name, fn) => {
    try {
      const problems = fn();
      const ok = problems.length === 0 || (problems.length === 1 && problems[0].startsWith("ok:"));
      const detail = ok ? (problems[0] || "ok:").slice(3).trim() : problems.join("; ");
      checks.push({ name, ok, detail });
    } catch (err) {
      checks.push({ name, ok: false, detail: err.message });
    }
  };

  let root;
  run(CHECK.wellFormed, () => {
    root = parseXml(xmlText).root;
    return [];
  });
  if (!root) return { ok: false, checks };

  const elements = allElements(root);
  const byLocal = (name) => elements.filter((el) => localName(el.name) === name);
  const resources = child(child(root, "VersionOverrides"), "Resources");
  const resourceById = new Map();
  for (const el of resources ? allElements(resources) : []) {
    if (el.attrs.id !== undefined) resourceById.set(el.attrs.id, el);
  }
  const resolve = (resid) => resourceById.get(resid)?.attrs.DefaultValue;

  run(CHECK.taskPane, () => {
    const problems = [];
    if (localName(root.name) !== "OfficeApp") problems.push(`root is <${root.name}>, not <OfficeApp>`);
    if (root.attrs["xsi:type"] !== "TaskPaneApp") problems.push(`xsi:type is "${root.attrs["xsi:type"]}", not "TaskPaneApp"`);
    const hosts = children(child(root, "Hosts"), "Host").map((h) => h.attrs.Name);
    if (!hosts.includes("Workbook")) problems.push(`Hosts has no Workbook (found: ${hosts.join(", ") || "none"})`);
    return problems;
  });

  run(CHECK.guid, () => {
    const id = (child(root, "Id")?.text || "").trim();
    return GUID.test(id) ? [`ok: ${id}`] : [`<Id> "${id}" is not a GUID`];
  });

  run(CHECK.idsUnique, () => {
    const seen = new Map();
    const problems = [];
    for (const el of elements) {
      const id = el.attrs.id;
      if (id === undefined) continue;
      if (seen.has(id)) problems.push(`id "${id}" on line ${el.line} already used on line ${seen.get(id)}`);
      else seen.set(id, el.line);
    }
    return problems.length ? problems : [`ok: ${seen.size} ids`];
  });

  const residUses = elements.filter((el) => el.attrs.resid !== undefined);
  run(CHECK.residsDefined, () => {
    if (!resources && residUses.length) return ["no <Resources> in VersionOverrides"];
    const problems = residUses
      .filter((el) => !resourceById.has(el.attrs.resid))
      .map((el) => `resid "${el.attrs.resid}" on line ${el.line} is not defined in <Resources>`);
    return problems.length ? problems : [`ok: ${residUses.length} uses, ${resourceById.size} resources`];
  });

  run(CHECK.residLength, () =>
    [...resourceById.keys(), ...residUses.map((el) => el.attrs.resid)]
      .filter((id, at, all) => id.length > 32 && all.indexOf(id) === at)
      .map((id) => `"${id}" has ${id.length} characters`),
  );

  run(CHECK.https, () => {
    const problems = [];
    for (const el of elements) {
      for (const [name, value] of Object.entries(el.attrs)) {
        if (name === "xmlns" || name.startsWith("xmlns:")) continue; // namespace names, never fetched
        const mustBeUrl = URL_ELEMENTS.has(localName(el.name)) && (name === "DefaultValue" || name === "Value");
        if (!mustBeUrl && !URL_LIKE.test(value.trim())) continue;
        const problem = describeUrlProblem(value.trim());
        if (problem) problems.push(`<${el.name} ${name}="${value}"> on line ${el.line} ${problem}`);
      }
      const text = el.text.trim();
      if (URL_LIKE.test(text) && describeUrlProblem(text)) {
        problems.push(`<${el.name}> on line ${el.line}: "${text}" ${describeUrlProblem(text)}`);
      }
    }
    return problems;
  });

  // Warns, never fails: the development manifest is on localhost by design; a production one must not be.
  const warnings = [];
  run(CHECK.notLocalhost, () => {
    const local = new Set();
    for (const el of elements) {
      for (const value of [...Object.values(el.attrs), el.text]) {
        const v = value.trim();
        if (!URL_LIKE.test(v)) continue;
        try {
          const host = new URL(v).hostname;
          if (host === "localhost" || host === "127.0.0.1" || host === "[::1]") local.add(new URL(v).origin);
        } catch {
          // Reported by "all URLs use https".
        }
      }
    }
    if (local.size) warnings.push(`URLs on ${[...local].join(", ")}: only this computer can load them; build with ADDIN_BASE_URL for a deployable manifest`);
    return local.size ? [`ok: ${warnings[warnings.length - 1]}`] : [];
  });
  if (warnings.length) checks[checks.length - 1].warning = warnings[0];

  // Image URLs: icon elements plus image resources, with any locale overrides.
  const imageElements = [
    ...byLocal("IconUrl"),
    ...byLocal("HighResolutionIconUrl"),
    ...[...resourceById.values()].filter((el) => localName(el.name) === "Image"),
  ];
  const imageUrls = imageElements.flatMap((el) =>
    [el.attrs.DefaultValue, ...children(el, "Override").map((o) => o.attrs.Value)]
      .filter((v) => v !== undefined)
      .map((url) => ({ url, line: el.line })),
  );
  const assetFile = (url) => {
    let pathname;
    try {
      pathname = new URL(url).pathname;
    } catch {
      return { error: "is not a valid URL" };
    }
    // Under the site's assets/ folder, wherever the site is hosted (https://host/path/assets/…).
    const at = pathname.lastIndexOf("/assets/");
    if (at < 0) return { error: "is not under /assets/" };
    if (!options.assetsDir) return { error: "no assetsDir given to look it up" };
    return { file: path.join(options.assetsDir, decodeURIComponent(pathname.slice(at + "/assets/".length))) };
  };

  run(CHECK.iconsExist, () => {
    const problems = [];
    for (const { url, line } of imageUrls) {
      const { file, error } = assetFile(url);
      if (error) problems.push(`${url} (line ${line}) ${error}`);
      else if (!fs.existsSync(file)) problems.push(`${url} (line ${line}): no file ${path.basename(file)} in assets/`);
    }
    return problems.length ? problems : [`ok: ${new Set(imageUrls.map((u) => u.url)).size} icons`];
  });

  run(CHECK.iconSizes, () => {
    const expected = [
      ...byLocal("IconUrl").map((el) => ({ url: el.attrs.DefaultValue, size: 32, line: el.line })),
      ...byLocal("HighResolutionIconUrl").map((el) => ({ url: el.attrs.DefaultValue, size: 64, line: el.line })),
      ...byLocal("Image")
        .filter((el) => el.attrs.resid !== undefined && el.attrs.size !== undefined)
        .map((el) => ({ url: resolve(el.attrs.resid), size: Number(el.attrs.size), line: el.line })),
    ];
    const problems = [];
    for (const { url, size, line } of expected) {
      if (url === undefined) continue; // reported by "every resid defined"
      const { file } = assetFile(url);
      if (!file || !fs.existsSync(file)) continue; // reported by "icons exist"
      const actual = pngSize(fs.readFileSync(file));
      if (!actual) problems.push(`${path.basename(file)} (line ${line}) is not a PNG`);
      else if (actual.width !== size || actual.height !== size) {
        problems.push(`${path.basename(file)} (line ${line}) is ${actual.width}x${actual.height}, expected ${size}x${size}`);
      }
    }
    return problems;
  });

  run(CHECK.excelApi, () => {
    const sets = children(child(child(root, "Requirements"), "Sets"), "Set");
    const excel = sets.find((s) => s.attrs.Name === "ExcelApi");
    if (!excel) return ["<Requirements><Sets> has no <Set Name=\"ExcelApi\">"];
    if (!excel.attrs.MinVersion) return ["ExcelApi set has no MinVersion"];
    return [`ok: ExcelApi ${excel.attrs.MinVersion}`];
  });

  run(CHECK.permissions, () => {
    const value = (child(root, "Permissions")?.text || "").trim();
    return value === "ReadWriteDocument" ? [] : [`Permissions is "${value}"`];
  });

  // Microsoft's "Configure your Office Add-in to use a shared runtime": the ribbon's FunctionFile, the pane's
  // SourceLocation and the Runtime name the same resid, or Office starts separate runtimes.
  run(CHECK.functionFile, () => {
    const files = byLocal("FunctionFile");
    if (files.length === 0) return ["no <FunctionFile>"];
    const runtimes = byLocal("Runtime");
    if (runtimes.length === 0) return ["no <Runtime>: the FunctionFile would run in a runtime of its own"];
    const shared = runtimes[0].attrs.resid;
    const uses = [
      ...files.map((el) => ({ el, what: "FunctionFile" })),
      ...byLocal("SourceLocation").filter((el) => el.attrs.resid !== undefined).map((el) => ({ el, what: "task pane SourceLocation" })),
      ...runtimes.map((el) => ({ el, what: "Runtime" })),
    ];
    const problems = uses
      .filter(({ el }) => el.attrs.resid !== shared)
      .map(({ el, what }) => `${what} on line ${el.line} names "${el.attrs.resid}", not the runtime's "${shared}"`);
    const url = resolve(shared);
    if (url && !/\/taskpane\.html$/.test(url.split(/[?#]/)[0])) problems.push(`the shared page is ${url}, not taskpane.html`);
    return problems.length ? problems : [`ok: ${shared} (${url})`];
  });

  run(CHECK.sharedRuntime, () => {
    const problems = [];
    const sets = children(child(child(root, "Requirements"), "Sets"), "Set");
    const set = sets.find((s) => s.attrs.Name === "SharedRuntime");
    if (!set) problems.push('<Requirements><Sets> has no <Set Name="SharedRuntime" MinVersion="1.1">');
    else if (set.attrs.MinVersion !== "1.1") problems.push(`SharedRuntime MinVersion is "${set.attrs.MinVersion}", not "1.1"`);
    const runtimes = byLocal("Runtime");
    if (runtimes.length !== 1) problems.push(`${runtimes.length} <Runtime> elements, not one`);
    for (const el of runtimes) {
      if (el.attrs.lifetime !== "long") problems.push(`Runtime on line ${el.line} has lifetime "${el.attrs.lifetime || "short"}", not "long"`);
    }
    for (const host of byLocal("Host").filter((h) => h.attrs["xsi:type"] === "Workbook")) {
      const first = host.children[0];
      if (!first || localName(first.name) !== "Runtimes") problems.push(`<Runtimes> is not the first child of the Workbook Host on line ${host.line}`);
    }
    return problems;
  });

  run(CHECK.customTab, () => {
    const tabs = byLocal("CustomTab");
    if (tabs.length === 0) return ["no <CustomTab>"];
    const problems = [];
    for (const tab of tabs) {
      const label = resolve(child(tab, "Label")?.attrs.resid);
      if (!label) problems.push(`CustomTab "${tab.attrs.id}" has no label`);
      if (children(tab, "Group").every((g) => children(g, "Control").length === 0)) {
        problems.push(`CustomTab "${tab.attrs.id}" has no buttons`);
      }
    }
    return problems.length ? problems : [`ok: ${tabs.map((t) => resolve(child(t, "Label").attrs.resid)).join(", ")}`];
  });

  run(CHECK.functions, () => {
    if (typeof options.commandsSource !== "string") return ["commands source not given"];
    const registered = registeredFunctions(options.commandsSource);
    const used = byLocal("FunctionName").map((el) => ({ name: el.text.trim(), line: el.line }));
    const problems = used
      .filter(({ name }) => !registered.includes(name))
      .map(({ name, line }) => `FunctionName "${name}" (line ${line}) is not registered with Office.actions.associate`);
    if (problems.length) return problems;
    const unused = registered.filter((name) => !used.some((u) => u.name === name));
    return [`ok: ${[...new Set(used.map((u) => u.name))].join(", ")}${unused.length ? ` (registered but unused: ${unused.join(", ")})` : ""}`];
  });

  return { ok: checks.every((c) => c.ok), checks };
}

module.exports = { checkManifest, registeredFunctions, pngSize, CHECK };
