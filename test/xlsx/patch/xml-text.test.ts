// Reading one attribute of a start tag: the quick read of the usual spelling agrees with the full one
// (attrsOf) on every spelling a writer may use, and the patcher keeps using the full one where needed.
import fc from "fast-check";
import { attrsOf, attrValue, setAttr } from "../../../src/xlsx/patch/xml-text";

describe("attrValue", () => {
  test.each([
    ['<c r="B7" s="3" t="s">', "r", "B7"],
    ['<c r="B7" s="3" t="s">', "s", "3"],
    ["<c r='B7' s='3'>", "s", "3"],
    ['<c\n\tr = "B7"/>', "r", "B7"],
    ['<c xr="Z9" r="B7">', "r", "B7"],
    ['<x:c x:r="Q1" r="B7">', "r", "B7"],
    ['<row spans="1:5">', "r", undefined],
    ['<c r="">', "r", ""],
  ])("%s: %s is %p", (tag, name, want) => expect(attrValue(tag, name)).toBe(want));

  test("agrees with attrsOf on generated tags", () => {
    const name = fc.constantFrom("r", "s", "t", "xr", "x:r", "spans", "ht");
    const value = fc.stringMatching(/^[A-Za-z0-9: ]{0,6}$/);
    const space = fc.constantFrom(" ", "  ", "\t", "\n");
    const eq = fc.constantFrom("=", " = ", "= ");
    const attr = fc.tuple(space, name, eq, fc.boolean(), value).map(([sp, n, e, single, v]) => ({ n, text: `${sp}${n}${e}${single ? `'${v}'` : `"${v}"`}` }));
    const tag = fc.uniqueArray(attr, { selector: (a) => a.n, maxLength: 5 }).map((attrs) => `<c${attrs.map((a) => a.text).join("")}>`);
    fc.assert(fc.property(tag, fc.constantFrom("r", "s", "t", "spans"), (t, n) => attrValue(t, n) === attrsOf(t).get(n)));
  });
});

describe("setAttr", () => {
  test.each([
    ['<row r="3" spans="2:4">', "spans", "1:9", '<row r="3" spans="1:9">'],
    ["<row r='3' spans = '2:4'>", "spans", "1:9", '<row r=\'3\' spans = "1:9">'],
    ['<row r="3">', "spans", "1:9", '<row r="3" spans="1:9">'],
    ['<c r="A1"/>', "s", "7", '<c r="A1" s="7"/>'],
    ['<c xs="1" s="2">', "s", "7", '<c xs="1" s="7">'],
  ])("%s with %s=%s", (tag, name, value, want) => expect(setAttr(tag, name, value)).toBe(want));
});
