// xl/styles.xml, patched by appending: our fonts, fills, borders, number formats and cell formats go
// after the file's own, so every index the workbook already uses keeps its meaning, and the default
// font (font 0, which Excel uses for unformatted cells and column widths) is untouched.
//
// A coloured officer's cell keeps what its format had (number format, alignment, protection) and
// gets our fill and font on top: the new cell format is "its format + our style", made once per pair.
import type { PlanStyle } from "../../engine/vocab/plan";
import type { FormatKey } from "../../excel/saved";
import { attrsOf, childElements, escapeAttr, findElement, removeAttr, setAttr, tagEnd, unescapeXml, type ElementSpan } from "./xml-text";

/** Number formats every Excel knows by id (the locale-independent ones); others get ids from 164. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "h:mm AM/PM": 18,
  "h:mm:ss AM/PM": 19,
  "h:mm": 20,
  "h:mm:ss": 21,
  "mm:ss": 45,
  "[h]:mm:ss": 46,
  "mmss.0": 47,
  "##0.0E+0": 48,
  "@": 49,
};
const FIRST_CUSTOM_FORMAT = 164;
const FONT_ORDER = ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family", "charset", "scheme"];

/** The sections we append to, in the order CT_Stylesheet requires. */
const SECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"] as const;
type SectionName = (typeof SECTIONS)[number];
/** Elements that may follow cellXfs, so a missing section can be put in its place. */
const AFTER = ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

interface Section {
  span?: ElementSpan;
  /** The raw XML of each child the file has. */
  children: string[];
  added: string[];
}

/** "#1a2b3c" → "FF1A2B3C"; undefined for anything that is not a colour. */
export function argb(hex: string | undefined): string | undefined {
  const m = hex ? /^#?([0-9a-f]{6})$/i.exec(hex.trim()) : null;
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}

const styleKeys = new WeakMap<PlanStyle, string>();
function keyOf(style: PlanStyle): string {
  let key = styleKeys.get(style);
  if (key === undefined) styleKeys.set(style, (key = JSON.stringify(style)));
  return key;
}

export class StylesPart {
  private readonly sections = new Map<SectionName, Section>();
  private readonly prefix: string;
  private readonly formatIds = new Map<string, number>();
  private nextFormatId = FIRST_CUSTOM_FORMAT;
  private readonly xfCache = new Map<string, number>();
  private readonly partCache = new Map<string, number>();
  private readonly indexed = new Set<SectionName>();
  private readonly byStyle = new Map<PlanStyle, Map<number, number>>();
  private readonly keepCache = new Map<string, number>();

  private constructor(private readonly xml: string) {
    const root = findElement(xml, "styleSheet");
    if (!root) throw new Error("xl/styles.xml has no styleSheet element");
    this.prefix = root.prefix;
    for (const name of SECTIONS) {
      const span = findElement(xml, name, root.openEnd, root.innerEnd);
      const children = span ? childElements(xml, span.openEnd, span.innerEnd).map((c) => xml.slice(c.start, c.end)) : [];
      this.sections.set(name, { span, children, added: [] });
    }
    for (const fmt of this.section("numFmts").children) {
      const a = attrsOf(fmt);
      const id = Number(a.get("numFmtId"));
      if (!Number.isInteger(id)) continue;
      this.formatIds.set(unescapeXml(a.get("formatCode") ?? ""), id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
    // A file with no fills or no cell formats still needs the ones Excel reserves before ours.
    const fills = this.section("fills");
    if (fills.children.length === 0) fills.added.push(this.el("fill", this.el("patternFill", "", 'patternType="none"')), this.el("fill", this.el("patternFill", "", 'patternType="gray125"')));
    const fonts = this.section("fonts");
    if (fonts.children.length === 0) fonts.added.push(this.el("font", `${this.el("sz", "", 'val="11"')}${this.el("name", "", 'val="Calibri"')}`));
    if (this.section("borders").children.length === 0) this.section("borders").added.push(this.el("border", ["left", "right", "top", "bottom", "diagonal"].map((e) => this.el(e, "")).join("")));
    if (this.section("cellStyleXfs").children.length === 0 && !this.section("cellStyleXfs").span) this.section("cellStyleXfs").added.push(this.el("xf", "", 'numFmtId="0" fontId="0" fillId="0" borderId="0"'));
    if (this.section("cellXfs").children.length === 0) this.section("cellXfs").added.push(this.el("xf", "", 'numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"'));
  }

  static parse(xml: string): StylesPart {
    return new StylesPart(xml);
  }

  /** A styles part for a workbook that has none. */
  static empty(): StylesPart {
    return new StylesPart('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>');
  }

  /** True once anything has been appended. */
  get changed(): boolean {
    return SECTIONS.some((name) => this.section(name).added.length > 0);
  }

  /** How many cell formats there are (the file's and ours). */
  get xfCount(): number {
    const s = this.section("cellXfs");
    return s.children.length + s.added.length;
  }

  /** The cell format for a cell whose format is `base` with `style` laid over it. */
  xfFor(base: number, style: PlanStyle): number {
    // Most cells ask with a style object already seen on the same base: no key to build.
    let byBase = this.byStyle.get(style);
    if (!byBase) this.byStyle.set(style, (byBase = new Map()));
    let fast = byBase.get(base);
    if (fast === undefined) byBase.set(base, (fast = this.xfForKey(base, style)));
    return fast;
  }

  private xfForKey(base: number, style: PlanStyle): number {
    const xfs = this.section("cellXfs");
    const total = xfs.children.length + xfs.added.length;
    const from = Number.isInteger(base) && base >= 0 && base < total ? base : 0;
    const key = `${from}|${keyOf(style)}`;
    let id = this.xfCache.get(key);
    if (id === undefined) {
      id = this.appendOnce("cellXfs", this.mergedXf(this.child("cellXfs", from), style));
      this.xfCache.set(key, id);
    }
    return id;
  }

  /**
   * Format `backup` with each property of `keep` taken from format `current` where the two differ: an
   * officer's backup put back over the number format, italics, font or alignment they set on the
   * cell since (the add-in's kept-formats.ts, done on the package). Either index unknown: `backup`.
   */
  xfKeeping(backup: number, current: number, keep: readonly FormatKey[]): number {
    const total = this.xfCount;
    if (backup === current || !(backup >= 0 && backup < total && current >= 0 && current < total) || keep.length === 0) return backup;
    const key = `${backup}|${current}|${keep.join()}`;
    let id = this.keepCache.get(key);
    if (id === undefined) {
      const xml = this.keptXf(this.child("cellXfs", backup), this.child("cellXfs", current), new Set(keep));
      id = xml === undefined ? backup : this.appendOnce("cellXfs", xml);
      this.keepCache.set(key, id);
    }
    return id;
  }

  /** keptXf's cell format, or undefined when nothing kept differs. */
  private keptXf(backupXf: string, currentXf: string, keep: Set<FormatKey>): string | undefined {
    const b = attrsOf(backupXf.slice(0, backupXf.indexOf(">") + 1));
    const c = attrsOf(currentXf.slice(0, currentXf.indexOf(">") + 1));
    let tag = backupXf.slice(0, backupXf.indexOf(">") + 1).replace(/\/>$/, ">");
    const inner = backupXf.endsWith("/>") ? "" : backupXf.slice(tag.length, backupXf.lastIndexOf("<"));
    let changed = false;
    const set = (name: string, value: string): void => {
      tag = setAttr(tag, name, value);
      changed = true;
    };
    if (keep.has("numberFormat") && (b.get("numFmtId") ?? "0") !== (c.get("numFmtId") ?? "0")) {
      set("numFmtId", c.get("numFmtId") ?? "0");
      set("applyNumberFormat", "1");
    }
    // A font's children that stand for each property an officer may change.
    const fontParts: [FormatKey, string[]][] = [
      ["italic", ["i"]],
      ["fontSize", ["sz"]],
      ["fontName", ["name", "family", "charset", "scheme"]],
    ];
    const fontOf = (a: Map<string, string>) => this.child("fonts", Number(a.get("fontId") ?? 0) || 0);
    const childrenOf = (xml: string) => (xml.endsWith("/>") || !xml ? [] : childElements(xml, xml.indexOf(">") + 1, xml.lastIndexOf("<")).map((e) => xml.slice(e.start, e.end)));
    const backupFont = childrenOf(fontOf(b));
    const currentFont = childrenOf(fontOf(c));
    const take = new Set<string>();
    for (const [k, names] of fontParts) {
      if (!keep.has(k)) continue;
      const pick = (list: string[]) => list.filter((x) => names.includes(localOf(x))).map(sameItalic).join("");
      if (pick(backupFont) !== pick(currentFont)) names.forEach((n) => take.add(n));
    }
    if (take.size) {
      const merged = [...backupFont.filter((x) => !take.has(localOf(x))), ...currentFont.filter((x) => take.has(localOf(x)))];
      const rank = (xml: string) => FONT_ORDER.indexOf(localOf(xml)) >>> 0;
      set("fontId", String(this.appendOnce("fonts", this.el("font", merged.sort((x, y) => rank(x) - rank(y)).join("")))));
      set("applyFont", "1");
    }
    let children = childElements(inner, 0, inner.length).map((e) => ({ name: localOf(inner.slice(e.start, e.end)), xml: inner.slice(e.start, e.end) }));
    const alignmentOf = (xml: string) => {
      const body = xml.endsWith("/>") ? "" : xml.slice(xml.indexOf(">") + 1, xml.lastIndexOf("<"));
      const found = childElements(body, 0, body.length).find((e) => localOf(body.slice(e.start, e.end)) === "alignment");
      return found ? body.slice(found.start, found.end) : undefined;
    };
    const currentAlign = attrsOf(alignmentOf(currentXf) ?? "<alignment/>");
    const old = children.find((x) => x.name === "alignment");
    let align = old ? old.xml.slice(0, tagEnd(old.xml, 0)).replace(/\s*\/?>$/, "") : `<${this.prefix}alignment`;
    let aligned = false;
    // Each property with the attributes Excel sets with it: an indent belongs to its horizontal
    // alignment, and wrapping turns shrink-to-fit off.
    const groups: [FormatKey, string[]][] = [
      ["hAlign", ["horizontal", "indent", "relativeIndent", "justifyLastLine"]],
      ["vAlign", ["vertical"]],
      ["wrap", ["wrapText", "shrinkToFit"]],
    ];
    for (const [k, attrs] of groups) {
      if (!keep.has(k)) continue;
      const was = attrsOf(`${align}/>`);
      if (attrs.every((a) => (was.get(a) ?? "") === (currentAlign.get(a) ?? ""))) continue;
      for (const a of attrs) {
        const now = currentAlign.get(a);
        align = now === undefined ? removeAttr(`${align}/>`, a).slice(0, -2) : setAttr(`${align}/>`, a, now).slice(0, -2);
      }
      aligned = true;
    }
    if (aligned) {
      const xml = `${align}/>`;
      children = old ? children.map((x) => (x === old ? { name: "alignment", xml } : x)) : [{ name: "alignment", xml }, ...children];
      set("applyAlignment", "1");
    }
    // Borders by what they draw, not by index: two indices may hold the same border.
    const borderOf = (a: Map<string, string>) => this.child("borders", Number(a.get("borderId") ?? 0) || 0);
    if (keep.has("borders") && borderOf(b) !== borderOf(c)) {
      set("borderId", c.get("borderId") ?? "0");
      set("applyBorder", "1");
    }
    if (!changed) return undefined;
    const body = children.map((x) => x.xml).join("");
    return body ? `${tag}${body}</${this.prefix}xf>` : `${tag.slice(0, -1)}/>`;
  }

  /** The patched part. */
  toXml(): string {
    let out = "";
    let at = 0;
    const root = findElement(this.xml, "styleSheet") as ElementSpan;
    const pending: string[] = [];
    for (const name of SECTIONS) {
      const s = this.section(name);
      if (!s.span) {
        if (s.added.length) pending.push(this.sectionXml(name, s.added.join(""), s.added.length));
        continue;
      }
      const before = this.xml.slice(at, s.span.start);
      out += before + pending.splice(0).join("");
      if (s.added.length === 0) out += this.xml.slice(s.span.start, s.span.end);
      else {
        const count = s.children.length + s.added.length;
        const open = setAttr(this.xml.slice(s.span.start, s.span.openEnd), "count", String(count)).replace(/\/>$/, ">");
        const inner = this.xml.slice(s.span.openEnd, s.span.innerEnd);
        out += `${open}${inner}${s.added.join("")}</${s.span.prefix}${name}>`;
      }
      at = s.span.end;
    }
    if (pending.length) {
      // Missing sections go before the first element that must follow them.
      let insertAt = root.innerEnd;
      for (const name of AFTER) {
        const el = findElement(this.xml, name, at, root.innerEnd);
        if (el) {
          insertAt = el.start;
          break;
        }
      }
      if (root.selfClosing) return this.xml.slice(0, root.start) + this.xml.slice(root.start, root.end - 2) + ">" + pending.join("") + `</${this.prefix}styleSheet>` + this.xml.slice(root.end);
      out += this.xml.slice(at, insertAt) + pending.join("");
      at = insertAt;
    }
    return out + this.xml.slice(at);
  }

  private section(name: SectionName): Section {
    return this.sections.get(name) as Section;
  }

  private child(name: SectionName, index: number): string {
    const s = this.section(name);
    return index < s.children.length ? s.children[index] : (s.added[index - s.children.length] ?? "");
  }

  private el(name: string, inner: string, attrs = ""): string {
    const open = `${this.prefix}${name}${attrs ? ` ${attrs}` : ""}`;
    return inner ? `<${open}>${inner}</${this.prefix}${name}>` : `<${open}/>`;
  }

  private sectionXml(name: SectionName, inner: string, count: number): string {
    return `<${this.prefix}${name} count="${count}">${inner}</${this.prefix}${name}>`;
  }

  private append(name: SectionName, xml: string): number {
    const s = this.section(name);
    s.added.push(xml);
    return s.children.length + s.added.length - 1;
  }

  /**
   * A font, fill, border or cell format, appended unless the file (or we) already have the same XML:
   * rebuilding a built workbook then finds every format it needs and appends nothing.
   */
  private appendOnce(name: SectionName, xml: string): number {
    if (!this.indexed.has(name)) {
      this.indexed.add(name);
      this.section(name).children.forEach((child, i) => {
        // Excel reads fills 0 and 1 as none and gray125 whatever they hold: a fill of ours is never one of them.
        if (name === "fills" && i < 2) return;
        const key = `${name}|${child}`;
        if (!this.partCache.has(key)) this.partCache.set(key, i);
      });
    }
    const key = `${name}|${xml}`;
    let id = this.partCache.get(key);
    if (id === undefined) {
      // Excel reads fills 0 and 1 as none and gray125 whatever the file says (helper-137): a file with
      // one fill gets gray125 before ours, or our first fill would show as grey dots.
      const fills = this.section("fills");
      if (name === "fills" && fills.children.length + fills.added.length === 1) this.append("fills", this.el("fill", this.el("patternFill", "", 'patternType="gray125"')));
      this.partCache.set(key, (id = this.append(name, xml)));
    }
    return id;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.formatIds.set(code, id);
      this.section("numFmts").added.push(this.el("numFmt", "", `numFmtId="${id}" formatCode="${escapeAttr(code)}"`));
    }
    return id;
  }

  private mergedXf(baseXf: string, style: PlanStyle): string {
    const a = attrsOf(baseXf);
    let tag = baseXf.slice(0, baseXf.indexOf(">") + 1).replace(/\/>$/, ">");
    const inner = baseXf.endsWith("/>") ? "" : baseXf.slice(tag.length, baseXf.lastIndexOf("<"));
    const set = (name: string, value: string | number): void => {
      tag = setAttr(tag, name, String(value));
    };
    if (style.numberFormat !== undefined) {
      set("numFmtId", this.formatId(style.numberFormat));
      set("applyNumberFormat", 1);
    }
    if (style.fontName !== undefined || style.fontSize !== undefined || style.bold !== undefined || style.italic !== undefined || argb(style.fontColor)) {
      set("fontId", this.appendOnce("fonts", this.mergedFont(this.child("fonts", Number(a.get("fontId") ?? 0) || 0), style)));
      set("applyFont", 1);
    }
    const fill = argb(style.fill);
    if (fill) {
      set("fillId", this.appendOnce("fills", this.el("fill", this.el("patternFill", `${this.el("fgColor", "", `rgb="${fill}"`)}${this.el("bgColor", "", 'indexed="64"')}`, 'patternType="solid"'))));
      set("applyFill", 1);
    }
    const border = argb(style.border);
    if (border) {
      const edge = (name: string) => this.el(name, this.el("color", "", `rgb="${border}"`), 'style="thin"');
      set("borderId", this.appendOnce("borders", this.el("border", `${edge("left")}${edge("right")}${edge("top")}${edge("bottom")}${this.el("diagonal", "")}`)));
      set("applyBorder", 1);
    }
    let children = childElements(inner, 0, inner.length).map((c) => ({ name: localOf(inner.slice(c.start, c.end)), xml: inner.slice(c.start, c.end) }));
    if (style.wrap !== undefined || style.hAlign !== undefined || style.vAlign !== undefined) {
      const old = children.find((c) => c.name === "alignment");
      let align = old ? old.xml.slice(0, tagEnd(old.xml, 0)).replace(/\s*\/?>$/, "") : `<${this.prefix}alignment`;
      const put = (name: string, value: string) => {
        align = setAttr(`${align}/>`, name, value).slice(0, -2);
      };
      if (style.hAlign !== undefined) put("horizontal", style.hAlign);
      if (style.vAlign !== undefined) put("vertical", style.vAlign);
      if (style.wrap !== undefined) put("wrapText", style.wrap ? "1" : "0");
      const xml = `${align}/>`;
      children = old ? children.map((c) => (c === old ? { name: "alignment", xml } : c)) : [{ name: "alignment", xml }, ...children];
      set("applyAlignment", 1);
    }
    const body = children.map((c) => c.xml).join("");
    const name = `${this.prefix}xf`;
    return body ? `${tag}${body}</${name}>` : `${tag.slice(0, -1)}/>`;
  }

  private mergedFont(baseFont: string, style: PlanStyle): string {
    const inner = baseFont.endsWith("/>") || !baseFont ? "" : baseFont.slice(baseFont.indexOf(">") + 1, baseFont.lastIndexOf("<"));
    const drop = new Set<string>();
    const add: string[] = [];
    if (style.bold !== undefined) {
      drop.add("b");
      if (style.bold) add.push(this.el("b", ""));
    }
    if (style.italic !== undefined) {
      drop.add("i");
      if (style.italic) add.push(this.el("i", ""));
    }
    if (style.fontSize !== undefined) {
      drop.add("sz");
      add.push(this.el("sz", "", `val="${style.fontSize}"`));
    }
    const colour = argb(style.fontColor);
    if (colour) {
      drop.add("color");
      add.push(this.el("color", "", `rgb="${colour}"`));
    }
    if (style.fontName !== undefined) {
      // A theme font (scheme) would win over the name; family and charset belong to the old name.
      for (const n of ["name", "family", "charset", "scheme"]) drop.add(n);
      add.push(this.el("name", "", `val="${escapeAttr(style.fontName)}"`));
    }
    const kept = childElements(inner, 0, inner.length)
      .map((c) => inner.slice(c.start, c.end))
      .filter((xml) => !drop.has(localOf(xml)));
    // Excel writes a font's children in the schema's order; keep to it.
    const rank = (xml: string) => FONT_ORDER.indexOf(localOf(xml)) >>> 0;
    return this.el("font", [...kept, ...add].sort((x, y) => rank(x) - rank(y)).join(""));
  }
}

/** `<i val="1"/>` as `<i/>`, and `<i val="0"/>` as nothing: the same italics, compared as text. */
function sameItalic(xml: string): string {
  if (localOf(xml) !== "i") return xml;
  const val = attrsOf(xml).get("val");
  return val === "0" || val === "false" ? "" : val === undefined ? xml : xml.replace(/\s+val\s*=\s*("[^"]*"|'[^']*')/, "");
}

/** The local name of an element's XML. */
function localOf(xml: string): string {
  const name = /^<([^\s/>]+)/.exec(xml)?.[1] ?? "";
  return name.slice(name.indexOf(":") + 1);
}
