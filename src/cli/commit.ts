// The build's files are written to temporary files beside them, then put in place together: if one
// cannot be put in place, none is, and the files already there are as they were (a workbook is never
// replaced by a build whose --json report could not be written, nor the other way round).
import { lstatSync, renameSync } from "fs";
import { outputFailure } from "../xlsx/errors";
import { removeQuietly } from "../xlsx/build-package";

export interface Finished {
  /** Where the file was written. */
  temp: string;
  /** Where it goes. */
  path: string;
}

/** Something is there, a link included (a rename would replace it). */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Renames each temp over its path. The files already there are first moved aside (`aside`), so a
 * failure part-way puts them all back; they are removed once every file is in place. Throws OutputError
 * naming the file that could not be put in place.
 */
export function commitFiles(files: Finished[], aside: (path: string) => string, renameFile: (from: string, to: string) => void = renameSync): void {
  const movedAside: { path: string; to: string }[] = [];
  const placed: Finished[] = [];
  const undo = (): void => {
    for (const f of placed.reverse()) removeQuietly(f.path);
    for (const m of movedAside.reverse()) {
      try {
        renameSync(m.to, m.path);
      } catch {
        // left beside it under the temporary name; nothing better can be done
      }
    }
  };
  let current = files[0]?.path ?? "";
  try {
    for (const f of files) {
      current = f.path;
      if (!exists(f.path)) continue;
      const to = aside(f.path);
      renameFile(f.path, to);
      movedAside.push({ path: f.path, to });
    }
    for (const f of files) {
      current = f.path;
      renameFile(f.temp, f.path);
      placed.push(f);
    }
  } catch (e) {
    undo();
    throw outputFailure(current, e);
  }
  for (const m of movedAside) removeQuietly(m.to);
}
