// Small helpers for writing OOXML text and reading one element's attributes without a full parser.
// The patchers copy every byte they do not change, so they look at start tags as text.

/** Escapes text content: & < > (and CR, which XML parsers would otherwise turn into LF). */
export function escapeText(s: string): string {
  if (!/[&<>\r]/.test(s)) return s;
  return s.replace(/[&<>\r]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&#13;"));
}

/** Escapes an attribute value written in double quotes (tabs and line breaks kept as character references). */
const ATTR_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;" };

/** Escapes an attribute value written in double quotes (tabs and line breaks kept as character references). */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\r\n\t]/g, (c) => ATTR_ESCAPES[c]);
}

// Characters XML 1.0 cannot hold at all (controls other than tab, LF, CR; lone surrogates; FFFE/FFFF).
// eslint-disable-next-line no-control-regex
const MAYBE_NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as a cell holds it in OOXML (ST_Xstring): a literal `_xHHHH_` must be written `_x005F_xHHHH_`, or
 * Excel reads it as an escaped character; characters XML cannot carry are written as `_xHHHH_`.
 */
export function encodeXstring(s: string): string {
  if (!s.includes("_x") && !MAYBE_NOT_XML.test(s)) return s;
  return s.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`).replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Cell text ready for `<t>`: Xstring-encoded, then XML-escaped. `preserve` when spaces or breaks at the edges matter. */
export function cellText(s: string): { xml: string; preserve: boolean } {
  return { xml: escapeText(encodeXstring(s)), preserve: /^[\s]|[\s]$|[\n\r\t]/.test(s) };
}

const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag (`<c r="A1" s="3">`), values still escaped as they are in the file. */
export function attrsOf(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(tag); m; m = ATTR.exec(tag)) out.set(m[1], m[3] ?? m[4] ?? "");
  return out;
}

/**
 * attrsOf(tag).get(name) read straight from the usual spelling (` name="value"`), without a Map and a
 * regex match per attribute: the patcher asks for every row and cell of a tracker. Any other spelling
 * (a tab or spaces around '=', single quotes) is read by attrsOf.
 */
export function attrValue(tag: string, name: string): string | undefined {
  const start = usualValueStart(tag, name);
  if (start >= 0) {
    const end = tag.indexOf('"', start);
    if (end >= 0) return tag.slice(start, end);
  }
  // Mostly the attribute is simply not there (a row's customFormat, a cell's s): no need to read them all.
  if (!tag.includes(name)) return undefined;
  return attrsOf(tag).get(name);
}

/** Where the value of ` name="…"` starts in the tag; -1 when the attribute is not spelt that way (or absent). */
function usualValueStart(tag: string, name: string): number {
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  return at < 0 ? -1 : at + key.length;
}

/** Undoes XML escaping in an attribute value or text. */
export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] as string;
  });
}

/**
 * A start tag with one attribute set (added before the tag's end, or its value replaced in place),
 * every other byte of the tag unchanged. `value` is already escaped.
 */
export function setAttr(tag: string, name: string, value: string): string {
  // The usual spelling, replaced in place without making a regex (the patcher widens every row's spans).
  const start = usualValueStart(tag, name);
  if (start >= 0) {
    const end = tag.indexOf('"', start);
    if (end >= 0) return `${tag.slice(0, start)}${value}${tag.slice(end)}`;
  }
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, (_, pre: string) => `${pre}"${value}"`);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${value}"${tag.slice(end)}`;
}

/** A start tag without one attribute. */
export function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`), "");
}

/**
 * Where the tag starting at `from` (a '<') ends: the index just past its '>', skipping '>' inside
 * quoted attribute values. -1 when the text ends first.
 */
export function tagEnd(text: string, from: number): number {
  let quote = 0; // the code of the quote an attribute value is in, else 0
  for (let i = from + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 62) return i + 1;
  }
  return -1;
}

/** The local name of the element a tag opens or closes: "<x:c r=..." → "c". */
export function localName(tag: string, from = 0): string {
  let i = from + 1;
  if (tag[i] === "/") i++;
  const start = i;
  while (i < tag.length && !/[\s/>]/.test(tag[i])) i++;
  const name = tag.slice(start, i);
  const colon = name.indexOf(":");
  return colon >= 0 ? name.slice(colon + 1) : name;
}

/** The name a start tag at `from` gives, prefix and all ("<x:c r=..." → "x:c"). */
export function tagName(text: string, from: number): string {
  let i = from + 1;
  while (i < text.length && !endsName(text.charCodeAt(i))) i++;
  return text.slice(from + 1, i);
}

/** Whether a character code ends an element's name, as /[\s/>]/ tests it. */
export function endsName(code: number): boolean {
  if (code === 32 || code === 47 || code === 62 || (code >= 9 && code <= 13)) return true;
  return code > 127 && /\s/.test(String.fromCharCode(code));
}

/**
 * The first end tag of `name` at or after `from`, as XML allows it to be spelt (`</row>` or `</row >`):
 * where it starts and just past its '>'. Undefined when the text has none (or ends inside it).
 */
export function endTagAt(text: string, name: string, from: number): { start: number; end: number } | undefined {
  const open = `</${name}`;
  for (let at = text.indexOf(open, from); at >= 0; at = text.indexOf(open, at + open.length)) {
    let i = at + open.length;
    let code = text.charCodeAt(i);
    if (code === 62) return { start: at, end: i + 1 };
    while (code === 32 || code === 9 || code === 10 || code === 13) code = text.charCodeAt(++i);
    if (code === 62) return { start: at, end: i + 1 };
  }
  return undefined;
}

const endTagPatterns = new Map<string, RegExp>();

/**
 * endTagAt, passing over comments and CDATA (`<!-- </row> -->` is no end tag). Slower: for the rows and
 * cells that hold "<!", which no writer we know puts there. Undefined as endTagAt, or when a comment or
 * CDATA section is not closed in the text.
 */
export function endTagOutside(text: string, name: string, from: number): { start: number; end: number } | undefined {
  let re = endTagPatterns.get(name);
  if (!re) endTagPatterns.set(name, (re = new RegExp(`<!--|<!\\[CDATA\\[|</${name.replace(/[.]/g, "\\.")}[ \\t\\r\\n]*>`, "g")));
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(text);
    if (!m) return undefined;
    if (m[0].startsWith("<!")) {
      const close = m[0] === "<!--" ? "-->" : "]]>";
      const at = text.indexOf(close, m.index + m[0].length);
      if (at < 0) return undefined;
      re.lastIndex = at + close.length;
      continue;
    }
    return { start: m.index, end: m.index + m[0].length };
  }
}

/** Where one element sits in a text: its start tag, its content and its end. */
export interface ElementSpan {
  start: number;
  /** Just past the start tag's '>'. */
  openEnd: number;
  /** Where the end tag starts (openEnd for a self-closing element). */
  innerEnd: number;
  /** Just past the element. */
  end: number;
  selfClosing: boolean;
  /** The prefix of its name with the colon ("x:"), or "". */
  prefix: string;
}

/** Skips a comment, processing instruction or CDATA section at `i`; returns where it ends, or i when none is there. */
function skipSpecial(text: string, i: number): number {
  if (text.startsWith("<!--", i)) return pastEnd(text, "-->", i);
  if (text.startsWith("<![CDATA[", i)) return pastEnd(text, "]]>", i);
  if (text.startsWith("<?", i)) return pastEnd(text, "?>", i);
  return i;
}

/** Just past the first `close` after `i`; the text's end when it never comes (so a scan stops, not loops). */
function pastEnd(text: string, close: string, i: number): number {
  const at = text.indexOf(close, i);
  return at < 0 ? text.length : at + close.length;
}

/** The end of the element whose start tag begins at `start` (depth-counting, names not compared). */
export function elementAt(text: string, start: number): ElementSpan {
  const openEnd = tagEnd(text, start);
  if (openEnd < 0) throw new Error("unterminated tag");
  const name = text.slice(start + 1, openEnd).match(/^[^\s/>]+/)?.[0] ?? "";
  const prefix = name.includes(":") ? name.slice(0, name.indexOf(":") + 1) : "";
  if (text[openEnd - 2] === "/") return { start, openEnd, innerEnd: openEnd, end: openEnd, selfClosing: true, prefix };
  let depth = 1;
  let i = openEnd;
  for (;;) {
    i = text.indexOf("<", i);
    if (i < 0) throw new Error(`unterminated element <${name}>`);
    const skipped = skipSpecial(text, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const end = tagEnd(text, i);
    if (end < 0) throw new Error(`unterminated element <${name}>`);
    if (text[i + 1] === "/") {
      if (--depth === 0) return { start, openEnd, innerEnd: i, end, selfClosing: false, prefix };
    } else if (text[end - 2] !== "/") depth++;
    i = end;
  }
}

/** The top-level child elements between `from` and `to`. */
export function childElements(text: string, from: number, to: number): ElementSpan[] {
  const out: ElementSpan[] = [];
  let i = from;
  for (;;) {
    i = text.indexOf("<", i);
    if (i < 0 || i >= to || text[i + 1] === "/") return out;
    const skipped = skipSpecial(text, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const el = elementAt(text, i);
    out.push(el);
    i = el.end;
  }
}

/**
 * The first element with this local name at or after `from` (at any depth), or undefined. Comments,
 * CDATA and processing instructions are passed over: `<!-- <sheets></sheets> -->` is not the sheets.
 */
export function findElement(text: string, name: string, from = 0, to = text.length): ElementSpan | undefined {
  const at = startTagAt(text, name, from);
  return at && at.index < to ? elementAt(text, at.index) : undefined;
}

/**
 * Where the first start tag with this local name at or after `from` begins, and its prefix with the colon
 * ("x:"), passing over comments, CDATA and processing instructions; undefined when there is none (or the
 * text ends inside a comment: a sheet streamed in pieces waits for the rest).
 */
export function startTagAt(text: string, name: string, from = 0): { index: number; prefix: string } | undefined {
  const re = new RegExp(`<!--|<!\\[CDATA\\[|<\\?|<([A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])`, "g");
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(text);
    if (!m) return undefined;
    const skipped = skipSpecial(text, m.index);
    if (skipped === m.index) return { index: m.index, prefix: m[1] ?? "" };
    re.lastIndex = skipped;
  }
}
