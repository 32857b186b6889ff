// rag-scorecard command line: evaluate cases, build workbooks. Exit codes follow PRODUCT.md.
import { readFileSync } from "fs";
import { evaluateCases } from "./evaluate";
import { EXIT } from "./exit";

export { EXIT };

const USAGE = `Usage:
  rag-scorecard evaluate <cases.json>
  rag-scorecard build <input.xlsx> -o <output.xlsx> [--preset rag|dudley|pentana|cannock]
      [--period "Q3 2010/11"] [--report-date YYYY-MM-DD] [--committee NAME | --all-committees]
      [--json <statuses.json>]`;

async function evaluate(args: string[]): Promise<number> {
  if (args.length !== 1) {
    console.error(USAGE);
    return EXIT.usage;
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(args[0], "utf8"));
  } catch (e) {
    console.error(`rag-scorecard: cannot read ${args[0]}: ${(e as Error).message}`);
    return EXIT.unreadable;
  }
  try {
    process.stdout.write(JSON.stringify(evaluateCases(data), null, 2) + "\n");
    return EXIT.done;
  } catch (e) {
    console.error(`rag-scorecard: ${args[0]}: ${(e as Error).message}`);
    return EXIT.unreadable;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "evaluate") return evaluate(rest);
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

// `node dist/cli/main.js …` works as well as the bin launcher, rather than silently doing nothing.
if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
