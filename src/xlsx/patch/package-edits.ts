// The small package parts that list what the workbook holds: relationships, content types and
// docProps/app.xml. Each is edited in place; entries we do not add or remove stay byte for byte.
import { attrsOf, childElements, escapeAttr, escapeText, findElement, setAttr, unescapeXml } from "./xml-text";

export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Relationship ids that no relationship in the part has ever used: rId(max+1), rId(max+2)… */
export function freshRelIds(existing: string[], count: number): string[] {
  const used = new Set(existing);
  let n = Math.max(0, ...existing.map((id) => Number(/^rId(\d+)$/.exec(id)?.[1] ?? 0))) + 1;
  const out: string[] = [];
  while (out.length < count) {
    const id = `rId${n++}`;
    if (!used.has(id)) out.push(id);
  }
  return out;
}

/** A .rels part without some relationships and with others added. `xml` "" makes a new part. */
export function editRels(xml: string, remove: Set<string>, add: { id: string; type: string; target: string }[]): string {
  const source = xml || `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const root = findElement(source, "Relationships");
  if (!root) throw new Error("a relationships part has no Relationships element");
  let inner = "";
  let at = root.openEnd;
  for (const c of childElements(source, root.openEnd, root.innerEnd)) {
    inner += source.slice(at, c.start);
    at = c.end;
    if (!remove.has(unescapeXml(attrsOf(source.slice(c.start, c.openEnd)).get("Id") ?? ""))) inner += source.slice(c.start, c.end);
  }
  inner += source.slice(at, root.innerEnd);
  inner += add.map((r) => `<${root.prefix}Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`).join("");
  const open = source.slice(root.start, root.openEnd).replace(/\/>$/, ">");
  return source.slice(0, root.start) + open + inner + `</${root.prefix}Relationships>` + source.slice(root.end);
}

/** [Content_Types].xml without the overrides of removed parts and with overrides for new ones. Part names have no leading slash. */
export function editContentTypes(xml: string, removeParts: Set<string>, add: { part: string; type: string }[]): string {
  const root = findElement(xml, "Types");
  if (!root) throw new Error("[Content_Types].xml has no Types element");
  const lower = new Set([...removeParts].map((p) => p.toLowerCase()));
  let inner = "";
  let at = root.openEnd;
  for (const c of childElements(xml, root.openEnd, root.innerEnd)) {
    inner += xml.slice(at, c.start);
    at = c.end;
    const part = attrsOf(xml.slice(c.start, c.openEnd)).get("PartName");
    if (part !== undefined && lower.has(unescapeXml(part).replace(/^\//, "").toLowerCase())) continue;
    inner += xml.slice(c.start, c.end);
  }
  inner += xml.slice(at, root.innerEnd);
  inner += add.map((o) => `<${root.prefix}Override PartName="/${escapeAttr(o.part)}" ContentType="${escapeAttr(o.type)}"/>`).join("");
  const open = xml.slice(root.start, root.openEnd).replace(/\/>$/, ">");
  return xml.slice(0, root.start) + open + inner + `</${root.prefix}Types>` + xml.slice(root.end);
}

/** The Override's content type for a part (no leading slash), as written; undefined when it has none. */
export function contentTypeOfOverride(xml: string, part: string): string | undefined {
  const root = findElement(xml, "Types");
  if (!root) return undefined;
  for (const c of childElements(xml, root.openEnd, root.innerEnd)) {
    const attrs = attrsOf(xml.slice(c.start, c.openEnd));
    if (unescapeXml(attrs.get("PartName") ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase()) return unescapeXml(attrs.get("ContentType") ?? "");
  }
  return undefined;
}

/** [Content_Types].xml with a part's Override given another content type; every other byte kept. */
export function setOverrideType(xml: string, part: string, type: string): string {
  const root = findElement(xml, "Types");
  if (!root) return xml;
  for (const c of childElements(xml, root.openEnd, root.innerEnd)) {
    const tag = xml.slice(c.start, c.openEnd);
    if (unescapeXml(attrsOf(tag).get("PartName") ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase()) {
      return xml.slice(0, c.start) + setAttr(tag, "ContentType", escapeAttr(type)) + xml.slice(c.openEnd);
    }
  }
  return xml;
}

/**
 * docProps/app.xml with the worksheet names in TitlesOfParts brought up to date. The names are found
 * as the run that matches the old worksheet names (the group's heading is in the user's language);
 * when there is no such run the part is left as it was: it is only a summary for file browsers.
 */
export function editAppXml(xml: string, oldNames: string[], newNames: string[]): string {
  const titles = findElement(xml, "TitlesOfParts");
  const pairs = findElement(xml, "HeadingPairs");
  if (!titles || !pairs || oldNames.length === 0) return xml;
  const tv = findElement(xml, "vector", titles.openEnd, titles.innerEnd);
  const pv = findElement(xml, "vector", pairs.openEnd, pairs.innerEnd);
  if (!tv || !pv) return xml;
  const items = childElements(xml, tv.openEnd, tv.innerEnd);
  const texts = items.map((c) => unescapeXml(xml.slice(c.openEnd, c.innerEnd)));
  const start = texts.findIndex((_, i) => oldNames.every((n, k) => texts[i + k] === n));
  if (start < 0) return xml;
  // The heading pairs: (name, count) variants; find the group that covers exactly this run.
  const variants = childElements(xml, pv.openEnd, pv.innerEnd);
  let first = 0;
  let countAt: { start: number; end: number } | undefined;
  for (let v = 0; v + 1 < variants.length; v += 2) {
    const countEl = findElement(xml, "i4", variants[v + 1].openEnd, variants[v + 1].innerEnd);
    const n = countEl ? Number(xml.slice(countEl.openEnd, countEl.innerEnd)) : NaN;
    if (!Number.isInteger(n)) return xml;
    if (first === start && n === oldNames.length && countEl) countAt = { start: countEl.openEnd, end: countEl.innerEnd };
    first += n;
  }
  if (!countAt || countAt.start > tv.start) return xml;
  const itemXml = (name: string) => {
    const sample = items[start];
    const tag = xml.slice(sample.start, sample.openEnd);
    const close = sample.selfClosing ? `</${tag.slice(1).match(/^[^\s/>]+/)?.[0]}>` : xml.slice(sample.innerEnd, sample.end);
    return `${tag.replace(/\/>$/, ">")}${escapeText(name)}${close}`;
  };
  const runStart = items[start].start;
  const runEnd = items[start + oldNames.length - 1].end;
  const size = items.length - oldNames.length + newNames.length;
  const tvOpen = setAttr(xml.slice(tv.start, tv.openEnd), "size", String(size));
  // Edits from the end backwards, so earlier positions stay right.
  let out = xml.slice(0, runEnd);
  out = out.slice(0, runStart) + newNames.map(itemXml).join("") + xml.slice(runEnd);
  out = out.slice(0, tv.start) + tvOpen + out.slice(tv.openEnd);
  return out.slice(0, countAt.start) + String(newNames.length) + out.slice(countAt.end);
}
