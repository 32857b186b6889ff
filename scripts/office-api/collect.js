// Every Office.js member a set of files touches: property reads and writes, calls, object-literal
// properties checked against an Office.js type (Excel.run options, setCellProperties payloads,
// dialog options) and destructured properties. A member is named by the type it was reached on,
// as the code sees it ("Excel.Worksheet.isNullObject", even though Office.js declares
// isNullObject on the class itself or a base), and documented from its Office.js declaration.
"use strict";

const ts = require("typescript");
const { ownerOf, ownerName, resolveAlias } = require("./program");

const CONTAINER = ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.Enum | ts.SymbolFlags.Module | ts.SymbolFlags.TypeAlias;

function kindOf(ownerDecl) {
  if (!ownerDecl) return "namespace";
  if (ts.isClassDeclaration(ownerDecl)) return "class";
  if (ts.isEnumDeclaration(ownerDecl)) return "enum";
  if (ts.isModuleDeclaration(ownerDecl)) return "namespace";
  if (ts.isTypeLiteralNode(ownerDecl)) return "interface";
  return "interface";
}

function createCollector({ checker, real }) {
  const officeDecls = (sym) => (sym?.declarations ?? []).filter((d) => real.inOffice({ declarations: [d] }));

  /** Office.js declarations of member `name` reached on `recvType` (directly, or via a host subset type). */
  function memberDecls(recvType, name, direct) {
    const own = officeDecls(direct);
    if (own.length) return own;
    const candidates = [];
    const recvSym = real.symbolOfType(recvType);
    if (recvSym) candidates.push(recvSym);
    const parent = direct?.declarations?.[0] && ownerOf(direct.declarations[0]);
    const parentSym = parent?.name && checker.getSymbolAtLocation(parent.name);
    if (parentSym && real.realOfHost(parentSym)) candidates.push(real.realOfHost(parentSym));
    for (const sym of candidates) {
      if (!(sym.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface))) continue;
      const decls = officeDecls(checker.getPropertyOfType(checker.getDeclaredTypeOfSymbol(sym), name));
      if (decls.length) return decls;
    }
    return [];
  }

  /** Pick the overload the call resolved to, else the first declaration that states a requirement set. */
  function chooseDecl(decls, call) {
    if (call && decls.length > 1) {
      const sig = checker.getResolvedSignature(call);
      if (sig?.declaration && decls.includes(sig.declaration)) {
        const params = sig.declaration.parameters.map((p) => p.name.getText()).join(", ");
        return { decl: sig.declaration, label: `(${params})` };
      }
    }
    const stated = decls.find((d) => /\[Api set:|Requirement set/.test(d.getSourceFile().text.slice(d.getFullStart(), d.getStart())));
    return { decl: stated ?? decls[0], label: "" };
  }

  /** A member of a host subset type that stands for an Office.js type: "XlRange.copyFrom". */
  function subsetMember(direct) {
    const decl = direct?.declarations?.[0];
    const owner = decl && ownerOf(decl);
    const ownerSym = owner?.name && checker.getSymbolAtLocation(owner.name);
    const realSym = ownerSym && real.realOfHost(ownerSym);
    // A subset of a function (ExcelRun for Excel.run) may carry the host's own extras.
    return realSym && realSym.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface) ? { subset: `${ownerSym.name}.${direct.name}`, real: real.nameOf(real.realOfHost(ownerSym)) } : undefined;
  }

  function collect(sources, rel) {
    const rows = new Map();
    /** Subset-type members the Office.js type they stand for does not have: a typo, or an API that does not exist. */
    const unknown = new Map();

    function record(recvType, name, direct, site, call) {
      const decls = memberDecls(recvType, name, direct);
      if (!decls.length) {
        const sub = subsetMember(direct);
        if (sub) {
          const at = `${rel(site.getSourceFile().fileName)}:${site.getSourceFile().getLineAndCharacterOfPosition(site.getStart()).line + 1}`;
          unknown.set(sub.subset, { member: sub.subset, standsFor: sub.real, at: [...(unknown.get(sub.subset)?.at ?? []), at] });
        }
        return;
      }
      const sym = decls[0].symbol ?? direct;
      if (sym && sym.flags & CONTAINER && !(sym.flags & (ts.SymbolFlags.Property | ts.SymbolFlags.Method | ts.SymbolFlags.Function | ts.SymbolFlags.Variable))) return;
      const owner = ownerOf(decls[0]);
      const declOwner = ownerName(owner);
      const receiver = real.nameOfType(recvType) ?? declOwner;
      const { decl, label } = chooseDecl(decls, call);
      const key = `${receiver}.${name}${label}`;
      let row = rows.get(key);
      if (!row) {
        row = { key, receiver, name, kind: kindOf(owner), area: receiver.split(".")[0], decl, owner, declKey: `${declOwner}.${name}`, files: new Set(), sites: [] };
        rows.set(key, row);
      }
      row.files.add(rel(site.getSourceFile().fileName));
      row.sites.push(site);
    }

    const callOf = (n) => (ts.isCallExpression(n.parent) && n.parent.expression === n ? n.parent : undefined);

    function visit(n) {
      if (ts.isPropertyAccessExpression(n)) {
        record(checker.getTypeAtLocation(n.expression), n.name.text, resolveAlias(checker, checker.getSymbolAtLocation(n.name)), n, callOf(n));
      } else if (ts.isElementAccessExpression(n) && ts.isStringLiteralLike(n.argumentExpression)) {
        record(checker.getTypeAtLocation(n.expression), n.argumentExpression.text, checker.getSymbolAtLocation(n.argumentExpression), n, callOf(n));
      } else if (ts.isObjectLiteralExpression(n)) {
        const ctx = checker.getContextualType(n);
        if (ctx) {
          const parts = ctx.isUnion() ? ctx.types : [ctx];
          for (const p of n.properties) {
            if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
            const name = p.name.text;
            const part = parts.find((t) => checker.getPropertyOfType(t, name)) ?? ctx;
            record(part, name, checker.getPropertyOfType(part, name), p, undefined);
          }
        }
      } else if (ts.isObjectBindingPattern(n)) {
        const type = checker.getTypeAtLocation(n);
        for (const el of n.elements) {
          const nameNode = el.propertyName ?? el.name;
          if (!ts.isIdentifier(nameNode)) continue;
          record(type, nameNode.text, checker.getPropertyOfType(type, nameNode.text), el, undefined);
        }
      }
      ts.forEachChild(n, visit);
    }
    for (const sf of sources) visit(sf);
    rows.unknown = [...unknown.values()].sort((a, b) => (a.member < b.member ? -1 : 1));
    return rows;
  }

  return { collect };
}

module.exports = { createCollector };
