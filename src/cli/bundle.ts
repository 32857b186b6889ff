// The entry of the command line's single-file build (webpack.cli.config.js → dist/cli/rag-scorecard.js). Loading
// one file instead of 125 modules takes a tenth of a second off every run. A module of its own, so that
// main.ts's `require.main === module` is false inside the bundle and only bin/rag-scorecard.js runs main.
export { main } from "./main";
