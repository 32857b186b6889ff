// A page for the browser test of the pane with live colours (live-pane-browser.test.ts): the real pane over
// the real runtime, the real listener and the fake Excel holding a generated tracker. window.harness lets
// the test type as an officer would.
import { createRoot } from "react-dom/client";
import { applyColoursCommand } from "../../../src/excel/commands";
import { LiveColours, runInWith } from "../../../src/excel/live";
import { createFakeExcel } from "../../../src/fake-excel";
import type { LivePort } from "../../../src/runtime/live-port";
import { queuedService } from "../../../src/runtime/queued-service";
import { createAddinRuntime } from "../../../src/runtime/runtime";
import { App } from "../../../src/taskpane/App";
import { createExcelService } from "../../../src/taskpane/excel-service";
import { generatedTracker } from "../../excel/trackers";

const TODAY = "2022-05-03";
const fake = createFakeExcel(generatedTracker(12));
let listener: LiveColours | undefined;
const live: LivePort = {
  async start(run, settings, hooks) {
    listener = new LiveColours(run, runInWith(fake.runWith), { ...settings, debounceMs: 50 }, hooks);
    await listener.start();
  },
  async stop() {
    await listener?.stop();
    listener = undefined;
  },
};
const runtime = createAddinRuntime({ run: fake.run, live, office: () => ({ isSetSupported: () => false }), today: () => TODAY });

async function main() {
  await applyColoursCommand(fake.run, {}, TODAY);
  const root = document.getElementById("root")!;
  createRoot(root).render(<App service={queuedService(createExcelService(fake.run, { today: () => TODAY }), runtime)} live={runtime} />);
  await runtime.start();
}

Object.assign(window, {
  harness: {
    type: (address: string, value: string | number) => fake.user.type("Indicators", address, [[value]]),
    cell: (address: string) => fake.sheet("Indicators")!.cell(address),
    ready: main(),
  },
});
