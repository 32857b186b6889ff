// The indicator rule (RULES §4): actual against target, by polarity, within tolerance.
import { describeTolerance, readPolarity, readTolerance } from "../read/direction";
import { formatFigure, formatNumber, type LazyText } from "../vocab/format";
import { isNotDue, readValue } from "../read/values";
import type { CellValue, ComparatorResult, Direction, Level, QualityNote, Reading, Scheme, TargetOp, Tolerance, Unrated } from "../vocab/types";

export interface IndicatorInput {
  target?: CellValue;
  targetFormat?: string;
  annualTarget?: CellValue;
  annualTargetFormat?: string;
  actual?: CellValue;
  actualFormat?: string;
  polarity?: CellValue;
  tolerance?: CellValue;
  toleranceFormat?: string;
  /** The tolerance column's header says its figures are percentages ("Tolerance %"), or percentage points ("Tolerance (% pts)"). */
  toleranceUnit?: "percent" | "points";
  /** The rated actual is year-to-date: a missing period target is the annual one pro-rated. */
  yearToDate?: boolean;
  /** Elapsed share of the year (Q1 0.25 … Q4 1). */
  periodFraction?: number;
  /** The measure's name says it is a percentage or a proportion ("% of …", "… (%)"): namesAPercentage. */
  percentMeasure?: boolean;
}

/** A share of something, by its name: "% of …", "… (%)", "Percentage of …", "Proportion of …", "… per cent". */
const SHARE_NAME = /%|\bper ?cent(age)?\b|\bproportion\b/i;
/**
 * A change or a comparison, which can pass 100% as a figure: "% increase in …", "% change", "% of target".
 * "Fall" and "rise" only as a change ("% fall in crime"), not "% of older people who fall"; "against" alone
 * is no comparison ("% of applications determined against target time" is a share).
 */
const CHANGE_NAME = /\b(change|increase|decrease|growth|reduction|variance|difference)\b|\b(rise|fall)\s+(in|of|on)\b|(%|\bper ?cent(age)?|\bproportion) of (the )?(\w+ )?(target|budget|plan)\b/i;

/** RULES §3: a percentage above 100% on a measure named as a percentage or proportion is kept, and noted. */
export function namesAPercentage(name: string): boolean {
  return SHARE_NAME.test(name) && !CHANGE_NAME.test(name);
}

/**
 * The note RULES §3 asks for on a share above 100% ("103%" of something cannot be); the figure is kept.
 * Over 100% as the note shows it (to 0.01%): a formula's float noise (1.0000001, shown 100.0%) is not.
 */
function overWholeNote(value: number, input: IndicatorInput, quality: QualityNote[]): void {
  if (input.percentMeasure && Math.round(value * 10000) > 10000) quality.push({ about: "actual", text: `actual ${formatFigure(value, true)} is over 100%, but the measure is named as a percentage or proportion: check the figure` });
}

/** A target once read: a figure, with its operator where one is written ("less than 10"), or a band. */
export type Goal = Extract<Reading, { kind: "number" | "target" | "band" }>;
export type NumberReading = Extract<Reading, { kind: "number" }>;

export interface IndicatorResult {
  level: Level;
  /** What stopped the rule, where a cell is to blame (an unreadable figure, no direction). */
  unrated?: Unrated;
  /** Why this level; written out only when read (textOf). */
  reason: LazyText;
  /** Data-quality notes (percentages rescaled, contradicting polarity, unreadable tolerance…). */
  quality: QualityNote[];
  direction?: Direction;
  goal?: Goal;
  actual?: number;
  /** The tolerance used, where a miss was measured against it. */
  tolerance?: Tolerance;
}

const EPS = 1e-9;

/** The reading itself, not a copy: readings are never changed, and this runs for every record. */
function goalFrom(reading: Reading): Goal | undefined {
  return reading.kind === "number" || reading.kind === "target" || reading.kind === "band" ? reading : undefined;
}

function opOf(goal: Goal): TargetOp | undefined {
  return goal.kind === "target" ? goal.op : undefined;
}

function readingReason(reading: Reading, what: "target" | "actual"): string {
  if (reading.kind === "missing") return reading.reason && reading.reason !== "empty" ? reading.reason : what === "target" ? "no target" : "no actual";
  return `${what} "${reading.text}" is not a figure`;
}

/** The target to rate against: the period target, else the annual one (pro-rated for year-to-date counts). */
/** A reading no one can use as a figure: a formula error, or text that is neither a figure nor a phrase for none. */
function isUnreadable(reading: Reading): boolean {
  if (reading.kind !== "missing") return reading.kind !== "number";
  return reading.unreadable === true || reading.reason.startsWith("formula error");
}

/**
 * Why a missing actual is a problem at its cell (RULES §7), or undefined where it is not: an
 * unreadable figure or formula error, or no figure where the period's figure was due (blank, n/a,
 * "Not available"), unless the text says none was due ("Annually reported.").
 */
function missingActual(reading: Reading): Unrated | undefined {
  if (isUnreadable(reading)) return "unreadableActual";
  if (reading.kind === "missing" && !isNotDue(reading.text)) return "missingActual";
  return undefined;
}

function chooseGoal(input: IndicatorInput, quality: QualityNote[]): { goal?: Goal; reason: string; unreadable?: boolean } {
  const period = readValue(input.target ?? null, input.targetFormat);
  const periodGoal = goalFrom(period);
  if (periodGoal) return { goal: periodGoal, reason: "" };
  const annual = readValue(input.annualTarget ?? null, input.annualTargetFormat);
  const annualGoal = goalFrom(annual);
  if (!annualGoal) {
    const shown = period.kind === "missing" && period.text.trim() === "" && input.annualTarget != null ? annual : period;
    return { reason: readingReason(shown, "target"), unreadable: isUnreadable(shown) };
  }
  const fraction = input.periodFraction;
  if (!input.yearToDate || fraction === undefined || fraction >= 1 || annualGoal.kind === "band") return { goal: annualGoal, reason: "" };
  if (annualGoal.percent) {
    quality.push({ about: "annualTarget", text: `annual target ${annualGoal.text} is a rate, so it is not pro-rated` });
    return { goal: annualGoal, reason: "" };
  }
  return { goal: { ...annualGoal, value: annualGoal.value * fraction, text: `${annualGoal.text} × ${fraction}` }, reason: "" };
}

function opDirection(op: TargetOp | undefined): Direction | undefined {
  if (op === "<" || op === "<=") return "lower";
  if (op === ">" || op === ">=") return "higher";
  return undefined;
}

function isWithin(shortfall: number, bound: number, tolerance: Tolerance, percent: boolean): boolean {
  if (tolerance.kind === "relative") {
    if (Math.abs(bound) < EPS) return false; // a zero target leaves no room for a relative allowance
    return shortfall / Math.abs(bound) <= tolerance.value + EPS;
  }
  const allowed = tolerance.kind === "points" && percent ? tolerance.value / 100 : tolerance.value;
  return shortfall <= allowed + EPS;
}

function describeGoal(goal: Goal): string {
  if (goal.kind === "band") return `${formatFigure(goal.low, goal.percent)} to ${formatFigure(goal.high, goal.percent)}`;
  const words: Record<TargetOp, string> = { "<": "less than ", "<=": "no more than ", ">": "more than ", ">=": "at least " };
  const op = opOf(goal);
  return `${op ? words[op] : ""}${formatFigure(goal.value, goal.percent)}`;
}

/** Reads the direction of good performance: polarity column first, then the target's operator. */
export function indicatorDirection(polarity: CellValue | undefined, goal: Goal | undefined, quality: QualityNote[]): Direction | undefined {
  const fromColumn = readPolarity(polarity ?? undefined);
  const fromOp = goal ? opDirection(opOf(goal)) : undefined;
  if (typeof polarity === "string" && polarity.trim() && !fromColumn) quality.push({ about: "polarity", text: `polarity "${polarity.trim()}" is not recognised` });
  if (fromColumn && fromOp && fromColumn !== fromOp) {
    quality.push({ about: "polarity", text: `polarity says ${fromColumn} is better but the target "${goal?.text}" says ${fromOp}; polarity used` });
  }
  return fromColumn ?? fromOp;
}

export function computeIndicator(scheme: Scheme, input: IndicatorInput): IndicatorResult {
  const quality: QualityNote[] = [];
  const { goal, reason: noGoal, unreadable: targetUnreadable } = chooseGoal(input, quality);
  // Direction is read even when nothing can be rated: the trend still needs it.
  const direction = indicatorDirection(input.polarity, goal, quality);
  const actualReading = readValue(input.actual ?? null, input.actualFormat);
  if (actualReading.kind === "number" && actualReading.percent) overWholeNote(actualReading.value, input, quality);
  if (!goal) {
    // Reported for information, but a figure that cannot be read is still the officer's to mend.
    if (isUnreadable(actualReading)) quality.push({ about: "actual", text: `unreadable figure: ${readingReason(actualReading, "actual")}` });
    return { level: "dataonly", reason: noGoal, quality, direction, unrated: targetUnreadable ? "unreadableTarget" : undefined };
  }
  if (actualReading.kind !== "number") return { level: "nodata", reason: readingReason(actualReading, "actual"), quality, goal, direction, unrated: missingActual(actualReading) };

  if (!direction && goal.kind !== "band") return { level: "nodata", reason: "polarity not set: add a Polarity column or a target such as \"less than 10\"", quality, goal, unrated: "noDirection" };

  // Align percentages: 78.9 against 80% is 78.9%; 95.3% against a target typed as 95 is against 95%.
  let actual = actualReading.value;
  let percent = goal.percent || actualReading.percent;
  let target = goal;
  if (goal.percent && !actualReading.percent && Math.abs(actual) > 1) {
    actual = actual / 100;
    quality.push({ about: "actual", text: `actual ${actualReading.text} read as ${actualReading.text}% to match the percentage target` });
    // Now a percentage: 103 read as 103% of a share is over the whole, as a typed 103% is.
    overWholeNote(actual, input, quality);
  } else if (actualReading.percent && !goal.percent) {
    if (goal.kind !== "band" && Math.abs(goal.value) > 1) {
      target = { ...goal, value: goal.value / 100, percent: true, text: goal.text };
      quality.push({ about: "target", text: `target ${goal.text} read as ${goal.text}% to match the percentage actual` });
    }
    percent = true;
  }

  const tolerance = readToleranceOrDefault(scheme, input, quality, percent);
  let met: boolean;
  if (target.kind === "band") {
    met = actual >= target.low - EPS && actual <= target.high + EPS;
  } else {
    const op = opOf(target);
    const strict = (direction === "higher" && op === ">") || (direction === "lower" && op === "<");
    const slack = EPS * Math.max(1, Math.abs(target.value));
    if (direction === "higher") met = strict ? actual > target.value : actual >= target.value - slack;
    else met = strict ? actual < target.value : actual <= target.value + slack;
  }
  if (met) {
    const margin = scheme.exceedMargin;
    const beats = target.kind !== "band" && Math.abs(target.value) > EPS ? Math.abs(actual - target.value) / Math.abs(target.value) : 0;
    const ahead = margin !== undefined && beats > margin + EPS && scheme.indicator.some((s) => s.level === "ahead");
    return { level: ahead ? "ahead" : "good", reason: new TargetReason(actual, percent, target), quality, direction, goal: target, actual, tolerance };
  }
  const bound = boundOf(actual, target);
  const within = isWithin(Math.abs(actual - bound), bound, tolerance, percent);
  return { level: within ? "near" : "bad", reason: new TargetReason(actual, percent, target, tolerance), quality, direction, goal: target, actual, tolerance };
}

/**
 * Two figures in the same units: a plain number above 1 beside a percentage is read as one
 * (78.9 beside 80% is 78.9%), as against a target (RULES §3). Returns [a, b, either is a percentage].
 */
export function alignPercentages(a: NumberReading, b: NumberReading): [number, number, boolean] {
  if (b.percent && !a.percent && Math.abs(a.value) > 1) return [a.value / 100, b.value, true];
  if (a.percent && !b.percent && Math.abs(b.value) > 1) return [a.value, b.value / 100, true];
  return [a.value, b.value, a.percent || b.percent];
}

/**
 * Comparator status (RULES §4): the actual against a comparator average by the target rule, the
 * average in place of the target. Met (equal included) compares favourably; a miss within the
 * tolerance is within tolerance; a bigger miss compares negatively. Returns the average as compared.
 */
export function compareWithAverage(actual: NumberReading, average: NumberReading, direction: Direction, tolerance: Tolerance): { value: number; result: ComparatorResult } {
  const [a, value, percent] = alignPercentages(actual, average);
  const slack = EPS * Math.max(1, Math.abs(value));
  const met = direction === "higher" ? a >= value - slack : a <= value + slack;
  if (met) return { value, result: "favourable" };
  return { value, result: isWithin(Math.abs(a - value), value, tolerance, percent) ? "within" : "negative" };
}

/** The end of the goal a miss is measured from: the target, or the nearer end of a band. */
function boundOf(actual: number, goal: Goal): number {
  if (goal.kind !== "band") return goal.value;
  return Math.abs(actual - goal.low) <= Math.abs(actual - goal.high) ? goal.low : goal.high;
}

/**
 * "12 against a target of at least 10: met", "8 against a target of 10: 20% short, beyond the 5%
 * tolerance". Keeps the figures (a tolerance only for a miss) and writes the words when read.
 */
class TargetReason {
  constructor(
    private readonly actual: number,
    private readonly percent: boolean,
    private readonly goal: Goal,
    private readonly missedBy?: Tolerance,
  ) {}

  text(): string {
    const { actual, percent, goal, missedBy: tolerance } = this;
    const shown = `${formatFigure(actual, percent)} against a target of ${describeGoal(goal)}`;
    if (!tolerance) return `${shown}: met`;
    const bound = boundOf(actual, goal);
    const shortfall = Math.abs(actual - bound);
    const within = isWithin(shortfall, bound, tolerance, percent);
    return `${shown}: ${missText(shortfall, bound, tolerance, percent)}, ${within ? "within" : "beyond"} ${toleranceText(tolerance, percent)}`;
  }
}

/** The miss in the tolerance's own units: "3.57% short" (relative), "2.5 points short", "0.6 short". */
function missText(shortfall: number, bound: number, tolerance: Tolerance, percent: boolean): string {
  if (tolerance.kind === "points") {
    const points = formatNumber(percent ? shortfall * 100 : shortfall, 2);
    return `${points} point${points === "1" ? "" : "s"} short`;
  }
  if (tolerance.kind === "absolute") return `${formatFigure(shortfall, percent)} short`;
  return Math.abs(bound) > EPS ? `${formatFigure(shortfall / Math.abs(bound), true)} short` : `short by ${formatFigure(shortfall, percent)}`;
}

/** "the 5% tolerance", "the 2-point tolerance", "the tolerance of 0.5". */
function toleranceText(tolerance: Tolerance, percent: boolean): string {
  if (tolerance.kind === "points") return `the ${formatNumber(tolerance.value, 2)}-point tolerance`;
  if (tolerance.kind === "absolute") return `the tolerance of ${formatFigure(tolerance.value, percent)}`;
  return `the ${describeTolerance(tolerance)} tolerance`;
}

/** Under "Tolerance %" beside percentages, a figure below this is a fraction (0.05 is 5%); from it up, a per cent (0.25 is 0.25%). */
const FRACTION_TOLERANCE = 0.2;

/**
 * The indicator's tolerance: its Tolerance cell, else the scheme's (an unreadable cell is noted). A bare
 * number is in the measure's units (RULES §4), but under a header in per cent ("Tolerance %") it is a
 * percentage (5 is 5%, 0.25 is 0.25%; beside percentages, 0.05 is a fraction, 5%), under one in points it is points, and from 1 up
 * on a percentage measure it is percentage points: as a fraction, "5" beside 90% allowed a miss of
 * 500 points, so every miss was amber.
 */
export function readToleranceOrDefault(scheme: Scheme, input: IndicatorInput, quality: QualityNote[], percentMeasure = false): Tolerance {
  if (input.tolerance === undefined || input.tolerance === null || input.tolerance === "") return scheme.tolerance;
  const parsed = readTolerance(input.tolerance, input.toleranceFormat);
  if (parsed?.kind === "absolute" && input.toleranceUnit === "points") return { kind: "points", value: parsed.value };
  // Under a header in per cent, 0.25 is 0.25% (helper-99), but beside percentages held as fractions, 0.05
  // is 5% (helper-98): below FRACTION_TOLERANCE a fraction, the likelier of two readings.
  if (parsed?.kind === "absolute" && input.toleranceUnit === "percent") return { kind: "relative", value: percentMeasure && parsed.value < FRACTION_TOLERANCE ? parsed.value : parsed.value / 100 };
  if (parsed?.kind === "absolute" && percentMeasure && parsed.value >= 1) {
    quality.push({ about: "tolerance", text: `tolerance ${formatNumber(parsed.value, 4)} read as ${formatNumber(parsed.value, 4)} percentage points on a percentage measure` });
    return { kind: "points", value: parsed.value };
  }
  if (parsed) return parsed;
  quality.push({ about: "tolerance", text: `tolerance "${String(input.tolerance)}" is not understood; the scheme's ${describeTolerance(scheme.tolerance)} is used` });
  return scheme.tolerance;
}
