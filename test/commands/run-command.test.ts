// One ribbon click through runCommand with a stub host, without building the pages: the order desktop
// Excel needs (ready, then Office.context, then the requirement set, then the work) and one
// event.completed() after the message closes. The built page is tested in function-file.test.ts.
import { COMMAND_LIFETIME_MS, COMMAND_MARGIN_MS, startDeadline, timeLeftForClick } from "../../src/commands/deadline";
import type { DialogUi } from "../../src/commands/notice";
import type { ExcelRun } from "../../src/excel/api";
import type { CommandHost } from "../../src/commands/run-command";
import { NOT_STARTED_MESSAGE, runCommand } from "../../src/commands/run-command";
import { REQUIREMENTS_MESSAGE } from "../../src/excel/requirements";
import { createFakeExcel } from "../../src/fake-excel";
import { generatedTracker } from "../excel/trackers";

const officeGlobal = {
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
};
beforeAll(() => Object.assign(globalThis, { Office: officeGlobal, location: { origin: "https://host", pathname: "/commands.html" } }));

interface Seen {
  steps: string[];
  notices: { ok: boolean; title: string; message: string }[];
}

/** A host that records what was asked of Office, in order; the dialog closes as soon as it opens. */
function host(seen: Seen, over: Partial<CommandHost> = {}, excelApi = "1.9"): CommandHost {
  const ui: DialogUi = {
    displayDialogAsync: ((url: string, _options: unknown, callback: (r: unknown) => void) => {
      seen.steps.push("dialog");
      seen.notices.push(JSON.parse(new URL(url).searchParams.get("notice")!));
      const handlers: (() => void)[] = [];
      callback({ status: "succeeded", value: { close: () => undefined, addEventHandler: (_t: string, h: () => void) => handlers.push(h) } });
      handlers[0]?.();
    }) as DialogUi["displayDialogAsync"],
  };
  return {
    onReady: async () => {
      seen.steps.push("onReady");
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen.steps.push("ready");
    },
    isSetSupported: () => {
      seen.steps.push("context");
      return (_name, version) => {
        seen.steps.push("requirements");
        return Number(version.split(".")[1]) <= Number(excelApi.split(".")[1]);
      };
    },
    ui: () => ui,
    excelRun: ((...args: unknown[]) => {
      seen.steps.push("excel");
      return (createFakeExcel(generatedTracker(4)).run as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as unknown as ExcelRun,
    today: () => "2022-05-03",
    ...over,
  };
}

const click = async (id: "applyColours" | "removeColours", h: CommandHost, seen: Seen) => {
  await runCommand(id, { completed: () => seen.steps.push("completed") }, h, startDeadline(60_000));
  return seen;
};
const fresh = (): Seen => ({ steps: [], notices: [] });

test("Office is ready before the context and requirement are read, the work runs, the message shows, then completed", async () => {
  const s = fresh();
  await click("applyColours", host(s), s);
  expect(s.steps).toEqual(["onReady", "ready", "context", "requirements", "excel", "dialog", "completed"]);
  expect(s.notices[0]).toMatchObject({ ok: true, title: "Colours applied" });
});

test("no Office.context: a failed start, not an old Excel, and nothing touched", async () => {
  const s = fresh();
  await click("removeColours", host(s, { isSetSupported: () => (s.steps.push("context"), undefined) }), s);
  expect(s.steps).toEqual(["onReady", "ready", "context", "dialog", "completed"]);
  expect(s.notices).toEqual([{ ok: false, title: "Could not remove colours", message: NOT_STARTED_MESSAGE }]);
});

test("an Excel below ExcelApi 1.9 is told which versions work, and nothing is touched", async () => {
  const s = fresh();
  await click("applyColours", host(s, {}, "1.7"), s);
  expect(s.steps).toEqual(["onReady", "ready", "context", "requirements", "dialog", "completed"]);
  expect(s.notices[0].message).toBe(REQUIREMENTS_MESSAGE);
  expect(REQUIREMENTS_MESSAGE).toMatch(/Excel 2021 or later, Microsoft 365 or Excel on the web/);
});

test("a failing Office.context.ui still completes the command", async () => {
  const s = fresh();
  const h = host(s, {
    ui: () => {
      throw new Error("no ui");
    },
  });
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await click("removeColours", h, s);
  errors.mockRestore();
  expect(s.steps.slice(-1)).toEqual(["completed"]);
  expect(s.steps).not.toContain("dialog");
});

test("a click dispatched as Office becomes ready counts from the page's start; a later one gets the full time", () => {
  const full = COMMAND_LIFETIME_MS - COMMAND_MARGIN_MS;
  expect(timeLeftForClick(20_000, undefined)).toBe(full - 20_000); // dispatched before readiness was seen
  expect(timeLeftForClick(20_300, 20_000)).toBe(full - 20_300); // dispatched as Office became ready: held back
  expect(timeLeftForClick(120_000, 20_000)).toBe(full); // clicked long after the page was ready
});
