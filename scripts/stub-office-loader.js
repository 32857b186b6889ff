// A stub of Office's loader for the ribbon's function file, as desktop Excel (Windows, Mac) behaves:
//  - it loads the page the manifest's FunctionFile names, running its local scripts in order in jsdom;
//  - Office.context is empty until Office has initialised the page (readyDelayMs after load), as
//    office.js's getter is, so a page that reads Office.context.requirements at load fails here too;
//  - it dispatches an ExecuteFunction click only once Office has initialised and the page has called
//    Office.onReady() or set Office.initialize (Microsoft's "Initialize your Office Add-in"; Excel on
//    the web does not wait);
//  - it closes a command's runtime five minutes after the click if event.completed() has not come
//    (Microsoft's "Add-in commands"), and records that as a failure.
// Time is virtual: the page's setTimeout runs on `clock`, which a test advances.
// Used by scripts/check-function-file.js and test/commands/function-file.test.ts.
"use strict";

const fs = require("fs");
const path = require("path");

const LIFETIME_MS = 5 * 60 * 1000;

/** A virtual clock for the page's timers. advance() runs due timers in order and lets promises settle. */
function createClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  const clock = {
    now: () => now,
    setTimeout(fn, ms = 0, ...args) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, Number(ms) || 0), fn: () => fn(...args) });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    /** Moves time forward by ms, firing every timer due on the way. */
    async advance(ms) {
      const end = now + ms;
      await settle();
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await settle();
      }
      now = end;
      await settle();
    },
    settle,
  };
  return clock;
}

/** The FunctionFile page's file name and every FunctionName, from manifest XML. */
function readManifest(manifestXml) {
  const functionNames = [...new Set([...manifestXml.matchAll(/<FunctionName>\s*([^<\s]+)\s*<\/FunctionName>/g)].map((m) => m[1]))];
  const resid = (manifestXml.match(/<FunctionFile\s+resid="([^"]+)"/) || [])[1];
  const url = resid && (manifestXml.match(new RegExp(`<bt:Url\\s+id="${resid.replace(/\./g, "\\.")}"\\s+DefaultValue="([^"]+)"`)) || [])[1];
  const page = url ? url.split(/[?#]/)[0].split("/").pop() : undefined;
  return { functionNames, functionFile: page, functionFileUrl: url };
}

/** True when a script parses as ES2019 (the newest syntax Edge Legacy understands, roughly): an old webview runs it. */
function parsesInOldWebview(source) {
  const acorn = require("acorn");
  try {
    acorn.parse(source, { ecmaVersion: 2019, sourceType: "script" });
    return true;
  } catch {
    return false;
  }
}

function compareVersions(a, b) {
  const pa = String(a).split(".").map(Number);
  const pb = String(b).split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d) return d;
  }
  return 0;
}

/**
 * Loads the function file. Options:
 *   webDir        folder of the built site (dist/web)
 *   manifestXml   manifest text (names the page and the functions)
 *   excel         { run(batch), runIn?(context, batch) } used for Excel.run (the fake Excel); default: Excel.run throws
 *   excelApi      highest ExcelApi version this Excel supports (default "1.20")
 *   context       false: Office.context is missing (Office failed to start the add-in)
 *   oldWebview    true: scripts that do not parse as ES2019 are skipped, as Edge Legacy would
 *   readyDelayMs  how long after load Office finishes initialising the page (virtual ms; default 0)
 */
function loadFunctionFile(options) {
  const { JSDOM, VirtualConsole } = require("jsdom");
  const { webDir, manifestXml } = options;
  const manifest = readManifest(manifestXml);
  const clock = createClock();
  const log = { errors: [], loadErrors: [] };
  const pageName = manifest.functionFile;
  if (!pageName || !fs.existsSync(path.join(webDir, pageName))) {
    throw new Error(`function file page ${pageName || "(none named in the manifest)"} is not in ${webDir}`);
  }
  const html = fs.readFileSync(path.join(webDir, pageName), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) => m[1] || m[2] || m[3]).filter((s) => !/^https?:/.test(s));
  if (!scripts.length) throw new Error(`${pageName} loads no local script`);

  const virtualConsole = new VirtualConsole();
  virtualConsole.on("error", (...args) => log.errors.push(args.map(String).join(" ")));
  virtualConsole.on("jsdomError", (e) => log.errors.push(String(e && e.message)));
  const origin = "https://localhost:3000";
  const dom = new JSDOM(html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ""), { runScripts: "outside-only", url: `${origin}/${pageName}`, virtualConsole });
  const w = dom.window;
  w.setTimeout = clock.setTimeout;
  w.clearTimeout = clock.clearTimeout;
  // performance.now() is milliseconds since the page began loading, which is virtual time 0 here.
  Object.defineProperty(w.performance, "now", { value: () => clock.now(), configurable: true });

  // ready: the page has called onReady or set initialize; initialised: Office has finished starting it.
  const state = { ready: false, initialised: false, onReadyCalls: 0, initializeSet: false, associated: new Map(), dialogs: [], clicks: [], queued: [], requirementChecks: [], readyAt: undefined };
  const readyInfo = { host: "Excel", platform: "PC" };
  const canDispatch = () => state.ready && state.initialised;
  // Desktop dispatches the clicks it held back once both have happened.
  const releaseQueued = () => {
    if (canDispatch()) Promise.resolve().then(() => state.queued.splice(0).forEach(dispatch));
  };
  const markReady = () => {
    if (state.ready) return;
    state.ready = true;
    releaseQueued();
  };
  let finishInitialising;
  const initialised = new Promise((resolve) => (finishInitialising = resolve));
  clock.setTimeout(() => {
    state.initialised = true;
    state.readyAt = clock.now();
    finishInitialising(readyInfo);
    releaseQueued();
  }, options.readyDelayMs || 0);

  const supported = options.excelApi || "1.20";
  const office = {
    onReady(callback) {
      state.onReadyCalls++;
      markReady();
      const p = initialised.then(() => readyInfo);
      if (callback) p.then(callback);
      return p;
    },
    actions: {
      associate(name, fn) {
        state.associated.set(name, fn);
      },
    },
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", Mac: "Mac", OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  };
  Object.defineProperty(office, "initialize", {
    set(handler) {
      state.initializeSet = true;
      markReady();
      if (typeof handler === "function") initialised.then(() => handler("inserted"));
    },
    get() {
      return undefined;
    },
  });
  let context;
  // office.js's Office.context is a getter over an empty object until Office has initialised the page
  // (OSF._OfficeAppFactory's `_context = {}`): no requirements, no ui.
  const uninitialised = {};
  Object.defineProperty(office, "context", { get: () => (state.initialised ? context : uninitialised) });
  if (options.context !== false) {
    context = {
      requirements: {
        isSetSupported: (name, version) => {
          state.requirementChecks.push(clock.now());
          return name === "ExcelApi" && compareVersions(version || "1.1", supported) <= 0;
        },
      },
      ui: {
        displayDialogAsync(url, _opts, callback) {
          // As Office: one dialog at a time from a window; another is refused with 12007 while one is open.
          if (state.dialogs.some((d) => d.closedAt === undefined)) {
            Promise.resolve().then(() => callback({ status: "failed", error: { code: 12007, message: "A dialog box is already opened from this host window." } }));
            return;
          }
          const dialog = {
            url,
            notice: (() => {
              const raw = new URL(url).searchParams.get("notice");
              try {
                return raw && JSON.parse(raw);
              } catch {
                return raw;
              }
            })(),
            openedAt: clock.now(),
            closedAt: undefined,
            closedBy: undefined,
            handlers: {},
            addEventHandler(type, handler) {
              (dialog.handlers[type] = dialog.handlers[type] || []).push(handler);
            },
            close() {
              // As Office's: the dialog goes a moment later (a dialog asked for at once may still get 12007).
              if (dialog.closedAt === undefined && !dialog.closing) {
                dialog.closing = true;
                clock.setTimeout(() => Object.assign(dialog, { closedAt: clock.now(), closedBy: "add-in" }), 100);
              }
            },
            /** The user closes the dialog with its X: Office sends event 12006. */
            userCloses() {
              Object.assign(dialog, { closedAt: clock.now(), closedBy: "user" });
              (dialog.handlers[office.EventType.DialogEventReceived] || []).forEach((h) => h({ error: 12006 }));
            },
          };
          state.dialogs.push(dialog);
          Promise.resolve().then(() => callback({ status: "succeeded", value: dialog }));
        },
        messageParent() {},
      },
    };
  }
  w.Office = office;
  w.Excel = {
    run: (...args) => {
      const batch = args[args.length - 1];
      if (!options.excel) return Promise.reject(new Error("Excel.run was not expected here"));
      // Excel.run(context, batch): a batch in an earlier request context (removing event handlers needs it).
      const first = args[0];
      if (args.length > 1 && first && typeof first.sync === "function" && options.excel.runIn) return options.excel.runIn(first, batch);
      return options.excel.run(batch);
    },
  };

  function dispatch(click) {
    const fn = state.associated.get(click.name);
    click.dispatchedAt = clock.now();
    if (typeof fn !== "function") {
      click.error = `no function associated with ${click.name}`;
      return;
    }
    try {
      fn(click.event);
    } catch (e) {
      click.error = `threw: ${e && e.message}`;
    }
  }

  for (const src of scripts) {
    const file = path.join(webDir, src.replace(/^\.?\//, "").split(/[?#]/)[0]);
    const source = fs.readFileSync(file, "utf8");
    if (options.oldWebview && !parsesInOldWebview(source)) continue; // a parse error: the browser skips the file
    try {
      w.eval(source);
    } catch (e) {
      log.loadErrors.push(`${src}: ${e && e.message}`);
    }
  }

  return {
    manifest,
    scripts,
    clock,
    state,
    log,
    window: w,
    /** A ribbon click, as desktop Excel delivers it; resolves nothing, read click.completedAt / click.killed. */
    click(name) {
      const click = { name, at: clock.now(), completedAt: undefined, killed: false, dispatchedAt: undefined, error: undefined };
      click.event = {
        source: { id: name },
        completed() {
          if (click.completedAt === undefined && !click.killed) click.completedAt = clock.now();
        },
      };
      clock.setTimeout(() => {
        if (click.completedAt === undefined) click.killed = true; // Office closes the runtime
      }, LIFETIME_MS);
      state.clicks.push(click);
      if (canDispatch()) Promise.resolve().then(() => dispatch(click));
      else state.queued.push(click);
      return click;
    },
    close: () => w.close(),
  };
}

/** The check the shared tool makes: onReady (or initialize) at load, and every FunctionName associated. */
async function checkFunctionFile(options) {
  const loaded = loadFunctionFile(options);
  await loaded.clock.advance(200);
  const names = [...loaded.state.associated.entries()].filter(([, fn]) => typeof fn === "function").map(([n]) => n);
  const missing = loaded.manifest.functionNames.filter((n) => !names.includes(n));
  const problems = [...loaded.log.loadErrors.map((e) => `function file threw at load: ${e}`)];
  if (!loaded.state.ready) problems.push("never calls Office.onReady() or sets Office.initialize at load: desktop Excel would never dispatch a ribbon click");
  if (missing.length) problems.push(`not associated: ${missing.join(", ")}`);
  loaded.close();
  return { ok: problems.length === 0, problems, page: loaded.manifest.functionFile, associated: names, wanted: loaded.manifest.functionNames };
}

module.exports = { loadFunctionFile, checkFunctionFile, readManifest, createClock, parsesInOldWebview, LIFETIME_MS };
