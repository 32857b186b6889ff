// Saves a workbook, never over the file it was read from, and never half-written.
import { closeSync, openSync, promises as fs } from "fs";
import * as nodePath from "path";
import type { Workbook } from "exceljs";
import { InputError } from "./errors";
import { writePackage } from "./package-writer";
import { sourcePathOf } from "./read";
import { ZipFile } from "./zip";

/** The file's real path, or for a file not yet made, its folder's real path joined with its name. */
async function realTarget(p: string): Promise<string> {
  const abs = nodePath.resolve(p);
  try {
    return await fs.realpath(abs);
  } catch {
    try {
      return nodePath.join(await fs.realpath(nodePath.dirname(abs)), nodePath.basename(abs));
    } catch {
      return abs;
    }
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if ((await realTarget(a)) === (await realTarget(b))) return true;
  try {
    // Hard links and case-insensitive file systems: same device and inode is the same file.
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Writes the workbook to `path`. Refuses when `path` is the file the workbook was read from
 * (or `options.inputPath`). Writes a temporary file beside the target and renames it, so a failed
 * save leaves no broken file behind.
 */
/** A temporary file beside `path`, renamed to it once complete, so nothing is ever half-written. */
export function tempPathBeside(path: string): string {
  const target = nodePath.resolve(path);
  return nodePath.join(nodePath.dirname(target), `.${nodePath.basename(target)}.${process.pid}.tmp`);
}

export async function writeXlsx(workbook: Workbook, path: string, options: { inputPath?: string } = {}): Promise<void> {
  const inputs = [options.inputPath, sourcePathOf(workbook)].filter((p): p is string => typeof p === "string");
  for (const input of inputs) {
    if (await sameFile(input, path)) throw new InputError(`refusing to overwrite the input: ${path} is the file that was read`);
  }
  const target = nodePath.resolve(path);
  const temp = tempPathBeside(target);
  try {
    const fd = openSync(temp, "w");
    try {
      const zip = new ZipFile(fd);
      await writePackage(workbook, zip);
      zip.finish();
    } finally {
      closeSync(fd);
    }
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}
