// One TypeScript program over the host and the fake, with the project's compiler options,
// plus the small naming helpers every other part of the office-api script shares.
"use strict";

const fs = require("fs");
const path = require("path");
const ts = require("typescript");

/** Where the host talks to Office.js. index.tsx is the pane's bootstrap (Office.onReady). */
const HOST_SCOPE = ["src/excel", "src/commands", "src/taskpane/excel-service.ts", "src/taskpane/index.tsx"];
const FAKE_SCOPE = ["src/fake-excel"];

function listTs(root, rel) {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [abs];
  return fs
    .readdirSync(abs, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? listTs(root, path.join(rel, d.name)) : /\.tsx?$/.test(d.name) && !d.name.endsWith(".d.ts") ? [path.join(abs, d.name)] : []))
    .sort();
}

// Speed (the test runs this): only the Office.js declarations and TypeScript's own libs are read.
// Other packages' declarations (React, Fluent UI, Node, Jest) become empty modules: nothing the
// host reaches through them is an Office.js member. The Word, OneNote, Visio and PowerPoint parts
// of @types/office-js are blanked, line for line, so the Excel, Office and OfficeExtension
// declarations keep their line numbers.
const OFFICE_DTS = /[\\/]@types[\\/]office-js[\\/]index\.d\.ts$/;
const TS_LIB = /[\\/]typescript[\\/]lib[\\/]/;
const OTHER_HOSTS = /^\/+ *Begin (Word|OneNote|Visio|PowerPoint) APIs[\s\S]*?^\/+ *End \1 APIs *\/+$/gm;

function officeText(text) {
  return text.replace(OTHER_HOSTS, (block) => "\n".repeat(block.split("\n").length - 1));
}

function compilerOptions(root) {
  const file = path.join(root, "tsconfig.json");
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) throw new Error(`office-api: cannot read ${file}`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  return { ...parsed.options, noEmit: true, sourceMap: false };
}

/**
 * Build the program. `sources` (absolute path -> text) adds or replaces files, for the tests' own
 * small host files; `oldProgram` lets a second run reuse the parsed @types/office-js.
 */
function createProgram({ root, hostFiles, fakeFiles, sources = {}, oldProgram }) {
  const options = compilerOptions(root);
  const host = ts.createCompilerHost(options, true);
  const norm = (f) => path.resolve(f);
  const extra = new Map(Object.entries(sources).map(([f, t]) => [norm(f), t]));
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => extra.has(norm(f)) || fileExists.call(host, f);
  host.readFile = (f) => (extra.has(norm(f)) ? extra.get(norm(f)) : readFile.call(host, f));
  host.getSourceFile = (f, lang, onError, fresh) => {
    if (extra.has(norm(f))) return ts.createSourceFile(f, extra.get(norm(f)), lang, true);
    if (OFFICE_DTS.test(f)) return ts.createSourceFile(f, officeText(readFile.call(host, f)), lang, true);
    if (/[\\/]node_modules[\\/]/.test(f) && !TS_LIB.test(f)) return ts.createSourceFile(f, "export {};", lang, true);
    return getSourceFile.call(host, f, lang, onError, fresh);
  };
  const rootNames = [...new Set([...hostFiles, ...fakeFiles, ...extra.keys()])];
  const program = ts.createProgram({ rootNames, options, host, oldProgram });
  const office = program.getSourceFiles().find((s) => OFFICE_DTS.test(s.fileName));
  if (!office) throw new Error("office-api: node_modules/@types/office-js/index.d.ts is not in the program");
  return { program, checker: program.getTypeChecker(), office };
}

/** "Excel.Worksheet" for a class, interface, enum or namespace declared in a namespace. */
function containerName(node) {
  const parts = [];
  for (let n = node; n && !ts.isSourceFile(n); n = n.parent) {
    if ((ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isEnumDeclaration(n) || ts.isModuleDeclaration(n) || ts.isTypeAliasDeclaration(n)) && n.name) {
      parts.unshift(n.name.text);
    }
  }
  return parts.join(".");
}

const isOwner = (n) => ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isEnumDeclaration(n) || ts.isModuleDeclaration(n) || ts.isTypeLiteralNode(n);

/** The declaration's own container: the class, interface or type literal a member sits in, or the namespace. */
function ownerOf(decl) {
  let n = decl.parent;
  while (n && !ts.isSourceFile(n) && !isOwner(n)) n = n.parent;
  return n && !ts.isSourceFile(n) ? n : undefined;
}

/** Name of an owner; an anonymous type literal is named by where it appears: "Office.onReady()". */
function ownerName(owner) {
  if (!owner) return "";
  if (!ts.isTypeLiteralNode(owner)) return containerName(owner);
  let n = owner.parent;
  while (n && !ts.isSourceFile(n) && !(n.name && (ts.isFunctionDeclaration(n) || ts.isMethodSignature(n) || ts.isMethodDeclaration(n) || ts.isPropertySignature(n) || ts.isPropertyDeclaration(n)))) n = n.parent;
  if (!n || ts.isSourceFile(n)) return containerName(owner.parent);
  const isFn = ts.isFunctionDeclaration(n) || ts.isMethodSignature(n) || ts.isMethodDeclaration(n);
  return `${containerName(n.parent) ? containerName(n.parent) + "." : ""}${n.name.getText()}${isFn ? "()" : ""}`;
}

function resolveAlias(checker, sym) {
  return sym && sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
}

const rel = (root, file) => path.relative(root, file).split(path.sep).join("/");

module.exports = { HOST_SCOPE, FAKE_SCOPE, listTs, createProgram, containerName, ownerOf, ownerName, resolveAlias, rel };
