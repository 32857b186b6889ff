// Engine speed for one tracker size, in a fresh process so earlier sizes leave no garbage behind.
//   node bench/engine.js <records> [runs]        prints one JSON line
// rateWorkbook is classification (detect → records → rate); runScorecard is the whole engine
// (classification plus every sheet plan: colours, summary, rules sheet).
"use strict";

const path = require("path");
const { generate, toGrids } = require("./generate");

const DIST = path.join(__dirname, "..", "dist", "engine");
const { rateWorkbook } = require(path.join(DIST, "rate", "workbook.js"));
const { runScorecard } = require(path.join(DIST, "scorecard.js"));
const { presetByKey } = require(path.join(DIST, "scheme", "presets.js"));
const periods = require(path.join(DIST, "read", "periods.js"));

const parsePeriod = periods.parseReportingPeriod ?? periods.parsePeriod; // renamed in cb5ca44


const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time, and CPU time of this process (less sensitive to other work on the machine; GC threads count too). */
function time(fn) {
  const c = process.cpuUsage();
  const t = performance.now();
  const result = fn();
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(c);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

function main() {
  const records = Number(process.argv[2]);
  const runs = Number(process.argv[3] ?? 5);
  const model = generate(records);
  const grids = toGrids(model);
  const { preset, period, reportDate } = model.settings;
  const rateOptions = { scheme: presetByKey(preset), period: parsePeriod(period), reportDate };

  const rate = [];
  const rateCpu = [];
  let rated = 0;
  let counts;
  for (let i = 0; i < runs; i++) {
    const r = time(() => rateWorkbook(grids, rateOptions));
    rate.push(r.ms);
    rateCpu.push(r.cpuMs);
    rated = r.result.rated.length;
    counts = r.result.counts;
  }
  const whole = [];
  let plans = 0;
  for (let i = 0; i < Math.max(1, runs - 2); i++) {
    const r = time(() => runScorecard(grids, { preset, period, reportDate, today: "2024-01-01", ownedSheets: [] }));
    whole.push(r.ms);
    plans = r.result.plans.length;
  }
  const rateMs = median(rate);
  process.stdout.write(
    JSON.stringify({
      records,
      sheetRows: grids.reduce((n, g) => n + g.values.length, 0),
      rated,
      counts,
      plans,
      rateColdMs: rate[0],
      rateMs,
      rateRuns: rate,
      rateCpuMs: median(rateCpu),
      rowsPerSecond: Math.round(rated / (rateMs / 1000)),
      scorecardMs: median(whole),
      scorecardRuns: whole,
    }) + "\n",
  );
}

main();
