// The entry of the command line's single-file build (webpack.cli.config.js → dist/cli/rag-scorecard.js).
// Loading one file instead of 125 modules takes a tenth of a second off every run. A module of its own:
// inside the bundle main.ts's `require.main === module` is webpack's entry check, true whenever the file
// is loaded, so whether it was run directly is told here by the path Node was given.
import { resolve } from "path";
import { runCommandLine } from "./main";

export { main, runCommandLine } from "./main";

// `node dist/cli/rag-scorecard.js …` runs the command, as `node dist/cli/main.js …` does.
if (process.argv[1] && resolve(process.argv[1]) === __filename) runCommandLine(process.argv.slice(2));
