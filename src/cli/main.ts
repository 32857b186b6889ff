// rag-scorecard command line: evaluate cases, build workbooks. Exit codes follow PRODUCT.md.
import { readFileSync, statSync } from "fs";
import { join } from "path";
import { evaluateCases } from "./evaluate";
import { EXIT } from "./exit";

export { EXIT };

const USAGE = `Usage:
  rag-scorecard evaluate <cases.json>
  rag-scorecard build <input.xlsx> -o <output.xlsx> [--preset rag|dudley|pentana|cannock]
      [--period "Q3 2010/11"] [--report-date YYYY-MM-DD] [--committee NAME | --all-committees]
      [--include-hidden] [--json <statuses.json>]
  rag-scorecard --version

Without --period and --report-date, both come from the workbook's titles and headers and are
printed with where they were found; the report date is the end of that period.

The output is a copy of the input with the statuses coloured in and the summary sheets added; a
macro-enabled .xlsm input gives an .xlsm output. The input is never written.

Exit codes:
  0  done
  1  usage mistake (bad option, -o or --json naming the input or each other, -o naming a folder or a device,
     a --report-date not on the calendar, an output extension that does not fit the input)
  2  the input cannot be read (not a workbook, corrupt or damaged, password-protected,
     a part in another encoding than UTF-8 or not valid UTF-8)
  3  no indicator or activity table was recognised
  4  the output cannot be written (folder missing, not writable, disk full, file open in Excel);
     the workbook and the --json report go in place together, or neither does`;

/** The version in package.json (src/cli/main.ts and dist/cli/main.js are both two folders down). */
function version(): string {
  try {
    return String((JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: unknown }).version ?? "unknown");
  } catch {
    return "unknown";
  }
}

/** The cases file's JSON, or the one line that says why it cannot be had. */
function readCases(file: string): { data: unknown } | { problem: string } {
  let bytes: Buffer;
  try {
    // A pipe or a device would be waited on, maybe for ever, rather than read.
    const kind = statSync(file);
    if (kind.isDirectory()) return { problem: `${file} is a folder, not a cases file` };
    if (!kind.isFile()) return { problem: `${file} is not a file (a pipe or a device)` };
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { problem: `${file} was not found` };
    if (code === "EACCES" || code === "EPERM") return { problem: `${file} cannot be opened (permission denied)` };
    return { problem: `${file} cannot be read: ${(e as Error).message.split(/\r?\n/)[0]}` };
  }
  let text: string;
  try {
    // UTF-8 only, and strictly: a file saved as Windows-1252 or UTF-16 would otherwise be read with its
    // "±" or "£" turned into U+FFFD and rated on a garbled target. A leading byte-order mark (Notepad
    // saves one) is dropped by the decoder, as JSON allows.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ERR_ENCODING_INVALID_ENCODED_DATA") return { problem: `${file} cannot be read: ${(e as Error).message.split(/\r?\n/)[0]}` };
    return { problem: `${file} is not UTF-8 text: save it as UTF-8 and try again` };
  }
  try {
    return { data: JSON.parse(text) };
  } catch (e) {
    return { problem: `${file} is not valid JSON: ${(e as Error).message.split(/\r?\n/)[0]}` };
  }
}

async function evaluate(args: string[]): Promise<number> {
  // As build: --help anywhere shows the usage.
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return EXIT.done;
  }
  // "-x" is an option we do not have, not a file (a file of that name can be given as ./-x).
  if (args.length !== 1 || args[0].startsWith("-")) {
    if (args.length === 1) console.error(`rag-scorecard evaluate: unknown option ${args[0]}`);
    else if (args.length > 1) console.error(`rag-scorecard evaluate: one cases file at a time (${args.length} given)`);
    console.error(USAGE);
    return EXIT.usage;
  }
  const read = readCases(args[0]);
  if ("problem" in read) {
    console.error(`rag-scorecard evaluate: ${read.problem}`);
    return EXIT.unreadable;
  }
  const data = read.data;
  try {
    process.stdout.write(JSON.stringify(evaluateCases(data), null, 2) + "\n");
    return EXIT.done;
  } catch (e) {
    console.error(`rag-scorecard evaluate: ${args[0]}: ${(e as Error).message}`);
    return EXIT.unreadable;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "--version" || command === "-v" || (command === "build" && rest.includes("--version"))) {
    console.log(`rag-scorecard ${version()}`);
    return EXIT.done;
  }
  if (command === "evaluate") return evaluate(rest);
  if (command === "build" && (rest.includes("--help") || rest.includes("-h"))) {
    console.log(USAGE);
    return EXIT.done;
  }
  if (command === "build") {
    const { build } = await import("./build");
    return build(rest);
  }
  if (command === "--help" || command === "-h" || command === "help") {
    console.log(USAGE);
    return EXIT.done;
  }
  console.error(USAGE);
  return EXIT.usage;
}

/** Runs the command line on `argv` and sets the process's exit code: what bin/rag-scorecard.js and a direct run do. */
export function runCommandLine(argv: string[]): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // Never a stack trace: one line, and the exit code for an input that could not be handled.
      console.error(`rag-scorecard: ${(e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0]}`);
      process.exitCode = EXIT.unreadable;
    },
  );
}

// `node dist/cli/main.js …` works as well as the bin launcher, rather than silently doing nothing.
if (require.main === module) runCommandLine(process.argv.slice(2));
