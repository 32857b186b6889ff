// Requirement sets against the manifest, and the feature-detection rule (stated in scripts/office-api.js).
"use strict";

const ts = require("typescript");
const { compareVersions } = require("./docs");

/**
 * Sets the manifest does not name but every client it admits has. Each entry cites Microsoft's
 * requirement-set page; add one only with such a source.
 */
const IMPLIED_SETS = {
  DialogApi: {
    version: "1.1",
    reason:
      "Microsoft's Dialog API requirement sets page lists DialogApi 1.1 from Office 2016 on Windows (Version 1602), Mac 15.20, iPad 1.22 and the web: older than every client with ExcelApi 1.9.",
  },
};

/** `<Set Name="ExcelApi" MinVersion="1.9"/>` and friends; a Set without MinVersion takes the Sets' DefaultMinVersion. */
function manifestSets(xml) {
  const text = xml.replace(/<!--[\s\S]*?-->/g, "");
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(text)?.[1] ?? "";
  const defaultMinVersion = /<Sets\b[^>]*\bDefaultMinVersion="([^"]+)"/.exec(requirements)?.[1] ?? "1.1";
  const sets = new Map();
  for (const m of requirements.matchAll(/<Set\b([^>]*)>/g)) {
    const name = /\bName="([^"]+)"/.exec(m[1])?.[1];
    if (name) sets.set(name, /\bMinVersion="([^"]+)"/.exec(m[1])?.[1] ?? defaultMinVersion);
  }
  return { sets, defaultMinVersion };
}

/** Whether the manifest (or a set it implies) covers `set`; `via` says how. */
function coverage(set, manifest) {
  const declared = manifest.sets.get(set.name);
  if (declared && compareVersions(set.version, declared) <= 0) return { covered: true, via: `manifest ${set.name} ${declared}` };
  const implied = IMPLIED_SETS[set.name];
  if (!declared && implied && compareVersions(set.version, implied.version) <= 0) return { covered: true, via: `implied: ${implied.reason}` };
  return { covered: false, via: declared ? `manifest ${set.name} ${declared}` : `manifest does not name ${set.name}` };
}

const isFunctionLike = (n) =>
  ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n) || ts.isGetAccessor(n) || ts.isSetAccessor(n);

function stringValue(checker, expr) {
  if (ts.isStringLiteralLike(expr)) return expr.text;
  const type = checker.getTypeAtLocation(expr);
  return type.isStringLiteral() ? type.value : undefined;
}

const calleeName = (call) => (ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : ts.isIdentifier(call.expression) ? call.expression.text : "");

/** A qualifying `isSetSupported` call directly inside `node`. */
function directCheck(checker, node, set) {
  let found;
  const visit = (n) => {
    if (found) return;
    if (ts.isCallExpression(n) && n.arguments.length >= 2 && calleeName(n) === "isSetSupported") {
      const name = stringValue(checker, n.arguments[0]);
      const version = stringValue(checker, n.arguments[1]);
      if (name === set.name && version && compareVersions(version, set.version) >= 0) found = n;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** The body of the project function a call calls (a declaration, or a const holding an arrow function). */
function calledBody(checker, call) {
  const expr = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
  let sym = checker.getSymbolAtLocation(expr);
  if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
  const decl = sym?.declarations?.[0];
  if (!decl || decl.getSourceFile().isDeclarationFile) return undefined;
  if ((ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) && decl.body) return decl.body;
  if (ts.isVariableDeclaration(decl) && decl.initializer && (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer))) return decl.initializer.body;
  return undefined;
}

/**
 * A guard for `set` at `site`: an `isSetSupported(name, version)` call at least as new as the set, in
 * the site's function or one enclosing it, or in a project function one of those calls (one level,
 * so `mergesUndo(run) ? { mergeUndoGroup: true } : {}` counts when mergesUndo makes the check).
 */
function findGuard(checker, site, set) {
  for (let fn = site.parent; fn; fn = fn.parent) {
    if (!isFunctionLike(fn)) continue;
    const direct = directCheck(checker, fn, set);
    if (direct) return direct;
    let found;
    const visit = (n) => {
      if (found) return;
      if (ts.isCallExpression(n)) {
        const body = calledBody(checker, n);
        if (body && body !== fn.body) found = directCheck(checker, body, set);
      }
      ts.forEachChild(n, visit);
    };
    visit(fn);
    if (found) return found;
  }
  return undefined;
}

/** Does a set that applies only when a parameter is passed apply at this site? */
function applies(set, site, decl) {
  if (!set.param) return true;
  const index = (decl.parameters ?? []).findIndex((p) => p.name.getText() === set.param);
  const call = ts.isCallExpression(site.parent) && site.parent.expression === site ? site.parent : undefined;
  return !call || index < 0 || call.arguments.length > index;
}

const where = (root, rel, node) => {
  const sf = node.getSourceFile();
  return `${rel(sf.fileName)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
};

/** For one member: sets above the manifest, and the use sites with no guard for them. */
function checkRow(checker, row, manifest, rel) {
  const above = [];
  const unguarded = [];
  const guards = new Set();
  for (const set of row.sets) {
    const cover = coverage(set, manifest);
    const sites = row.sites.filter((site) => applies(set, site, row.decl));
    if (cover.covered || !sites.length) continue;
    above.push({ set, via: cover.via });
    for (const site of sites) {
      const guard = findGuard(checker, site, set);
      if (guard) guards.add(where(null, rel, guard));
      else unguarded.push({ set: set.text, at: where(null, rel, site) });
    }
  }
  return { above, unguarded, guards: [...guards].sort() };
}

module.exports = { IMPLIED_SETS, manifestSets, coverage, findGuard, checkRow };
