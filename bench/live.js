// Live colours (issue 13) on one tracker size, in a fresh process.
//   node bench/live.js <records> [edits]        prints one JSON line
// live_ms: the incremental engine's time to re-rate after one typed figure (applyEdits on the session
// startLive made), the median of many single-cell edits on random indicator rows.
// live_syncs: the requests one edit's burst makes, from the Office.js listener on the fake Excel
// (src/excel/live measureLiveEdit), the workbook coloured first by Apply colours.
// live_modelled_ms: that burst end to end in Excel on the web, with bench/model.js's stated costs
// (syncs × round trip + operations + bytes) plus the engine's time in the burst.
"use strict";

const fs = require("fs");
const path = require("path");
const { generate, toGrids, toFakeInit, prng } = require("./generate");
const { COSTS, modelledMs, totals } = require("./model");

const JS = path.join(__dirname, "out", "js");
const { startLive, applyEdits } = require(path.join(JS, "engine", "live", "index.js"));
const { toA1 } = require(path.join(JS, "engine", "vocab", "address.js"));

const TODAY = "2024-01-01";
const HOST_EDITS = 5;
const PASTE_ROWS = 500;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Every indicator row with a rated actual column: the cells an officer types figures into. */
function figureCells(session) {
  const cells = [];
  for (const sheet of session.sheets) {
    for (const t of sheet.tables) {
      if (!t.plan.actual) continue;
      for (const row of sheet.rated.keys()) if (row >= t.spec.firstRow && row <= t.spec.lastRow) cells.push({ sheet: sheet.grid.name, row, col: t.plan.actual.col });
    }
  }
  return cells;
}

/** A figure as officers type it: mostly numbers, sometimes text the rules read or cannot read. */
function figure(rand) {
  const r = rand();
  if (r < 0.7) return Math.round(rand() * 20000) / 10;
  if (r < 0.8) return `${Math.round(rand() * 1000)}%`;
  if (r < 0.9) return "Not available";
  return (Math.round(rand() * 5000)).toLocaleString("en-GB");
}

function engineSide(grids, options, edits) {
  let t = performance.now();
  const { session } = startLive(grids, options);
  const startMs = performance.now() - t;
  const cells = figureCells(session);
  const rand = prng(13);
  const times = [];
  const cpuTimes = [];
  const kinds = {};
  for (let i = 0; i < edits; i++) {
    const cell = cells[Math.floor(rand() * cells.length)];
    const edit = { ...cell, value: figure(rand) };
    const cpu = process.cpuUsage();
    t = performance.now();
    const update = applyEdits(session, [edit]);
    times.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    kinds[update.kind] = (kinds[update.kind] ?? 0) + 1;
  }
  // A paste of 500 rows of figures down one table: one call.
  const column = cells.filter((c) => c.sheet === cells[0].sheet && c.col === cells[0].col).slice(0, PASTE_ROWS);
  t = performance.now();
  const paste = applyEdits(session, column.map((c, i) => ({ ...c, value: i * 3 })));
  const pasteMs = performance.now() - t;
  return {
    startMs,
    figureCells: cells.length,
    edits,
    live_ms: median(times),
    p95Ms: percentile(times, 0.95),
    maxMs: Math.max(...times),
    firstMs: times[0],
    // CPU time of this process (other jobs on the machine do not count; GC threads do): the work itself.
    cpuMedianMs: median(cpuTimes),
    cpuP95Ms: percentile(cpuTimes, 0.95),
    kinds,
    paste: { rows: column.length, ms: pasteMs, kind: paste.kind, rerated: paste.kind === "records" ? paste.rerated.length : 0 },
  };
}

/** The listener on the fake (src/excel/live), where it is built: the requests and the modelled time of one edit's burst. */
async function hostSide(model, settings, cells, rand) {
  const liveIndex = path.join(JS, "excel", "live", "index.js");
  if (!fs.existsSync(liveIndex)) return { missing: "src/excel/live is not built: no measureLiveEdit to drive" };
  const { measureLiveEdit } = require(liveIndex);
  const { applyColoursCommand } = require(path.join(JS, "excel", "index.js"));
  const { createFakeExcel } = require(path.join(JS, "fake-excel", "index.js"));
  if (typeof measureLiveEdit !== "function") return { missing: "src/excel/live has no measureLiveEdit" };
  const fake = createFakeExcel(toFakeInit(model));
  await applyColoursCommand(fake.run, { ...settings, columnOverrides: [] }, TODAY);
  const bursts = [];
  for (let i = 0; i < HOST_EDITS; i++) {
    const cell = cells[Math.floor(rand() * cells.length)];
    // The listener reads stats.syncs just before the edit and again after: the requests in between are the burst's.
    let mark = -1;
    const workbook = {
      run: fake.run,
      runWith: fake.runWith,
      user: fake.user,
      stats: {
        get syncs() {
          if (mark < 0) mark = fake.stats.requests.length;
          return fake.stats.requests.length;
        },
      },
    };
    const m = await measureLiveEdit(workbook, { sheet: cell.sheet, address: toA1(cell.row, cell.col), value: Math.round(rand() * 20000) / 10 }, TODAY);
    const burst = totals({ requests: fake.stats.requests.slice(mark, mark + m.live_syncs) });
    bursts.push({ cell: `${cell.sheet}!${toA1(cell.row, cell.col)}`, live_syncs: m.live_syncs, engineMs: m.live_ms, kind: m.report.kind, ops: burst.ops, bytes: burst.requestBytes + burst.responseBytes, modelledMs: modelledMs(burst, m.live_ms) });
  }
  return {
    live_syncs: Math.max(...bursts.map((b) => b.live_syncs)),
    live_modelled_ms: median(bursts.map((b) => b.modelledMs)),
    bursts,
  };
}

async function main() {
  const records = Number(process.argv[2]);
  const edits = Number(process.argv[3] ?? 200);
  const model = generate(records);
  const { preset, period, reportDate } = model.settings;
  const options = { preset, period, reportDate, today: TODAY, ownedSheets: [] };
  const engine = engineSide(toGrids(model), options, edits);
  const { session } = startLive(toGrids(model), options);
  let host;
  try {
    host = await hostSide(model, model.settings, figureCells(session), prng(2026));
  } catch (e) {
    host = { failed: String(e && e.stack ? e.stack : e).slice(0, 2000) };
  }
  const out = {
    records,
    live_ms: engine.live_ms,
    live_syncs: host.live_syncs ?? null,
    live_modelled_ms: host.live_modelled_ms ?? null,
    costs: COSTS,
    engine,
    host,
  };
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
