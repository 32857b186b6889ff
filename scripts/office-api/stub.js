// Office common API members (Office.onReady, dialogs, ribbon events) are outside the Excel fake; the
// ribbon's tests run them on the stub Office loader. The stub is plain JavaScript, so it is matched by
// name: a member counts as present when the stub's object literals (or an assignment `x.name = ...`)
// have a key of that name (for an enum member, the enum's key too). Listed in the document, not enforced.
"use strict";

const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const STUB_LOADER = "scripts/stub-office-loader.js";

function createStubModel(root) {
  const file = path.join(root, STUB_LOADER);
  if (!fs.existsSync(file)) return { model: () => ({ modelled: null, text: "Office common API: not part of the Excel fake" }) };
  const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const keys = new Set();
  ts.forEachChild(sf, function visit(n) {
    if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n) || ts.isMethodDeclaration(n)) && n.parent && ts.isObjectLiteralExpression(n.parent) && n.name) {
      keys.add(ts.isStringLiteral(n.name) ? n.name.text : n.name.getText());
    }
    // office.context = { ... }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left)) keys.add(n.left.name.text);
    // Object.defineProperty(office, "initialize", ...)
    if (ts.isCallExpression(n) && n.expression.getText() === "Object.defineProperty" && n.arguments[1] && ts.isStringLiteral(n.arguments[1])) keys.add(n.arguments[1].text);
    ts.forEachChild(n, visit);
  });
  return {
    model(row) {
      const needed = row.kind === "enum" ? [row.receiver.split(".").pop(), row.name] : [row.name];
      const missing = needed.filter((k) => !keys.has(k));
      return missing.length
        ? { modelled: null, text: `**not in the stub Office loader** (${STUB_LOADER}): no \`${missing.join("`, `")}\`` }
        : { modelled: null, text: `stub Office loader: \`${needed.join(".")}\` (${STUB_LOADER})` };
    },
  };
}

module.exports = { createStubModel, STUB_LOADER };
