// A package as a map of part name to bytes, read with yauzl and written with yazl: the tests'
// own zip access, independent of the file host's.
import yauzl from "yauzl";
import yazl from "yazl";
import { createWriteStream } from "fs";

export type Parts = Map<string, Buffer>;

export function readParts(path: string): Promise<Parts> {
  return new Promise((resolve, reject) => yauzl.open(path, { lazyEntries: true }, (err, zip) => (err || !zip ? reject(err ?? new Error(`cannot open ${path}`)) : readAll(zip).then(resolve, reject))));
}

/** The parts of a package held in memory. */
export function partsOf(bytes: Buffer): Promise<Parts> {
  return new Promise((resolve, reject) => yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => (err || !zip ? reject(err ?? new Error("cannot open the package")) : readAll(zip).then(resolve, reject))));
}

function readAll(zip: yauzl.ZipFile): Promise<Parts> {
  return new Promise((resolve, reject) => {
    const parts: Parts = new Map();
    zip.on("error", reject);
    zip.on("end", () => resolve(parts));
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith("/")) return zip.readEntry();
      zip.openReadStream(entry, (e, stream) => {
        if (e || !stream) return reject(e ?? new Error(`cannot read ${entry.fileName}`));
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("error", reject);
        stream.on("end", () => {
          parts.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

/** Writes the parts in the map's order, [Content_Types].xml first as Office writes it. */
export function writeParts(parts: Parts, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const names = [...parts.keys()].sort((a, b) => Number(b === "[Content_Types].xml") - Number(a === "[Content_Types].xml"));
    for (const name of names) zip.addBuffer(parts.get(name) as Buffer, name, { mtime: new Date(Date.UTC(2024, 0, 1)) });
    zip.end();
    const out = createWriteStream(path);
    out.on("error", reject);
    out.on("close", () => resolve());
    zip.outputStream.on("error", reject).pipe(out);
  });
}

export const text = (parts: Parts, name: string): string => (parts.get(name) ?? Buffer.alloc(0)).toString("utf8");
