// The parts a sheet takes with it when it goes: everything reachable through relationships from the
// sheet's part (its drawings, charts, notes, tables, printer settings…) that nothing staying reaches.
// A picture shared with another sheet stays; so does any part no relationship names (left as found).
import { parseRelationships, relsPartOf } from "../package/relationships";
import type { ZipPackage } from "../package/zip-reader";

/** Every part's internal relationship targets, from every .rels part in the package. */
async function relationshipGraph(pkg: ZipPackage): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  for (const entry of pkg.entries) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(entry.name);
    if (!m || entry.isDirectory) continue;
    const source = `${m[1]}${m[2]}`;
    let rels;
    try {
      rels = parseRelationships(pkg.file, source, await pkg.readText(entry.name));
    } catch {
      continue; // an unreadable .rels part is copied as it is and followed no further
    }
    graph.set(
      source.toLowerCase(),
      rels.list.filter((r) => r.targetMode === "Internal" && r.part).map((r) => (pkg.entryName(r.part as string) ?? (r.part as string)).toLowerCase()),
    );
  }
  return graph;
}

function reach(graph: Map<string, string[]>, from: string[], stopAt: Set<string>): Set<string> {
  const seen = new Set<string>();
  const todo = [...from];
  while (todo.length) {
    const part = todo.pop() as string;
    if (seen.has(part) || stopAt.has(part)) continue;
    seen.add(part);
    for (const next of graph.get(part) ?? []) todo.push(next);
  }
  return seen;
}

/**
 * The entry names to leave out of the output when `sheetParts` go (or are replaced by a part of our
 * own with no relationships): the sheets' .rels parts and what only they reach. The sheet parts
 * themselves are included.
 */
export async function partsOwnedBy(pkg: ZipPackage, sheetParts: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (sheetParts.length === 0) return out;
  const going = new Set(sheetParts.map((p) => p.toLowerCase()));
  const hasRels = sheetParts.some((p) => pkg.has(relsPartOf(p)));
  if (hasRels) {
    const graph = await relationshipGraph(pkg);
    const staying = reach(graph, [""], going);
    for (const part of reach(graph, [...going], new Set())) if (!staying.has(part)) going.add(part);
  }
  for (const part of going) {
    const name = pkg.entryName(part);
    if (name) out.add(name);
    const rels = pkg.entryName(relsPartOf(part));
    if (rels) out.add(rels);
  }
  return out;
}
