/** @jest-environment jsdom */
// The pane's live colours (issue 13): the "Keep colours up to date" and drop-down switches over the add-in's
// runtime, counts and problems that follow each burst of edits, new problems pointing at their cells, and
// the pane waiting for (then re-reading after) work the ribbon started. Real runtime, fake listener.
import "./setup";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { LiveUpdate } from "../../src/engine/live/types";
import type { ExcelRun } from "../../src/excel/api";
import type { LiveHooks, LivePort } from "../../src/runtime/live-port";
import { queuedService } from "../../src/runtime/queued-service";
import { createAddinRuntime } from "../../src/runtime/runtime";
import type { LiveSwitches } from "../../src/runtime/switches";
import { App } from "../../src/taskpane/App";
import { PROBLEMS, mockService } from "./mockService";

function setup(saved: Partial<LiveSwitches> = {}) {
  let hooks: LiveHooks | undefined;
  const calls: string[] = [];
  const live: LivePort = {
    start: async (_run, settings, h) => {
      calls.push(`start ratingHelp=${settings.ratingHelp}`);
      hooks = h;
    },
    stop: async () => void calls.push("stop"),
  };
  const switches: LiveSwitches = { liveColours: false, ratingHelp: false, ...saved };
  const saves: Partial<LiveSwitches>[] = [];
  const runtime = createAddinRuntime({
    run: (async () => undefined) as unknown as ExcelRun,
    live,
    office: () => ({ isSetSupported: () => true, addin: { getStartupBehavior: async () => "None" as Office.StartupBehavior, setStartupBehavior: async () => undefined } }),
    today: () => "2011-01-31",
    readSwitches: async () => ({ ...switches }),
    saveSwitch: async (_run, change) => void saves.push(change),
  });
  const inner = mockService();
  const service = queuedService(inner, runtime);
  return { runtime, inner, service, calls, saves, hooks: () => hooks! };
}

async function renderLive(s: ReturnType<typeof setup>) {
  render(<App service={s.service} live={s.runtime} />);
  await screen.findByRole("heading", { name: /^Results/ });
  await act(() => s.runtime.start());
}

const burst = (over: Partial<Extract<LiveUpdate, { kind: "records" }>> = {}): LiveUpdate => ({
  kind: "records",
  plans: [],
  coloured: [],
  counts: { indicator: { green: 6, amber: 3, red: 3 }, activity: { completed: 2, ontrack: 4, overdue: 1, nodata: 1 } },
  problems: PROBLEMS,
  rerated: ["KPIs!7"],
  ...over,
});

describe("live colours in the pane", () => {
  it("is not shown without a runtime (the browser preview, tests of the pane alone)", async () => {
    render(<App service={mockService()} />);
    await screen.findByRole("heading", { name: /^Results/ });
    expect(screen.queryByRole("switch", { name: "Keep colours up to date" })).toBeNull();
    expect(screen.queryByRole("region", { name: "Live colours" })).toBeNull();
  });

  it("shows the workbook's saved switches, and turning live colours on saves and says so once", async () => {
    const s = setup({ ratingHelp: true });
    await renderLive(s);
    const keep = screen.getByRole("switch", { name: "Keep colours up to date" }) as HTMLInputElement;
    const help = screen.getByRole("switch", { name: "Help officers type ratings (drop-down list)" }) as HTMLInputElement;
    expect({ keep: keep.checked, help: help.checked }).toEqual({ keep: false, help: true });
    expect(screen.getByText("Off: colours change only when you apply them.")).toBeTruthy();
    fireEvent.click(keep);
    const status = await screen.findByText(/^Live colours are on/);
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(keep.checked).toBe(true);
    expect(s.saves).toEqual([{ liveColours: true }]);
    expect(s.calls).toEqual(["start ratingHelp=true"]);
    expect(screen.getByText("On: a status is recoloured as soon as someone changes its row.")).toBeTruthy();
  });

  it("counts follow each burst of edits, and a problem an edit raised points at its cell", async () => {
    const s = setup({ liveColours: true });
    await renderLive(s);
    expect(within(screen.getByRole("list", { name: "Indicators (12)" })).getByText("Within tolerance").parentElement?.textContent).toBe("●Within tolerance 3");
    const raised = { sheet: "KPIs", cell: "D12", message: "The actual “n/a” is not a number, so the indicator has no data.", severity: "warning" as const };
    act(() => s.hooks().onUpdate(burst({ problems: [...PROBLEMS, raised], counts: { indicator: { green: 6, amber: 4, red: 2 }, activity: {} } })));
    expect(within(screen.getByRole("list", { name: "Indicators (12)" })).getByText("Within tolerance").parentElement?.textContent).toBe("●Within tolerance 4");
    expect(screen.getByRole("heading", { name: "Problems (3)" })).toBeTruthy();
    const notice = screen.getByText("1 new problem from the latest edits").closest('[role="status"]') as HTMLElement;
    expect(notice).not.toBeNull();
    fireEvent.click(within(notice).getByRole("button", { name: "KPIs!D12" }));
    await waitFor(() => expect(s.inner.selectCell).toHaveBeenCalledWith("KPIs", "D12"));
    expect(screen.getByText("On: the latest change re-rated 1 record.")).toBeTruthy();
  });

  it("while the ribbon runs a command the pane's buttons and switches wait, then the pane reads the workbook again", async () => {
    const s = setup();
    await renderLive(s);
    expect(s.inner.detect).toHaveBeenCalledTimes(1);
    let release!: () => void;
    let ribbon!: Promise<void>;
    act(() => {
      ribbon = s.runtime.command("Build summary", () => new Promise<void>((resolve) => (release = resolve)));
    });
    expect(await screen.findByText("Build summary is running from the ribbon…")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Apply colours" }).getAttribute("aria-disabled")).toBe("true");
    expect((screen.getByRole("switch", { name: "Keep colours up to date" }) as HTMLInputElement).disabled).toBe(true);
    await act(async () => {
      release();
      await ribbon;
    });
    await waitFor(() => expect(s.inner.detect).toHaveBeenCalledTimes(2));
    expect(screen.queryByText("Build summary is running from the ribbon…")).toBeNull();
    expect(screen.getByRole("button", { name: "Apply colours" }).getAttribute("aria-disabled")).toBeNull();
  });

  it("the pane's own action is a command of the runtime: no second read after it, and live colours follow it", async () => {
    const s = setup({ liveColours: true });
    await renderLive(s);
    fireEvent.click(screen.getByRole("button", { name: "Apply colours" }));
    await screen.findByText("Colours applied");
    expect(s.inner.applyColours).toHaveBeenCalledTimes(1);
    expect(s.inner.detect).toHaveBeenCalledTimes(1);
    expect(s.calls).toEqual(["start ratingHelp=false", "stop", "start ratingHelp=false"]);
  });

  it("a listener that cannot start says why in an alert, and the switch stays off", async () => {
    const s = setup();
    await renderLive(s);
    s.runtime.store.set({}); // no-op change: the view must not re-render into a different state
    const failing = jest.spyOn(s.runtime, "setLiveColours").mockRejectedValueOnce(new Error("Live colours could not start: Sheet 'KPIs' is protected."));
    fireEvent.click(screen.getByRole("switch", { name: "Keep colours up to date" }));
    const alert = await screen.findByText("Live colours could not start: Sheet 'KPIs' is protected.");
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect((screen.getByRole("switch", { name: "Keep colours up to date" }) as HTMLInputElement).checked).toBe(false);
    failing.mockRestore();
  });
});
