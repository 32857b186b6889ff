// `rag-scorecard evaluate <cases.json>`: try the rules on cases without a workbook (PRODUCT.md, CLI contract).
import { presetByKey } from "../engine/scheme/presets";
import { parseReportingPeriod, periodFraction } from "../engine/read/periods";
import { rateActivity, rateIndicator } from "../engine/rate/rate";
import { computeTrend } from "../engine/rate/trend";
import { namesAPercentage } from "../engine/rate/indicator";
import { readPolarity } from "../engine/read/direction";
import type { CellValue, Scheme } from "../engine/vocab/types";

export interface EvaluateResult {
  id: string;
  result: string;
  level?: string;
  check: boolean;
  reason: string;
}

type Case = Record<string, unknown> & { id?: unknown; preset?: unknown };

function cell(value: unknown): CellValue {
  if (value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean" || value === null) return value;
  return String(value);
}

/** A cell's number format where the case gives one ("dueFormat": "mmm-yy"): a serial's reading can hang on it. */
function format(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function schemeOf(c: Case, where: string): Scheme {
  const key = typeof c.preset === "string" ? c.preset : "rag";
  const scheme = presetByKey(key);
  if (!scheme) throw new Error(`${where}: unknown preset "${key}" (use rag, dudley, pentana or cannock)`);
  return scheme;
}

function evaluateIndicator(c: Case, where: string): EvaluateResult {
  const scheme = schemeOf(c, where);
  const rating = rateIndicator(scheme, {
    target: cell(c.target),
    targetFormat: format(c.targetFormat),
    actual: cell(c.actual),
    actualFormat: format(c.actualFormat),
    annualTarget: cell(c.annualTarget),
    polarity: cell(c.polarity),
    tolerance: cell(c.tolerance),
    manual: cell(c.manual),
    yearToDate: c.yearToDate === true,
    periodFraction: typeof c.period === "string" ? periodFraction(parseReportingPeriod(c.period)) : undefined,
    // The measure's name, where the case gives one: a share above 100% is noted (RULES §3).
    percentMeasure: typeof (c.name ?? c.definition) === "string" ? namesAPercentage(String(c.name ?? c.definition)) : undefined,
  });
  return { id: String(c.id), result: rating.status, level: rating.level, check: rating.checks.length > 0, reason: rating.reason };
}

function evaluateActivity(c: Case, where: string): EvaluateResult {
  const scheme = schemeOf(c, where);
  const rating = rateActivity(scheme, {
    manual: cell(c.manual),
    progress: cell(c.progress),
    progressFormat: format(c.progressFormat),
    due: cell(c.due),
    dueFormat: format(c.dueFormat),
    start: cell(c.start),
    startFormat: format(c.startFormat),
    reportDate: typeof c.reportDate === "string" ? c.reportDate : undefined,
  });
  return { id: String(c.id), result: rating.status, level: rating.level, check: rating.checks.length > 0, reason: rating.reason };
}

function evaluateTrend(c: Case, where: string): EvaluateResult {
  const scheme = schemeOf(c, where);
  if (!Array.isArray(c.series) || !c.series.every((v) => typeof v === "number")) throw new Error(`${where}: "series" must be an array of numbers`);
  const direction = readPolarity(cell(c.polarity));
  const trend = computeTrend(c.series as number[], {
    direction,
    periods: typeof c.trendPeriods === "number" ? c.trendPeriods : scheme.trendPeriods,
    staticBand: scheme.staticBand,
  });
  return { id: String(c.id), result: trend, check: false, reason: direction ? `${direction} is better` : "polarity not set" };
}

/** Evaluates every case of a parsed cases file. Throws with the case's place on malformed input. */
export function evaluateCases(data: unknown): { results: EvaluateResult[] } {
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error("the cases file must hold a JSON object with arrays indicators, activities, trends");
  const groups = data as Record<string, unknown>;
  // A file with none of them evaluates nothing: said, not answered with an empty list and exit 0.
  if (!["indicators", "activities", "trends"].some((k) => groups[k] !== undefined)) throw new Error("the cases file holds no indicators, activities or trends");
  const results: EvaluateResult[] = [];
  const run = (name: string, fn: (c: Case, where: string) => EvaluateResult) => {
    const list = groups[name];
    if (list === undefined) return;
    if (!Array.isArray(list)) throw new Error(`"${name}" must be an array`);
    list.forEach((c, i) => {
      const where = `${name}[${i}]`;
      if (!c || typeof c !== "object") throw new Error(`${where} must be an object`);
      results.push(fn(c as Case, where));
    });
  };
  run("indicators", evaluateIndicator);
  run("activities", evaluateActivity);
  run("trends", evaluateTrend);
  return { results };
}
