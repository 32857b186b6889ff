// Checks on the files a build names, before anything is read or written: the output and the report
// must not be the input or each other (real paths compared, hard links included), nor a folder.
import { lstatSync, readlinkSync, realpathSync, statSync } from "fs";
import * as nodePath from "path";

/** The file's real path; for a file not yet made, its folder's real path joined with its name. */
function realTarget(p: string): string {
  const abs = nodePath.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return nodePath.join(realpathSync(nodePath.dirname(abs)), nodePath.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Same file: same real path, or (hard links, case-insensitive file systems) same device and inode. */
export function sameFile(a: string, b: string): boolean {
  if (realTarget(a) === realTarget(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A message for the user when the named files clash; undefined when they are fine. */
export function checkBuildPaths(input: string, output: string, json?: string): string | undefined {
  if (isFolder(output) || /[\\/]$/.test(output)) return `-o ${output} is a folder: name the output workbook, e.g. -o ${nodePath.join(output, "built.xlsx")}`;
  if (sameFile(input, output)) return "refusing to write over the input workbook; choose another -o";
  if (json !== undefined) {
    if (isFolder(json) || /[\\/]$/.test(json)) return `--json ${json} is a folder: name the report file, e.g. --json ${nodePath.join(json, "statuses.json")}`;
    if (sameFile(input, json)) return "refusing to write the --json report over the input workbook; choose another file";
    if (sameFile(output, json)) return "-o and --json name the same file; choose two different files";
  }
  return undefined;
}

/**
 * Where a file named on the command line is written: through a link, to the file it names (the link stays,
 * as `cp` leaves it; it was replaced by the file); a device, pipe or socket is no place for a workbook or
 * report (a device was replaced by a file). A message for the user when it is one of those.
 */
export function writePlace(path: string, flag: string): { path: string } | { error: string } {
  let place = path;
  for (let hops = 0; hops < 40; hops++) {
    let st;
    try {
      st = lstatSync(place);
    } catch {
      return { path: place }; // not there yet: made there
    }
    if (st.isSymbolicLink()) {
      place = nodePath.resolve(nodePath.dirname(place), readlinkSync(place));
      continue;
    }
    if (!st.isFile() && !st.isDirectory()) return { error: `${flag} ${path} is not a file (a device, pipe or socket): name a file to write` };
    return { path: place };
  }
  return { error: `${flag} ${path} is a link that leads round in a circle: name a file to write` };
}

/** The output's extension must keep the input's kind: macros stay in an .xlsm, a plain workbook is an .xlsx. */
export function checkOutputKind(output: string, macroEnabled: boolean): string | undefined {
  const ext = nodePath.extname(output).toLowerCase();
  if (macroEnabled && ext !== ".xlsm") return `the input has macros, so the output must be an .xlsm workbook (macros would be lost or the file refused by Excel): use -o ${output.replace(/\.[^./\\]*$/, "")}.xlsm`;
  if (!macroEnabled && ext !== ".xlsx") return `the output must be an .xlsx workbook, as the input is: use -o ${output.replace(/\.[^./\\]*$/, "")}.xlsx`;
  return undefined;
}
