#!/usr/bin/env node
// `npm run preview [-- file.scorecard.xlsx …]`: renders built workbooks to PDF and PNG pages with
// LibreOffice headless and poppler, so anyone can see the committee pack and the coloured trackers
// without Excel. LibreOffice prints every sheet of a file, so each workbook is split into copies:
//   out/preview/<name>.summary.xlsx   the committee summary alone (one copy per summary sheet), charts and print setup kept
//   out/preview/<name>.rules.xlsx     the Scorecard Rules sheet alone
//   out/preview/<name>.trackers.xlsx  the officers' tracker sheets, coloured
// each rendered to a PDF beside it and to one PNG per page (<name>.summary-1.png …).
// With no arguments it previews out/*.scorecard.xlsx, running the demo first when there are none.
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const outDir = path.join(root, "out");
const previewDir = path.join(outDir, "preview");
const STATE_SHEET = "RagScorecardState"; // src/xlsx/ownership.ts
const RULES_SHEET = "Scorecard Rules";
// The pack is set in Arial, which every Excel has; Liberation Sans (fonts-liberation2) has Arial's
// widths, so LibreOffice wraps and clips text where Excel would. Carlito stands in for Calibri, the
// default font that sets column widths; without it LibreOffice draws columns too wide.
const INSTALL = "apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils fonts-liberation2 fonts-crosextra-carlito";
/** Fonts the preview needs to measure as Excel does: [font family, the Debian package that has it]. */
const FONTS = [
  ["Liberation Sans", "fonts-liberation2"],
  ["Carlito", "fonts-crosextra-carlito"],
];

/** Warns (but goes on) when a metric-compatible font is missing: the pages would not show Excel's line breaks. */
function warnMissingFonts() {
  if (!onPath("fc-list")) return;
  const listed = spawnSync("fc-list", [":", "family"], { encoding: "utf8" }).stdout || "";
  const missing = FONTS.filter(([family]) => !listed.split("\n").some((line) => line.split(",").some((f) => f.trim() === family)));
  if (missing.length === 0) return;
  console.warn(`Warning: ${missing.map(([family]) => family).join(" and ")} not installed, so LibreOffice measures text unlike Excel and the pages may wrap or clip differently.`);
  console.warn(`Install: apt-get install -y ${missing.map(([, pkg]) => pkg).join(" ")}`);
}
const DPI = 80;

const rel = (p) => path.relative(process.cwd(), p) || ".";
const same = (a, b) => a.toLowerCase() === b.toLowerCase();
/** "Summary" → "summary", "Scorecard Rules" → "rules", "Summary – Cabinet" → "summary-cabinet". */
const slug = (name) =>
  same(name, RULES_SHEET) ? "rules" : name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "sheet";

function onPath(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8" });
  if (result.status !== 0) {
    const why = (result.stderr || result.stdout || String(result.error || "")).trim();
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}): ${why}`);
  }
  return result.stdout;
}

/** Builds the samples when out/ holds no workbook yet (the CLI must be compiled first). */
function ensureBuilt() {
  const built = () => (fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((f) => f.endsWith(".scorecard.xlsx")) : []);
  if (built().length === 0) {
    if (!fs.existsSync(path.join(root, "dist", "cli", "main.js"))) {
      console.log("Compiling the command line (dist/cli)…");
      run("npx", ["tsc", "-p", "tsconfig.cli.json"]);
    }
    console.log("No built workbooks in out/: running the demo first.");
    const demo = spawnSync(process.execPath, [path.join(root, "scripts", "demo.js")], { cwd: root, stdio: "inherit" });
    if (demo.status !== 0) throw new Error("the demo did not build every sample");
  }
  return built().sort().map((f) => path.join(outDir, f));
}

/** Sheets the add-in made, from the very hidden state sheet; a file without one is treated by name. */
function ownedNames(workbook) {
  const state = workbook.worksheets.find((ws) => same(ws.name, STATE_SHEET));
  const text = state ? state.getCell("A1").value : undefined;
  if (typeof text === "string") {
    try {
      const owned = JSON.parse(text).owned;
      if (Array.isArray(owned)) return owned.map((o) => String(o.sheet));
    } catch {
      // fall through to names
    }
  }
  return workbook.worksheets.filter((ws) => /^(summary|scorecard rules)/i.test(ws.name)).map((ws) => ws.name);
}

/** Writes a copy of the workbook keeping only the sheets `keep` accepts; false when none would remain. */
async function writeCopy(ExcelJS, source, target, keep, arrange) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  const drop = workbook.worksheets.filter((ws) => !keep(ws));
  if (drop.length === workbook.worksheets.length) return false;
  for (const ws of drop) workbook.removeWorksheet(ws.id);
  arrange(workbook);
  await workbook.xlsx.writeFile(target);
  return true;
}

/**
 * A copy holding one sheet the add-in made, alone: LibreOffice prints every sheet, hidden ones too,
 * and its "Page x of y" counts the whole file. The copy is the built package with only xl/workbook.xml
 * patched (the other sheets' entries and names taken out; their parts stay, unreferenced), so the
 * pack's charts, print area, page breaks and print titles are as built, where an ExcelJS round trip
 * would drop the charts and the print area.
 */
async function ownedCopy(source, target, sheetName) {
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(fs.readFileSync(source));
  const xml = await zip.file("xl/workbook.xml").async("string");
  const escaped = sheetName.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const tags = [...xml.matchAll(/<sheet\b[^>]*\/?>/g)].map((m) => m[0]);
  const index = tags.findIndex((t) => t.includes(`name="${escaped}"`));
  if (index < 0) return false;
  const patched = xml
    .replace(/<sheet\b[^>]*\/?>/g, (tag) => (tag === tags[index] ? tag.replace(/\sstate="[^"]*"/, "") : ""))
    // Names of one sheet (print area, print titles) by its position: the kept sheet's become sheet 0's.
    .replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (name, attrs) => {
      const local = /localSheetId="(\d+)"/.exec(attrs);
      if (!local) return name;
      return Number(local[1]) === index ? name.replace(/localSheetId="\d+"/, 'localSheetId="0"') : "";
    })
    .replace(/<definedNames>\s*<\/definedNames>/, "")
    .replace(/<workbookView\b[^>]*\/?>/, (view) => view.replace(/\s(activeTab|firstSheet)="\d+"/g, ""));
  zip.file("xl/workbook.xml", patched);
  fs.writeFileSync(target, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return true;
}

/** Rough Excel autofit for one row: lines of the tallest wrapped cell at its font size, in points. */
function fittedHeight(row, widthOf) {
  let height = 0;
  row.eachCell((cell) => {
    if (!cell.alignment?.wrapText || cell.isMerged) return;
    const text = cell.value?.richText ? cell.value.richText.map((t) => t.text).join("") : cell.value;
    if (typeof text !== "string" || text === "") return;
    const size = cell.font?.size ?? 11;
    // About 1.4 characters of 10pt Arial per unit of column width, less what word breaks waste.
    const perLine = Math.max(1, Math.floor((widthOf(cell.col) * 1.3 * 10) / size));
    const lines = text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    height = Math.max(height, lines * size * 1.25 + 3);
  });
  return height;
}

/** Trackers: the officers' sheets, with two changes made to the copy only. Their print setup is
 * portrait at 100%, which splits wide trackers across pages, so each is fitted to one A4 landscape
 * page wide. And Excel fits a row with no stored height to its wrapped text when it opens a file,
 * where LibreOffice keeps the default height and overprints the next rows, so such rows get an estimate. */
function trackersCopy(ExcelJS, source, target, owned) {
  const isTracker = (ws) => ws.state === "visible" && !owned.some((name) => same(name, ws.name)) && !same(ws.name, STATE_SHEET);
  return writeCopy(ExcelJS, source, target, isTracker, (workbook) => {
    for (const ws of workbook.worksheets) {
      Object.assign(ws.pageSetup, { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      const widthOf = (col) => ws.getColumn(col).width ?? ws.properties.defaultColWidth ?? 8.43;
      ws.eachRow((row) => {
        if (row.height) return; // an officer's own height stands
        const height = fittedHeight(row, widthOf);
        if (height > 15) row.height = Math.min(409, Math.round(height));
      });
    }
  });
}

/** One PNG per page; stale pages from an earlier run are removed first so the list is exact. */
function rasterise(pdf) {
  const stem = path.basename(pdf, ".pdf");
  // "<stem>-<page>.png" exactly: "x.summary-1.png" is not a page of "x.summary-cabinet".
  const isPage = (f) => f.startsWith(`${stem}-`) && /^\d+\.png$/.test(f.slice(stem.length + 1));
  for (const f of fs.readdirSync(previewDir).filter(isPage)) fs.rmSync(path.join(previewDir, f));
  run("pdftoppm", ["-png", "-r", String(DPI), pdf, path.join(previewDir, stem)]);
  return fs
    .readdirSync(previewDir)
    .filter(isPage)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((f) => path.join(previewDir, f));
}

async function main(argv) {
  const missing = ["soffice", "pdftoppm"].filter((c) => !onPath(c));
  if (missing.length) {
    console.error(`Cannot render previews: ${missing.join(" and ")} not found.`);
    console.error(`Install LibreOffice (Calc, no GUI) and poppler, e.g. on Debian or Ubuntu:\n  ${INSTALL}`);
    return 1;
  }
  warnMissingFonts();
  const ExcelJS = require("exceljs");
  const inputs = argv.length ? argv.map((f) => path.resolve(f)) : ensureBuilt();
  const unreadable = inputs.filter((f) => !fs.existsSync(f));
  if (unreadable.length) {
    console.error(`Not found: ${unreadable.map(rel).join(", ")}`);
    return 1;
  }
  fs.mkdirSync(previewDir, { recursive: true });

  const copies = [];
  for (const input of inputs) {
    const base = path.basename(input, ".xlsx").replace(/\.scorecard$/, "");
    const probe = new ExcelJS.Workbook();
    await probe.xlsx.readFile(input);
    const owned = ownedNames(probe).filter((name) => probe.worksheets.some((ws) => same(ws.name, name)));
    // Summaries first (one file per committee sheet), then the rules sheet, then the trackers.
    const packs = [...owned.filter((n) => !same(n, RULES_SHEET)), ...owned.filter((n) => same(n, RULES_SHEET))];
    if (!packs.some((n) => !same(n, RULES_SHEET))) console.log(`${rel(input)}: no summary sheet found`);
    for (const name of packs) {
      const target = path.join(previewDir, `${base}.${slug(name)}.xlsx`);
      if (await ownedCopy(input, target, name)) copies.push(target);
    }
    const trackers = path.join(previewDir, `${base}.trackers.xlsx`);
    if (await trackersCopy(ExcelJS, input, trackers, owned)) copies.push(trackers);
  }
  if (copies.length === 0) {
    console.error("Nothing to render.");
    return 1;
  }

  // One LibreOffice start for every copy: starting it is most of the time. Old PDFs go first, so a
  // conversion that fails is reported rather than hidden behind last run's file.
  for (const copy of copies) fs.rmSync(copy.replace(/\.xlsx$/, ".pdf"), { force: true });
  console.log(`Rendering ${copies.length} workbook(s) with LibreOffice…`);
  run("soffice", ["-env:UserInstallation=file:///tmp/lo-rag", "--headless", "--convert-to", "pdf", "--outdir", previewDir, ...copies]);

  let failed = 0;
  for (const copy of copies) {
    const pdf = copy.replace(/\.xlsx$/, ".pdf");
    if (!fs.existsSync(pdf)) {
      console.error(`${rel(copy)}: LibreOffice wrote no PDF`);
      failed++;
      continue;
    }
    const pages = rasterise(pdf);
    console.log(`\n${rel(pdf)} (${pages.length} page${pages.length === 1 ? "" : "s"})`);
    for (const png of pages) console.log(`  ${rel(png)}`);
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
