// Which fake (src/fake-excel) class stands for which Excel class, found through the types: a class
// that `implements` a host subset type, or that is assignable to the request context, is a seed; from
// each pair, a fake member's type is paired with the real member's type (FakeWorksheet.getRange
// returns FakeRange where Excel.Worksheet.getRange returns Excel.Range). Then, for each member the
// host uses: a class member must exist on every fake class for its Excel class and not be a stub;
// a plain-data member (cell properties, run options) must be read or written somewhere in the fake;
// a namespace function (Excel.run) must be given by a fake value of a type that stands for it.
"use strict";

const ts = require("typescript");

function createFakeModel({ checker, real, fakeSources, collector, rel }) {
  const classes = new Map(); // class symbol -> declaration
  const ownSyms = new Set();
  for (const sf of fakeSources) {
    ts.forEachChild(sf, function visit(n) {
      if (ts.isClassDeclaration(n) && n.name) {
        const sym = checker.getSymbolAtLocation(n.name);
        classes.set(sym, n);
        ownSyms.add(sym);
      }
      ts.forEachChild(n, visit);
    });
  }
  const fakeClassOf = (type) => {
    const t = checker.getNonNullableType(type);
    const el = checker.isArrayType(t) ? checker.getTypeArguments(t)[0] : t;
    const sym = el?.getSymbol();
    return sym && ownSyms.has(sym) ? sym : undefined;
  };
  const realOf = (type) => {
    const t = checker.getNonNullableType(type);
    return real.symbolOfType(checker.isArrayType(t) ? checker.getTypeArguments(t)[0] : t);
  };
  const memberType = (sym) => {
    const type = checker.getTypeOfSymbol(sym);
    const sigs = type.getCallSignatures();
    return sigs.length ? sigs[0].getReturnType() : type;
  };

  /** A method declared to return a host subset type: the fake class its own return statements give. */
  const returnedClass = (prop) => {
    const decl = prop.declarations?.[0];
    if (!decl || !ts.isMethodDeclaration(decl) || !decl.body) return undefined;
    let found;
    const visit = (n) => {
      if (found || (n !== decl && ts.isFunctionLike(n))) return;
      if (ts.isReturnStatement(n) && n.expression) found = fakeClassOf(checker.getTypeAtLocation(n.expression));
      ts.forEachChild(n, visit);
    };
    visit(decl.body);
    return found;
  };

  /** Excel name -> Set of fake class symbols. */
  const pairs = new Map();
  const add = (officeSym, fakeSym) => {
    const name = real.nameOf(officeSym);
    const set = pairs.get(name) ?? new Set();
    if (set.has(fakeSym)) return;
    set.add(fakeSym);
    pairs.set(name, set);
    const realType = checker.getDeclaredTypeOfSymbol(officeSym);
    for (const prop of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(fakeSym))) {
      const realProp = checker.getPropertyOfType(realType, prop.name);
      if (!realProp) continue;
      const fakeTarget = fakeClassOf(memberType(prop)) ?? returnedClass(prop);
      const realTarget = realOf(memberType(realProp));
      if (fakeTarget && realTarget && realTarget.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) add(realTarget, fakeTarget);
    }
  };
  const contextXl = [...real.hostMap].find(([, office]) => real.nameOf(office) === "Excel.RequestContext")?.[0];
  for (const [sym, decl] of classes) {
    for (const h of decl.heritageClauses ?? []) {
      if (h.token !== ts.SyntaxKind.ImplementsKeyword) continue;
      for (const t of h.types) {
        const office = real.symbolOfType(checker.getTypeAtLocation(t));
        if (office) add(office, sym);
      }
    }
    if (contextXl && checker.isTypeAssignableTo(checker.getDeclaredTypeOfSymbol(sym), checker.getDeclaredTypeOfSymbol(contextXl))) {
      add(real.hostMap.get(contextXl), sym);
    }
  }

  // Fake values typed as an Office.js function (`const run: ExcelRun = ...`).
  const functions = new Map();
  for (const sf of fakeSources) {
    ts.forEachChild(sf, function visit(n) {
      if ((ts.isVariableDeclaration(n) || ts.isPropertySignature(n) || ts.isPropertyDeclaration(n)) && n.type && ts.isIdentifier(n.name)) {
        const office = real.symbolOfType(checker.getTypeFromTypeNode(n.type));
        if (office && office.flags & ts.SymbolFlags.Function) functions.set(real.nameOf(office), `${rel(sf.fileName)} \`${n.name.text}\``);
      }
      ts.forEachChild(n, visit);
    });
  }

  // Plain-data members the fake reads or writes.
  const touched = new Map();
  for (const row of collector.collect(fakeSources, rel).values()) {
    const files = touched.get(row.declKey) ?? new Set();
    row.files.forEach((f) => files.add(f));
    touched.set(row.declKey, files);
  }

  const errorCodes = (node) => {
    const codes = new Set();
    const visit = (n) => {
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "FakeOfficeError" && n.arguments?.[0] && ts.isStringLiteral(n.arguments[0])) codes.add(n.arguments[0].text);
      ts.forEachChild(n, visit);
    };
    if (node) visit(node);
    return codes;
  };
  /** The `_props()` entry for a property: where the fake evaluates it against the document. */
  const propsEntry = (classDecl, name) => {
    const method = classDecl.members.find((m) => ts.isMethodDeclaration(m) && m.name.getText() === "_props");
    let entry;
    const visit = (n) => {
      if (!entry && ts.isPropertyAssignment(n) && n.name.getText() === name) entry = n;
      ts.forEachChild(n, visit);
    };
    if (method) visit(method);
    return entry;
  };
  const isStub = (decl) => {
    const body = decl.body;
    if (!body || !ts.isBlock(body) || body.statements.length !== 1) return false;
    const st = body.statements[0];
    return ts.isThrowStatement(st) && !!st.expression && ts.isNewExpression(st.expression) && st.expression.expression.getText() === "Error";
  };

  /** How the fake models one host member: `{ modelled, text }`; `modelled` is null outside the fake's scope. */
  function model(row) {
    if (row.area === "Office" || row.kind === "enum") return { modelled: null, text: "Office common API: not part of the Excel fake" };
    if (row.kind === "namespace") {
      const at = functions.get(`${row.receiver}.${row.name}`);
      return at ? { modelled: true, text: `${at} (typed as ${row.receiver}.${row.name})` } : { modelled: false, text: "no fake value of this function's type" };
    }
    if (row.kind === "class") {
      const fakes = [...(pairs.get(row.receiver) ?? [])];
      if (!fakes.length) return { modelled: false, text: `no fake class stands for ${row.receiver}` };
      const parts = [];
      let modelled = true;
      for (const f of fakes) {
        const prop = checker.getPropertyOfType(checker.getDeclaredTypeOfSymbol(f), row.name);
        const decl = prop?.declarations?.[0];
        if (!decl) {
          modelled = false;
          parts.push(`${f.name} has no \`${row.name}\``);
          continue;
        }
        const owner = decl.parent;
        const ownerLabel = owner && ts.isClassDeclaration(owner) && owner.name ? owner.name.text : f.name;
        if (isStub(decl)) {
          modelled = false;
          parts.push(`${ownerLabel}.${row.name} only throws (a stub)`);
          continue;
        }
        const codes = [...new Set([...errorCodes(decl), ...(owner && ts.isClassDeclaration(owner) ? errorCodes(propsEntry(owner, row.name)) : [])])].sort();
        parts.push(`${ownerLabel}.${row.name} (${rel(decl.getSourceFile().fileName).replace(/^src\/fake-excel\//, "")})${codes.length ? `; raises ${codes.join(", ")}` : ""}`);
      }
      return { modelled, text: [...new Set(parts)].join("; ") };
    }
    const files = touched.get(row.declKey);
    return files ? { modelled: true, text: `read or written in ${[...files].sort().map((f) => f.replace(/^src\/fake-excel\//, "")).join(", ")}` } : { modelled: false, text: "the fake never reads or writes it" };
  }

  return { model, pairs };
}

module.exports = { createFakeModel };
