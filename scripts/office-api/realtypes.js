// Which Office.js type a type stands for. The host reaches Excel through its own subset types
// (src/excel/api.ts: `interface XlRange extends Pick<Excel.Range, ...>`), so a member declared
// there is looked up on the real Excel type it stands for. The mapping comes from the types
// themselves, in this order: api.ts's `Assert<Excel.X, XlY>` proofs, then `Pick<Excel.X, ...>`
// (or `extends Excel.X`) heritage, then the name (XlFoo -> Excel.Foo).
"use strict";

const ts = require("typescript");
const { containerName, ownerName, resolveAlias } = require("./program");

const WRAPPERS = new Set(["Pick", "Omit", "Partial", "Readonly", "Required"]);
const isContainer = (d) => ts.isClassDeclaration(d) || ts.isInterfaceDeclaration(d) || ts.isEnumDeclaration(d) || ts.isModuleDeclaration(d) || ts.isTypeAliasDeclaration(d);

function createRealTypes({ checker, office, hostSources }) {
  const inOffice = (sym) => !!sym?.declarations?.some((d) => d.getSourceFile() === office);
  /** host symbol -> Office.js symbol */
  const hostMap = new Map();

  function nameOf(sym) {
    const d = sym.declarations[0];
    if (ts.isTypeLiteralNode(d)) return ownerName(d);
    return isContainer(d) ? containerName(d) : `${containerName(d.parent)}.${sym.name}`;
  }

  function symbolOfType(type) {
    if (!type) return undefined;
    for (const sym of [type.aliasSymbol, type.getSymbol()]) {
      if (!sym) continue;
      if (inOffice(sym)) return sym;
      if (hostMap.has(sym)) return hostMap.get(sym);
    }
    return undefined;
  }

  /** The Office.js symbol a type node names, looking through Pick<...> and friends. */
  function officeOfTypeNode(node) {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && WRAPPERS.has(node.typeName.text) && node.typeArguments?.length) {
      return officeOfTypeNode(node.typeArguments[0]);
    }
    if (ts.isTypeQueryNode(node)) {
      // `typeof Excel.run` names the function itself; `typeof Office.context.ui` names the value's type.
      const sym = resolveAlias(checker, checker.getSymbolAtLocation(ts.isQualifiedName(node.exprName) ? node.exprName.right : node.exprName));
      if (inOffice(sym) && sym.flags & ts.SymbolFlags.Function) return sym;
    }
    return symbolOfType(checker.getTypeFromTypeNode(node));
  }

  const declared = [];
  for (const sf of hostSources) {
    ts.forEachChild(sf, function visit(n) {
      if ((ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && n.name) declared.push(n);
      if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName) && n.typeName.text === "Assert" && n.typeArguments?.length === 2) {
        const real = officeOfTypeNode(n.typeArguments[0]);
        const subset = checker.getTypeFromTypeNode(n.typeArguments[1]);
        const sym = subset.aliasSymbol ?? subset.getSymbol();
        if (real && sym && !inOffice(sym)) hostMap.set(sym, real);
      }
      ts.forEachChild(n, visit);
    });
  }
  const excelDecl = office.statements.find((s) => ts.isModuleDeclaration(s) && s.name.text === "Excel");
  const excel = excelDecl && checker.getSymbolAtLocation(excelDecl.name);
  const excelExports = excel ? new Map(checker.getExportsOfModule(excel).map((s) => [s.name, s])) : new Map();
  for (const d of declared) {
    const sym = checker.getSymbolAtLocation(d.name);
    if (!sym || hostMap.has(sym)) continue;
    let real;
    if (ts.isInterfaceDeclaration(d)) {
      for (const h of d.heritageClauses ?? []) {
        for (const t of h.types) {
          if (real) break;
          const id = t.expression;
          if (ts.isIdentifier(id) && WRAPPERS.has(id.text) && t.typeArguments?.length) real = officeOfTypeNode(t.typeArguments[0]);
          else real = symbolOfType(checker.getTypeAtLocation(t));
        }
      }
    } else {
      real = officeOfTypeNode(d.type);
    }
    if (!real && /^Xl[A-Z]/.test(d.name.text)) real = excelExports.get(d.name.text.slice(2));
    if (real) hostMap.set(sym, real);
  }

  return {
    inOffice,
    nameOf,
    symbolOfType,
    /** Office.js name of a type ("Excel.Range"), or undefined when it stands for none. */
    nameOfType: (type) => {
      const sym = symbolOfType(type);
      return sym ? nameOf(sym) : undefined;
    },
    /** The Office.js symbol behind a host-declared symbol (XlRange -> Excel.Range). */
    realOfHost: (sym) => hostMap.get(sym),
    hostMap,
  };
}

module.exports = { createRealTypes };
