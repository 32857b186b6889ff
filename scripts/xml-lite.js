// A small, strict XML parser for the add-in manifest: enough to prove the
// file is well-formed and to walk its elements. It keeps qualified names
// (e.g. "bt:Image") and records each element's line for messages. No DTDs:
// a manifest never needs one, so a DOCTYPE is rejected rather than half-read.
"use strict";

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

class XmlError extends Error {
  constructor(message, line) {
    super(`line ${line}: ${message}`);
    this.line = line;
  }
}

/**
 * Parses XML text into { root } where each element is
 * { name, attrs: {qualifiedName: value}, children: Element[], text, line }.
 * Throws XmlError (with .line) when the text is not well-formed.
 */
function parseXml(input) {
  const src = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let i = 0;
  const lineAt = (pos) => src.slice(0, pos).split("\n").length;
  const fail = (message, pos = i) => {
    throw new XmlError(message, lineAt(pos));
  };

  function readName() {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) fail("expected a name");
    i += m[0].length;
    return m[0];
  }

  function skipSpace() {
    while (i < src.length && /\s/.test(src[i])) i++;
  }

  function decode(raw, start) {
    return raw.replace(/&([^;]*);|&/g, (whole, ref, offset) => {
      if (ref === undefined) fail("'&' must start an entity reference", start + offset);
      if (ENTITIES[ref] !== undefined) return ENTITIES[ref];
      const num = /^#x([0-9a-fA-F]+)$/.exec(ref) || /^#([0-9]+)$/.exec(ref);
      if (num) return String.fromCodePoint(parseInt(num[1], ref[1] === "x" ? 16 : 10));
      return fail(`unknown entity '&${ref};'`, start + offset);
    });
  }

  // Comments, processing instructions; returns true when one was skipped.
  function skipMisc() {
    if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i + 4);
      if (end < 0) fail("comment is not closed");
      if (src.slice(i + 4, end).includes("--")) fail("'--' inside a comment");
      i = end + 3;
      return true;
    }
    if (src.startsWith("<?", i)) {
      const end = src.indexOf("?>", i + 2);
      if (end < 0) fail("processing instruction is not closed");
      i = end + 2;
      return true;
    }
    if (src.startsWith("<!DOCTYPE", i)) fail("DOCTYPE is not allowed in a manifest");
    return false;
  }

  function readStartTag() {
    const line = lineAt(i);
    i++; // '<'
    const el = { name: readName(), attrs: {}, children: [], text: "", line };
    for (;;) {
      const before = i;
      skipSpace();
      if (src.startsWith("/>", i)) {
        i += 2;
        return { el, selfClosing: true };
      }
      if (src[i] === ">") {
        i++;
        return { el, selfClosing: false };
      }
      if (i >= src.length) fail(`tag <${el.name}> is not closed`);
      if (i === before) fail(`expected whitespace before an attribute in <${el.name}>`);
      const attr = readName();
      skipSpace();
      if (src[i] !== "=") fail(`attribute '${attr}' has no value`);
      i++;
      skipSpace();
      const quote = src[i];
      if (quote !== '"' && quote !== "'") fail(`attribute '${attr}' value must be quoted`);
      const end = src.indexOf(quote, i + 1);
      if (end < 0) fail(`attribute '${attr}' value is not closed`);
      const raw = src.slice(i + 1, end);
      if (raw.includes("<")) fail(`'<' inside the value of '${attr}'`);
      if (Object.prototype.hasOwnProperty.call(el.attrs, attr)) {
        fail(`attribute '${attr}' repeated in <${el.name}>`);
      }
      el.attrs[attr] = decode(raw, i + 1);
      i = end + 1;
    }
  }

  // Prolog: XML declaration, comments, whitespace.
  for (;;) {
    skipSpace();
    if (!skipMisc()) break;
  }
  if (src[i] !== "<") fail("expected the root element");

  const stack = [];
  let root = null;
  while (i < src.length) {
    if (stack.length === 0 && root) {
      skipSpace();
      if (i >= src.length) break;
      if (skipMisc()) continue;
      fail("content after the root element");
    }
    const top = stack[stack.length - 1];
    if (src.startsWith("<!--", i) || src.startsWith("<?", i) || src.startsWith("<!DOCTYPE", i)) {
      skipMisc();
    } else if (src.startsWith("<![CDATA[", i)) {
      const end = src.indexOf("]]>", i);
      if (end < 0) fail("CDATA section is not closed");
      if (!top) fail("CDATA outside the root element");
      top.text += src.slice(i + 9, end);
      i = end + 3;
    } else if (src.startsWith("</", i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (src[i] !== ">") fail(`end tag </${name}> is not closed`);
      i++;
      const open = stack.pop();
      if (!open) fail(`end tag </${name}> has no start tag`);
      if (open.name !== name) fail(`end tag </${name}> does not match <${open.name}> (line ${open.line})`);
    } else if (src[i] === "<") {
      const { el, selfClosing } = readStartTag();
      if (top) top.children.push(el);
      else root = el;
      if (!selfClosing) stack.push(el);
    } else {
      const next = src.indexOf("<", i);
      const end = next < 0 ? src.length : next;
      const raw = src.slice(i, end);
      if (!top) fail("text outside the root element");
      top.text += decode(raw, i);
      i = end;
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1].name}> (line ${stack[stack.length - 1].line}) is never closed`);
  if (!root) fail("no root element");
  return { root };
}

/** "bt:Image" -> "Image". */
function localName(name) {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Every element in document order, root first. */
function allElements(root) {
  const out = [];
  const walk = (el) => {
    out.push(el);
    el.children.forEach(walk);
  };
  walk(root);
  return out;
}

module.exports = { parseXml, XmlError, localName, allElements };
