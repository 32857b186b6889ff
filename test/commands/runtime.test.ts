// The shared runtime's one queue and one state (src/runtime): pane, ribbon and live colours never run
// Excel work at once, live work waits while a command runs, and live colours switch on and off with the
// workbook's setting, the startup behaviour and the ribbon buttons in step.
import type { LiveUpdate } from "../../src/engine/live/types";
import type { Problem } from "../../src/engine/vocab/types";
import type { ExcelRun } from "../../src/excel/api";
import type { LiveHooks, LivePort, LiveSettings } from "../../src/runtime/live-port";
import type { AddinHost } from "../../src/runtime/office-addin";
import { RIBBON, STARTUP_UNSUPPORTED, setStartupForLive, showLiveButtons } from "../../src/runtime/office-addin";
import { createWorkQueue, queuedRun } from "../../src/runtime/queue";
import type { LiveSwitches } from "../../src/runtime/switches";
import { createAddinRuntime } from "../../src/runtime/runtime";

beforeAll(() => Object.assign(globalThis, { Office: { StartupBehavior: { load: "Load", none: "None" } } }));

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("work queue", () => {
  test("runs one job at a time, in order, and a failing job does not stop the next", async () => {
    const queue = createWorkQueue();
    const log: string[] = [];
    const first = deferred();
    const a = queue.enqueue("read", "a", async () => (log.push("a start"), await first.promise, log.push("a end"), "A"));
    const b = queue.enqueue("command", "b", async () => {
      log.push("b");
      throw new Error("b failed");
    });
    const c = queue.enqueue("read", "c", async () => (log.push("c"), "C"));
    await tick();
    expect(log).toEqual(["a start"]);
    expect(queue.state()).toEqual({ running: { kind: "read", label: "a" }, waiting: 2 });
    first.resolve();
    await expect(a).resolves.toBe("A");
    await expect(b).rejects.toThrow("b failed");
    await expect(c).resolves.toBe("C");
    expect(log).toEqual(["a start", "a end", "b", "c"]);
    expect(queue.state()).toEqual({ running: undefined, waiting: 0 });
  });

  test("a command asked for while live jobs wait runs before them, and says a command is pending meanwhile", async () => {
    const queue = createWorkQueue();
    const log: string[] = [];
    const hold = deferred();
    const live1 = queue.enqueue("live", "live 1", async () => (log.push("live 1"), await hold.promise));
    const live2 = queue.enqueue("live", "live 2", async () => void log.push("live 2"));
    expect(queue.commandPending()).toBe(false);
    const command = queue.enqueue("command", "Apply colours", async () => void log.push("command"));
    expect(queue.commandPending()).toBe(true);
    hold.resolve();
    await Promise.all([live1, live2, command]);
    expect(log).toEqual(["live 1", "command", "live 2"]);
    expect(queue.commandPending()).toBe(false);
  });

  test("a click waits for the running read but not for reads queued behind it", async () => {
    const queue = createWorkQueue();
    const log: string[] = [];
    const hold = deferred();
    const first = queue.enqueue("read", "pane's first read", async () => (log.push("read 1"), await hold.promise));
    const second = queue.enqueue("read", "rules sheet", async () => void log.push("read 2"));
    const click = queue.enqueue("command", "Apply colours", async () => void log.push("command"));
    hold.resolve();
    await Promise.all([first, second, click]);
    expect(log).toEqual(["read 1", "command", "read 2"]);
  });

  test("queuedRun makes each Excel.run batch a job and keeps the requirement check", async () => {
    const queue = createWorkQueue();
    const inFlight: number[] = [];
    let now = 0;
    const isSetSupported = () => true;
    const run = Object.assign(
      async <T>(batch: (context: never) => Promise<T>) => {
        inFlight.push(++now);
        const value = await batch(undefined as never);
        now--;
        return value;
      },
      { isSetSupported },
    ) as unknown as ExcelRun;
    const queued = queuedRun(queue, run, "live");
    expect(queued.isSetSupported).toBe(isSetSupported);
    await Promise.all([1, 2, 3].map((n) => queued(async () => (await tick(), n))));
    expect(Math.max(...inFlight)).toBe(1); // never two batches in Excel at once
  });
});

/** A live listener that records what it is asked and lets the test send updates. */
function fakeLive(over: Partial<LivePort> = {}) {
  const calls: string[] = [];
  let hooks: LiveHooks | undefined;
  let settings: LiveSettings | undefined;
  let run: ExcelRun | undefined;
  const port: LivePort = {
    start: async (r, s, h) => {
      calls.push(`start ratingHelp=${s.ratingHelp}`);
      run = r;
      settings = s;
      hooks = h;
    },
    stop: async () => void calls.push("stop"),
    ...over,
  };
  return { port, calls, hooks: () => hooks!, settings: () => settings!, run: () => run! };
}

/** Office with the shared-runtime APIs, recording startup behaviour and ribbon updates. */
function fakeOffice(supported: { shared?: boolean; ribbon?: boolean } = {}) {
  const seen: string[] = [];
  let startup = "None";
  const host: AddinHost = {
    isSetSupported: (name) => (name === "SharedRuntime" ? supported.shared !== false : name === "RibbonApi" ? supported.ribbon !== false : true),
    addin: {
      getStartupBehavior: async () => startup as Office.StartupBehavior,
      setStartupBehavior: async (b) => {
        seen.push(`startup ${b}`);
        startup = b;
      },
    },
    ribbon: {
      requestUpdate: async (data) => {
        const controls = data.tabs[0].groups![0].controls!;
        seen.push(`ribbon on=${controls.find((c) => c.id === RIBBON.liveOn)!.enabled} off=${controls.find((c) => c.id === RIBBON.liveOff)!.enabled}`);
      },
    },
  };
  return { host, seen };
}

function setup(saved: Partial<LiveSwitches> = {}, liveOver: Partial<LivePort> = {}, office = fakeOffice()) {
  const live = fakeLive(liveOver);
  const switches: LiveSwitches = { liveColours: false, ratingHelp: false, ...saved };
  const saves: Partial<LiveSwitches>[] = [];
  const excel: string[] = [];
  const run = Object.assign(async <T>(batch: (c: never) => Promise<T>) => (excel.push("run"), batch(undefined as never)), {}) as unknown as ExcelRun;
  const runtime = createAddinRuntime({
    run,
    live: live.port,
    office: () => office.host,
    today: () => "2022-05-03",
    readSwitches: async () => ({ ...switches }),
    saveSwitch: async (_run, change) => {
      saves.push(change);
      Object.assign(switches, change);
    },
  });
  return { runtime, live, office, saves, switches, excel };
}

const problem = (cell: string, message = "Actual cannot be read"): Problem => ({ sheet: "Housing", cell, message, severity: "error" });
const records = (problems: Problem[], rerated = ["Housing!5"]): LiveUpdate => ({
  kind: "records",
  plans: [],
  coloured: [],
  counts: { indicator: { G: 3, R: 1 }, activity: {} } as unknown as Extract<LiveUpdate, { kind: "records" }>["counts"],
  problems,
  rerated,
});

describe("add-in runtime", () => {
  test("a workbook saved with live colours on starts them when the runtime starts, loads with the workbook and shows Live colours off", async () => {
    const { runtime, live, office } = setup({ liveColours: true, ratingHelp: true });
    await runtime.start();
    expect(live.calls).toEqual(["start ratingHelp=true"]);
    expect(live.settings()).toEqual({ today: "2022-05-03", ratingHelp: true });
    expect(runtime.store.get()).toMatchObject({ live: "on", ratingHelp: true });
    expect(office.seen).toEqual(["startup Load", "ribbon on=false off=true"]);
    await runtime.start(); // a second start (the pane after a ribbon click) does nothing more
    expect(live.calls).toHaveLength(1);
  });

  test("with live colours off the workbook does not load the runtime at startup, and Live colours on is the enabled button", async () => {
    const { runtime, live, office } = setup();
    await runtime.start();
    expect(live.calls).toEqual([]);
    expect(runtime.store.get().live).toBe("off");
    expect(office.seen).toEqual(["ribbon on=true off=false"]); // the startup behaviour was already None: not rewritten
  });

  test("switching on saves the setting, starts listening, loads with the workbook; off undoes all three", async () => {
    const { runtime, live, office, saves } = setup();
    await expect(runtime.setLiveColours(true)).resolves.toMatch(/^Live colours are on/);
    expect(saves).toEqual([{ liveColours: true }]);
    expect(live.calls).toEqual(["start ratingHelp=false"]);
    expect(office.seen.slice(-2)).toEqual(["startup Load", "ribbon on=false off=true"]);
    await expect(runtime.setLiveColours(true)).resolves.toBe("Live colours are already on.");
    await expect(runtime.setLiveColours(false)).resolves.toMatch(/^Live colours are off/);
    expect(live.calls).toEqual(["start ratingHelp=false", "stop"]);
    expect(saves).toEqual([{ liveColours: true }, { liveColours: false }]);
    expect(office.seen.slice(-2)).toEqual(["startup None", "ribbon on=true off=false"]);
    expect(runtime.store.get().live).toBe("off");
  });

  test("a listener that cannot start leaves the setting off in the workbook and says why", async () => {
    const { runtime, saves, office } = setup({}, { start: () => Promise.reject(new Error("Sheet 'Housing' is protected.")) });
    await expect(runtime.setLiveColours(true)).rejects.toThrow("Live colours could not start: Sheet 'Housing' is protected.");
    expect(saves).toEqual([{ liveColours: true }, { liveColours: false }]);
    expect(runtime.store.get()).toMatchObject({ live: "off", liveError: "Live colours could not start: Sheet 'Housing' is protected." });
    expect(office.seen).not.toContain("startup Load");
  });

  test("where this Excel cannot load the add-in with the workbook, live colours still come on and the pane is told", async () => {
    const office = fakeOffice({ shared: false, ribbon: false });
    const { runtime } = setup({}, {}, office);
    await expect(runtime.setLiveColours(true)).resolves.toMatch(/^Live colours are on/);
    expect(runtime.store.get()).toMatchObject({ live: "on", liveNote: STARTUP_UNSUPPORTED });
    expect(office.seen).toEqual([]); // neither API called where it is not supported
  });

  test("live work waits while a command runs, and the listener is told a command is pending", async () => {
    const { runtime, live } = setup({ liveColours: true });
    await runtime.start();
    const order: string[] = [];
    const hold = deferred();
    const command = runtime.command("Apply colours", async () => {
      order.push("command start");
      await hold.promise;
      order.push("command end");
    }, { effect: "none" });
    await tick();
    expect(live.hooks().commandPending()).toBe(true);
    const liveBatch = live.run()(async () => void order.push("live batch"));
    await tick();
    expect(order).toEqual(["command start"]);
    hold.resolve();
    await Promise.all([command, liveBatch]);
    expect(order).toEqual(["command start", "command end", "live batch"]);
    expect(live.hooks().commandPending()).toBe(false);
  });

  test("after a command rewrote the workbook the listener starts again; Remove colours turns live colours off", async () => {
    const { runtime, live, saves } = setup({ liveColours: true });
    await runtime.start();
    await runtime.command("Apply colours", async () => "done");
    expect(live.calls).toEqual(["start ratingHelp=false", "stop", "start ratingHelp=false"]);
    expect(runtime.store.get()).toMatchObject({ live: "on", revision: 1, revisedBy: "ribbon" });
    await runtime.command("Remove colours", async () => "removed", { effect: "removed", from: "pane" });
    expect(live.calls.slice(-1)).toEqual(["stop"]);
    expect(saves).toEqual([{ liveColours: false }]);
    expect(runtime.store.get()).toMatchObject({ live: "off", revision: 2, revisedBy: "pane" });
  });

  test("a listener that can re-read in place is asked to, instead of being restarted", async () => {
    const resync = jest.fn(async () => undefined);
    const { runtime, live } = setup({ liveColours: true }, { resync });
    await runtime.start();
    await runtime.command("Build summary", async () => "built");
    expect(resync).toHaveBeenCalledTimes(1);
    expect(live.calls).toEqual(["start ratingHelp=false"]);
  });

  test("a burst's counts and problems reach the state; a newly raised problem is listed until it is put right", async () => {
    const { runtime, live } = setup({ liveColours: true });
    await runtime.start();
    runtime.noteProblems([problem("E9", "Target is blank")]);
    live.hooks().onUpdate(records([problem("E9", "Target is blank"), problem("F5")]));
    expect(runtime.store.get()).toMatchObject({ counts: { indicator: { G: 3, R: 1 } }, rerated: ["Housing!5"], bursts: 1 });
    expect(runtime.store.get().newProblems).toEqual([problem("F5")]);
    live.hooks().onUpdate(records([problem("E9", "Target is blank"), problem("F5"), problem("F6")], ["Housing!6"]));
    expect(runtime.store.get().newProblems.map((p) => p.cell)).toEqual(["F6", "F5"]);
    live.hooks().onUpdate(records([problem("E9", "Target is blank"), problem("F6")]));
    expect(runtime.store.get().newProblems.map((p) => p.cell)).toEqual(["F6"]);
    live.hooks().onUpdate({ kind: "none" });
    expect(runtime.store.get()).toMatchObject({ bursts: 4, rerated: [] });
    live.hooks().onError("Sheet 'Housing' could not be read.");
    expect(runtime.store.get().liveError).toBe("Sheet 'Housing' could not be read.");
  });

  test("a problem whose words change with the figures is not new again; the notice shows its current words (helper-128)", async () => {
    const { runtime, live } = setup({ liveColours: true });
    await runtime.start();
    const uncommented = (figure: number): Problem => ({ sheet: "Housing", cell: "G5", severity: "warning", message: `F5: Rated Alert with no commentary from the lead officer. ${figure} against a target of 100 is short.` });
    runtime.noteProblems([uncommented(43)]);
    live.hooks().onUpdate(records([uncommented(44)]));
    expect(runtime.store.get().newProblems).toEqual([]);
    live.hooks().onUpdate(records([uncommented(44), problem("F6")]));
    live.hooks().onUpdate(records([uncommented(45), { ...problem("F6"), message: "Actual cannot be read: about twelve" }]));
    expect(runtime.store.get().newProblems).toEqual([{ ...problem("F6"), message: "Actual cannot be read: about twelve" }]);
  });

  // review of f63cdcb: keyed by place and severity alone, two new problems at one cell (a quality note and "no Q3 figure",
  // both at the actual's cell) were listed as the same one twice at the next burst.
  test("two new problems at one cell stay two in the notice at the next burst", async () => {
    const { runtime, live } = setup({ liveColours: true });
    await runtime.start();
    runtime.noteProblems([]);
    const both = [
      { sheet: "Housing", cell: "E5", severity: "warning" as const, message: "F5: no Q3 figure" },
      { sheet: "Housing", cell: "E5", severity: "warning" as const, message: "F5: the figure is typed as text" },
    ];
    live.hooks().onUpdate(records(both));
    expect(runtime.store.get().newProblems).toEqual(both);
    live.hooks().onUpdate(records([...both, problem("F9")]));
    expect(runtime.store.get().newProblems).toEqual([problem("F9"), ...both]);
  });

  test("turning the drop-down help on saves it and restarts a running listener with it", async () => {
    const { runtime, live, saves } = setup({ liveColours: true });
    await runtime.start();
    await expect(runtime.setRatingHelp(true)).resolves.toMatch(/drop-down list/);
    expect(saves).toEqual([{ ratingHelp: true }]);
    expect(live.calls).toEqual(["start ratingHelp=false", "stop", "start ratingHelp=true"]);
    expect(runtime.store.get().ratingHelp).toBe(true);
  });

  test("turning the drop-down help on while Excel refuses to remove the handlers: the choice is saved, and the pane says live colours stopped", async () => {
    const refused = Object.assign(new Error("Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again."), { code: "InvalidOperationInCellEditMode" });
    const { runtime, live, saves, office } = setup({ liveColours: true });
    await runtime.start();
    live.port.stop = async () => {
      live.calls.push("stop refused");
      throw refused;
    };
    await expect(runtime.setRatingHelp(true)).rejects.toThrow(/^Your choice is saved, but live colours stopped: Excel is in cell-editing mode/);
    expect(saves).toEqual([{ ratingHelp: true }]);
    // Not started again on top of handlers Excel still has; the pane does not claim live colours are on.
    expect(live.calls).toEqual(["start ratingHelp=false", "stop refused", "stop refused"]);
    expect(runtime.store.get()).toMatchObject({ live: "off", ratingHelp: true });
    expect(office.seen.slice(-2)).toEqual(["startup None", "ribbon on=true off=false"]);
  });

  test("two quick clicks on the switch are taken in turn", async () => {
    const { runtime, live } = setup();
    const [on, off] = await Promise.all([runtime.setLiveColours(true), runtime.setLiveColours(false)]);
    expect(on).toMatch(/^Live colours are on/);
    expect(off).toMatch(/^Live colours are off/);
    expect(live.calls).toEqual(["start ratingHelp=false", "stop"]);
  });
});

describe("Office's shared-runtime APIs", () => {
  test("the ribbon update names the manifest's tab, group and both buttons", async () => {
    const requestUpdate = jest.fn(async () => undefined);
    await showLiveButtons({ isSetSupported: () => true, ribbon: { requestUpdate } }, true);
    expect(requestUpdate).toHaveBeenCalledWith({
      tabs: [{ id: "RagScorecard.Tab", groups: [{ id: "RagScorecard.Group", controls: [{ id: "RagScorecard.LiveOn", enabled: false }, { id: "RagScorecard.LiveOff", enabled: true }] }] }],
    });
  });

  test("a refused ribbon update is logged, not thrown; without RibbonApi 1.1 nothing is asked", async () => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const refused = { isSetSupported: () => true, ribbon: { requestUpdate: () => Promise.reject(new Error("SharedRuntime ID is missing")) } };
    await expect(showLiveButtons(refused, false)).resolves.toBe(false);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
    const requestUpdate = jest.fn();
    await expect(showLiveButtons({ isSetSupported: (name) => name !== "RibbonApi", ribbon: { requestUpdate } }, false)).resolves.toBe(false);
    expect(requestUpdate).not.toHaveBeenCalled();
  });

  test("the startup behaviour is only written when it changes", async () => {
    const office = fakeOffice();
    await setStartupForLive(office.host, false);
    await setStartupForLive(office.host, true);
    await setStartupForLive(office.host, true);
    expect(office.seen).toEqual(["startup Load"]);
  });
});
