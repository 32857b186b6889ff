#!/usr/bin/env node
// Lists every Office.js member the host uses and writes docs/office-api.md:
//   npm run office-api            regenerate the document
//   npm run office-api -- --check exit 1 when the document is stale or a rule below is broken
//
// How members are found: TypeScript's type checker over HOST_SCOPE (scripts/office-api/program.js).
// Every property access, call, element access, destructured property and object-literal property
// whose symbol is declared in @types/office-js (namespaces Excel, Office, OfficeExtension) counts.
// The host's own subset types (src/excel/api.ts) are mapped to the Excel types they stand for
// (scripts/office-api/realtypes.js), so `ws.tabColor` on an XlWorksheet is Excel.Worksheet.tabColor.
// For each member the doc comment in @types/office-js gives the requirement set ("[Api set: ...]",
// "**Requirement set**: ...") and the sentences naming a null, an error or a limit.
//
// Rule 1, requirement sets. A member whose set is newer than the manifest's <Requirements> (or whose
// set the manifest does not name, unless IMPLIED_SETS in scripts/office-api/guards.js cites why every
// admitted client has it) must be feature-detected: the function containing each use, or a function
// enclosing it, must call `isSetSupported(name, version)` with that set's name and a version at least
// as new. Arguments may be literals or constants with literal types (`as const`). A set that applies
// only when a parameter is passed (messageParent's messageOptions) counts only where it is passed.
//
// Rule 2, the fake. Every Excel and OfficeExtension member the host uses must have behaviour in
// src/fake-excel (scripts/office-api/fake.js says how that is decided). Office common API members
// (Office.onReady, dialogs) are outside the Excel fake: the document says which of them the stub
// Office loader has (scripts/office-api/stub.js), but they are not enforced.
//
// Rule 3, no invented members. A member of a host subset type that the Excel type it stands for
// does not have (a typo, or an API that does not exist) is reported.
//
// Exceptions live in ALLOWED below, one reason each, for a finding that is truly a false positive.
"use strict";

const fs = require("fs");
const path = require("path");
const { HOST_SCOPE, FAKE_SCOPE, listTs, createProgram, rel: relTo } = require("./office-api/program");
const { createRealTypes } = require("./office-api/realtypes");
const { createCollector } = require("./office-api/collect");
const { describe, requirementSets, conditions } = require("./office-api/docs");
const { manifestSets, checkRow } = require("./office-api/guards");
const { createFakeModel } = require("./office-api/fake");
const { createStubModel } = require("./office-api/stub");
const { render } = require("./office-api/render");

const ROOT = path.resolve(__dirname, "..");
const DOC = "docs/office-api.md";

/** Findings accepted as false positives: member key -> reason. */
const ALLOWED = {
  aboveManifest: {},
  unmodelled: {},
};

let lastProgram;

/**
 * Analyse the host. `sources` (path relative to root -> text) adds files to the host scope, for the
 * tests' probes. Returns the rows (one per member) and the findings of rules 1 and 2.
 */
function analyse({ root = ROOT, sources = {} } = {}) {
  const abs = Object.fromEntries(Object.entries(sources).map(([f, t]) => [path.resolve(root, f), t]));
  const hostFiles = [...new Set([...HOST_SCOPE.flatMap((r) => listTs(root, r)), ...Object.keys(abs)])];
  const fakeFiles = FAKE_SCOPE.flatMap((r) => listTs(root, r));
  const { program, checker, office } = createProgram({ root, hostFiles, fakeFiles, sources: abs, oldProgram: lastProgram });
  lastProgram = program;
  const rel = (f) => relTo(root, f);
  const hostSources = hostFiles.map((f) => program.getSourceFile(f)).filter(Boolean);
  const fakeSources = fakeFiles.map((f) => program.getSourceFile(f)).filter(Boolean);
  const real = createRealTypes({ checker, office, hostSources });
  const collector = createCollector({ checker, real });
  const fake = createFakeModel({ checker, real, fakeSources, collector, rel });
  const stub = createStubModel(root);
  const manifest = manifestSets(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"));

  const collected = collector.collect(hostSources, rel);
  const rows = [...collected.values()]
    .map((row) => {
      const doc = describe(row.decl);
      const withSets = { ...row, sets: doc.sets };
      return { ...withSets, doc, check: checkRow(checker, withSets, manifest, rel), fake: row.area === "Office" ? stub.model(row) : fake.model(row), files: [...row.files].sort() };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const aboveUnguarded = rows.filter((r) => r.check.unguarded.length && !ALLOWED.aboveManifest[r.key]);
  const unmodelled = rows.filter((r) => r.fake.modelled === false && !ALLOWED.unmodelled[r.key]);
  const officeVersion = JSON.parse(fs.readFileSync(path.join(root, "node_modules/@types/office-js/package.json"), "utf8")).version;
  return {
    rows,
    manifest,
    officeVersion,
    scope: { host: HOST_SCOPE, fake: FAKE_SCOPE },
    allowed: ALLOWED,
    findings: {
      aboveUnguarded: aboveUnguarded.map((r) => ({ member: r.key, sites: r.check.unguarded })),
      unmodelled: unmodelled.map((r) => ({ member: r.key, why: r.fake.text })),
      notInOffice: collected.unknown,
    },
  };
}

function main(argv) {
  const started = Date.now();
  const result = analyse();
  const text = render(result);
  const file = path.join(ROOT, DOC);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const { aboveUnguarded, unmodelled } = result.findings;
  const report = [
    ...aboveUnguarded.map((f) => `above the manifest, no guard: ${f.member} at ${f.sites.map((s) => `${s.at} (${s.set})`).join(", ")}`),
    ...unmodelled.map((f) => `not modelled by the fake: ${f.member}: ${f.why}`),
    ...result.findings.notInOffice.map((f) => `not in Office.js: ${f.member} (stands for ${f.standsFor}) at ${f.at.join(", ")}`),
  ];
  if (argv.includes("--check")) {
    const stale = !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text;
    if (stale) report.unshift(`${DOC} is out of date: run npm run office-api`);
    report.forEach((l) => console.error(l));
    console.log(`${result.rows.length} members checked in ${seconds} s`);
    return report.length ? 1 : 0;
  }
  fs.writeFileSync(file, text);
  report.forEach((l) => console.error(l));
  console.log(`Wrote ${DOC}: ${result.rows.length} members in ${seconds} s`);
  return 0;
}

module.exports = { analyse, render, DOC, ALLOWED, requirementSets, conditions };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
