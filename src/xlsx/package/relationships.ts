// .rels parts: each relationship with its target resolved to a part name. Targets are URIs relative to
// the source part's folder ("worksheets/sheet1.xml", "../tables/table1.xml", as Excel writes) or
// absolute from the package root ("/xl/tables/table1.xml", as openpyxl writes).
import type { ZipPackage } from "./zip-reader";
import type { Relationship, Relationships, TargetMode } from "./types";
import { attr, parseXml } from "./xml";

/** The .rels part of a source part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels". */
export function relsPartOf(source: string): string {
  const slash = source.lastIndexOf("/");
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** A URI's %-escapes decoded; the text as it is where they are not valid UTF-8 escapes. */
export function decodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The part a target names, from the source part ("" for the package). Undefined when it climbs out of
 * the package or is not a part name (a URI with a scheme).
 */
export function resolveTarget(source: string, target: string): string | undefined {
  const bare = decodeUri(target.split("#")[0].split("?")[0]).replace(/\\/g, "/");
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare)) return undefined;
  const base = bare.startsWith("/") ? [] : source.split("/").slice(0, -1);
  const parts = [...base];
  for (const segment of bare.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.length ? parts.join("/") : undefined;
}

/** Parses relationships XML for `source`. */
export function parseRelationships(file: string, source: string, xml: string): Relationships {
  const partName = relsPartOf(source);
  const list: Relationship[] = [];
  parseXml(file, partName, xml, {
    open(tag, local) {
      if (local !== "Relationship") return;
      const id = attr(tag, "Id") ?? "";
      const type = attr(tag, "Type") ?? "";
      const target = attr(tag, "Target") ?? "";
      const targetMode: TargetMode = attr(tag, "TargetMode") === "External" ? "External" : "Internal";
      const part = targetMode === "Internal" ? resolveTarget(source, target) : undefined;
      list.push({ id, type, target, targetMode, ...(part ? { part } : {}) });
    },
  });
  return { source, partName, xml, list };
}

/** The relationships of a part; an empty set when it has no .rels part. */
export async function readRelationships(pkg: ZipPackage, source: string): Promise<Relationships> {
  const partName = relsPartOf(source);
  const xml = await pkg.readTextIfPresent(partName);
  return xml === undefined ? { source, partName, xml: "", list: [] } : parseRelationships(pkg.file, source, xml);
}

/** The first relationship of a type (compared without regard to case, as some writers vary it). */
export function relOfType(rels: Relationships, type: string): Relationship | undefined {
  const wanted = type.toLowerCase();
  return rels.list.find((r) => r.type.toLowerCase() === wanted);
}

export function relsOfType(rels: Relationships, type: string): Relationship[] {
  const wanted = type.toLowerCase();
  return rels.list.filter((r) => r.type.toLowerCase() === wanted);
}

export function relById(rels: Relationships, id: string): Relationship | undefined {
  return rels.list.find((r) => r.id === id);
}
