// A large input is built with V8's own settings (src/cli/v8-tuning.ts): the launcher's tuning pays for a
// build of a second or two and costs a long one. Only where the launcher tuned V8.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const setFlags = jest.fn();
jest.mock("v8", () => ({ ...jest.requireActual("v8"), setFlagsFromString: (flag: string) => setFlags(flag) }));

import { settingsForInput, UNTUNED_FROM_BYTES } from "../../src/cli/v8-tuning";

const dir = mkdtempSync(join(tmpdir(), "v8-tuning-"));
const TUNED = Symbol.for("rag-scorecard.v8-tuned");
const global = globalThis as Record<symbol, unknown>;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  delete global[TUNED];
});

function fileOf(bytes: number): string {
  const file = join(dir, `input-${bytes}.xlsx`);
  writeFileSync(file, "");
  truncateSync(file, bytes);
  return file;
}

describe("V8's settings by the input's size", () => {
  beforeEach(() => setFlags.mockClear());

  test.each([
    ["a small input keeps the launcher's tuning", UNTUNED_FROM_BYTES - 1, true, []],
    ["a large one gets V8's own settings back", UNTUNED_FROM_BYTES, true, ["--interrupt-budget=67584", "--max-inlined-bytecode-size-cumulative=920"]],
    ["where the launcher did not tune (RAG_SCORECARD_V8 set, another V8, the compiled modules run directly), nothing is set", UNTUNED_FROM_BYTES * 2, false, []],
    ["nor where no launcher ran (tests)", UNTUNED_FROM_BYTES * 2, undefined, []],
  ])("%s", (_name, bytes, tuned, flags) => {
    if (tuned === undefined) delete global[TUNED];
    else global[TUNED] = tuned;
    settingsForInput(fileOf(bytes));
    expect(setFlags.mock.calls.map((c) => c[0])).toEqual(flags);
  });

  test("an input that is not there is left to the read to report", () => {
    global[TUNED] = true;
    expect(() => settingsForInput(join(dir, "missing.xlsx"))).not.toThrow();
    expect(setFlags).not.toHaveBeenCalled();
  });
});
