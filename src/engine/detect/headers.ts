// Column roles from header text. The vocabulary is data; the code only normalises and looks up.
import type { ColumnMapping, PeriodInfo, Role } from "../vocab/types";
import { PRESETS } from "../scheme/presets";

/** Header of the add-in's own computed status column. */
export const GENERATED_STATUS_HEADER = "Status (auto)";
/** Beside it, where the rules disagree with an officer's rating. */
export const GENERATED_CHECK_HEADER = "Check (auto)";

/** A heading Apply colours writes (Status (auto), Check (auto)), in any case. */
export function isOurHeading(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === GENERATED_STATUS_HEADER.toLowerCase() || t === GENERATED_CHECK_HEADER.toLowerCase();
}

/** The symbols the presets' status texts start with ("✓" of "✓ On target"). */
const PRESET_SYMBOLS = new Set(Object.values(PRESETS).flatMap((s) => [...s.indicator, ...s.activity].map((x) => x.symbol)));

/**
 * Text shaped like what Apply colours writes in its own columns: its headings, or a status ("▲ Alert",
 * "✓ On target (officer)"): a preset's symbol (or one of `symbols`, a scheme's own) and a space.
 * "Q1 Actual", "Due date", "≥ 95%" or "% Complete" there is an officer's.
 */
export function looksLikeOurs(text: string, symbols?: ReadonlySet<string>): boolean {
  if (isOurHeading(text)) return true;
  const t = text.trim();
  const space = t.indexOf(" ");
  if (space <= 0) return false;
  const first = t.slice(0, space);
  return PRESET_SYMBOLS.has(first) || (symbols?.has(first) ?? false);
}

/** Roles that say which row this is: a table needs one of them. */
export const IDENTITY_ROLES: ReadonlySet<Role> = new Set<Role>(["ref", "name", "refAndName", "description"]);

/**
 * Whole headers (after normalising: lower case, "&" and "+" as "and", "%" as "percent",
 * other punctuation dropped). Checked first, so common headers never depend on rule order.
 */
const EXACT_HEADERS: [Role, string[]][] = [
  ["ref", ["ref", "ref no", "reference", "code", "id", "no", "number", "pi code", "pi ref", "pi no", "kpi code", "kpi ref", "kpi id", "kpi no", "action code", "action ref", "action id", "action no", "indicator code", "indicator ref", "indicator id", "measure code", "measure ref", "priority ref", "ref code", "task ref", "project code", "project ref", "item"]],
  ["refAndName", ["kpi", "pi", "code and short name", "code and name", "code name", "ref and name", "ref name", "reference and title", "ref and title", "code and title", "action title"]],
  ["name", ["name", "short name", "pi name", "kpi name", "indicator", "indicator name", "indicator title", "performance indicator", "key performance indicator", "performance indicators", "performance measure", "measure title", "kpi title", "pi title", "name of indicator", "indicator definition", "pi definition", "measure", "measure name", "definition", "title", "action", "activity", "key activity", "task", "key task", "project", "project name", "milestone", "deliverable", "initiative", "commitment", "action name", "action and progress update", "what we will do", "what will we do", "what"]],
  ["description", ["description", "action description", "project description", "indicator description", "kpi description", "pi description", "details", "detail", "summary"]],
  ["directorate", ["directorate", "direct", "dir", "dept", "department", "service", "service area", "division", "business unit", "team"]],
  ["priority", ["priority", "priorities", "theme", "objective", "strategic objective", "outcome area", "corporate priority", "council priority", "strategic priority", "ambition", "pillar", "goal"]],
  ["committee", ["committee", "select committee", "scrutiny", "scrutiny committee", "scrutiny panel", "panel", "reporting committee", "board"]],
  ["lead", ["lead", "lead officer", "lead officer name", "officer name", "responsible officer", "responsible officer name", "owner", "owner name", "lead name", "managed by", "officer", "responsible", "accountable officer", "lead member", "assigned to", "responsible person", "manager", "contact", "who", "by whom", "who is responsible", "lead person"]],
  ["frequency", ["frequency", "freq", "reporting frequency", "how often"]],
  ["polarity", ["polarity", "good performance is", "good is", "direction", "desired direction", "higher or lower is better", "better is", "aim"]],
  ["unit", ["unit", "units", "unit of measure", "measure type"]],
  ["tolerance", ["tolerance", "variance", "amber tolerance", "amber variance", "red variance", "threshold"]],
  ["manual", ["status", "rating", "rag", "rag status", "rag rating", "traffic light", "performance status", "current status", "overall status", "alert", "assessment", "progress rag", "progress rating", "progress status", "rag progress"]],
  ["comment", ["comment", "comments", "update", "updates", "notes", "note", "commentary", "progress update", "remedial action", "narrative", "explanation", "latest update", "corrective action", "action taken"]],
  ["outcome", ["outcome", "outcomes", "expected outcome", "intended outcome", "success measure", "success criteria", "impact"]],
  ["progress", ["progress", "percent complete", "percentage complete", "complete", "percent progress", "progress percent", "completion percent"]],
  ["start", ["start", "start date", "date started", "commenced", "commencement date"]],
  ["due", ["due", "due date", "target date", "deadline", "end date", "completion date", "date due", "due by", "target completion date", "finish date", "timescale", "timescales", "by when", "revised date", "new date", "date for completion", "target for completion", "planned end date", "expected end date", "date of completion", "completion by", "complete by", "to be completed by", "timeframe", "timeframes", "time frame", "time frames", "target timeframe", "when", "implementation date", "target implementation date", "key date", "key dates"]],
  ["comparator", ["comparator", "benchmark", "quartile", "cipfa", "national average", "england average", "family group", "statistical neighbours", "rank"]],
  ["annualTarget", ["target", "targets", "tgt", "annual target", "year end target", "full year target"]],
  ["actual", ["actual", "actuals", "outturn", "latest", "current", "current value", "value", "baseline", "result", "performance", "perf", "achieved", "position", "current position", "latest data", "ytd", "year to date"]],
  ["ignore", ["trend", "dot", "direction of travel", "icon", "year", "symbol"]],
  ["comment", ["performance summary", "position statement", "summary of performance", "progress summary"]],
];

/**
 * Words or phrases a header contains, tried in this order when no whole header matched:
 * the order settles "Target Date" (due, not target) and "Progress Update" (comment, not progress).
 * A target rule gives annualTarget or periodTarget by the period the header names.
 */
const PHRASE_RULES: [Role, string[]][] = [
  ["ignore", ["direction of travel", "trend", "previous status", "previous rating", "last status"]],
  ["comparator", ["average", "comparator", "comparison", "family group", "national", "cipfa", "statistical neighbour", "statistical neighbours", "nearest neighbours", "quartile", "benchmark", "england", "regional", "rank", "ranking", "peer"]],
  // "Revised Date", "New date", "Date for completion" are whole headers only (EXACT_HEADERS): as phrases they
  // took "Reason for revised date" and "Officer responsible for completion" for the due date (helper-108).
  ["due", ["due date", "target date", "deadline", "end date", "completion date", "date due", "due by", "target completion", "finish date", "timescale", "timescales", "by when", "milestone date", "expected completion"]],
  ["start", ["start date", "date started", "commencement", "start"]],
  ["comment", ["comment", "comments", "commentary", "update", "updates", "notes", "note", "narrative", "remedial", "corrective", "explanation", "action taken", "actions taken", "mitigation"]],
  ["tolerance", ["tolerance", "variance", "threshold"]],
  ["polarity", ["polarity", "good performance", "good is", "better", "direction", "desired", "higher or lower", "high or low", "aim to"]],
  ["manual", ["status", "rating", "rag", "traffic light", "alert", "red amber green"]],
  ["progress", ["percent complete", "percentage complete", "complete", "progress", "completion", "percent done"]],
  // A forecast is not the period's actual ("Forecast Outturn", "Projected year end"; helper-90). After the
  // dates, ratings and comments above: "Forecast completion date", "Forecast RAG", "Update and forecast".
  ["ignore", ["forecast", "projected", "projection"]],
  ["annualTarget", ["target", "targets", "tgt"]],
  ["actual", ["actual", "actuals", "act", "achieved", "outturn", "out turn", "result", "results", "performance", "value", "latest", "current", "baseline", "position", "figure", "ytd", "year to date", "cumulative", "score"]],
  ["refAndName", ["code and short name", "code and name", "code name", "ref and name", "reference and name", "ref and title", "action title", "code and title", "reference and title"]],
  ["ref", ["ref", "reference", "code"]],
  ["description", ["description", "details", "detail", "summary"]],
  ["name", ["name", "indicator", "measure", "definition", "title", "action", "activity", "activities", "task", "project", "milestone", "deliverable", "initiative", "kpi", "pi", "commitment"]],
  ["directorate", ["directorate", "direct", "dept", "department", "service", "division", "business unit"]],
  ["committee", ["committee", "scrutiny", "panel", "board", "cabinet", "portfolio"]],
  ["lead", ["lead", "officer", "owner", "responsible", "accountable", "managed by", "manager", "assigned", "contact"]],
  ["priority", ["priority", "priorities", "theme", "objective", "ambition", "outcome area", "pillar", "goal", "strategic"]],
  ["outcome", ["outcome", "outcomes", "success", "impact"]],
  ["frequency", ["frequency", "freq", "how often", "periodicity"]],
  ["unit", ["unit", "units"]],
];

/** Single-text rows with these words are table titles ("Key Activities"), not section headings. */
const TITLE_PHRASES = ["key activities", "activities", "actions", "key actions", "indicators", "performance indicators", "kpis", "kpi", "pis", "measures", "key tasks", "tasks", "scorecard", "projects", "performance report", "contents", "appendix", "page", "status key", "key to symbols", "milestones"];

/** Words of an actual header that mark the starting point rather than a result. */
const BASELINE_WORDS = ["baseline", "base line", "starting point"];

/**
 * A period before the one reported, named relative to it ("Previous quarter", "Same period last year"):
 * its figure is never the one rated, and its target, rating and comment are not read. As words, not a
 * period: the tracker's own period is the reported one.
 */
/** A year before the one reported: earlier wherever it is in a header, but for a note on a target ("same as last year", "previous year + 2%"). */
const EARLIER_YEARS = ["previous year", "last year", "last years", "previous years", "prior year", "same period last year", "same quarter last year"];
/** A quarter, month or period before: earlier, but for a figure running up to it ("Actual to end of last month"). */
const EARLIER_SHORT = ["previous quarter", "last quarter", "prior quarter", "previous period", "last period", "previous month", "last month"];
/** An earlier figure named with no period ("Prev Performance", "Previous actual"): earlier, but for a note on this year's target. */
const EARLIER_FIGURES = ["previous actual", "previous actuals", "previous performance", "previous outturn", "previous result", "previous value", "previous figure", "previous target", "previous targets", "prior actual", "prior performance", "prior outturn", "prior target"];
const EARLIER_PHRASES = [...EARLIER_YEARS, ...EARLIER_SHORT, ...EARLIER_FIGURES];
/** Officers' short forms of period words ("Current Qtr", "Prev Yr", "Last Mth"), written out before the phrases are matched. */
const PERIOD_SHORT_FORMS: [RegExp, string][] = [
  [/\bqtrs?\b/g, "quarter"],
  [/\bprev\b/g, "previous"],
  [/\byrs?\b/g, "year"],
  [/\bm(?:n)?ths?\b/g, "month"],
];
const HAS_SHORT_FORM = /\b(?:qtrs?|prev|yrs?|mn?ths?)\b/;

/** A normalised header with its period words written out. */
function withPeriodWords(norm: string): string {
  if (!HAS_SHORT_FORM.test(norm)) return norm;
  let out = norm;
  for (const [short, word] of PERIOD_SHORT_FORMS) out = out.replace(short, word);
  return out;
}
/** Words before a quarter or month that make it the end of this period's figure ("to end of last month", "since last quarter"). */
const UP_TO_WORDS = new Set(["of", "to", "until", "by", "since"]);
/** Headings of a group of columns naming the reported period relatively ("Current quarter" over Target | Actual). */
const RELATIVE_HEADINGS = new Set([...EARLIER_PHRASES, "current quarter", "this quarter", "current period", "this period", "current month", "this month", "current year", "this year"]);
/** Roles an earlier period's column gives up: only its actual is kept (for the record, never rated). */
const NOT_READ_WHEN_EARLIER: ReadonlySet<Role> = new Set<Role>(["annualTarget", "periodTarget", "manual", "comment", "tolerance", "comparator"]);

/** A whole heading naming a period relative to the reported one ("Current quarter", "Same period last year"). */
export function isRelativeHeading(text: string): boolean {
  return text.length <= MAX_HEADER_LENGTH && RELATIVE_HEADINGS.has(withPeriodWords(normaliseHeader(text)));
}

/**
 * The header names an earlier period ("Previous quarter Actual", "Actual last year (%)", "RAG at last quarter
 * end"); not one this period's figure runs up to ("Actual to end of last month", "as at last month"), nor
 * a note on this year's target ("Target (same as last year)", "Target as last year", "Target (previous year +2%)"). helper-61, 62, 63.
 */
function namesEarlierPeriod(norm: string): boolean {
  const padded = " " + withPeriodWords(norm) + " ";
  for (const p of EARLIER_PHRASES) {
    const at = padded.indexOf(" " + p + " ");
    if (at < 0) continue;
    const before = padded.slice(0, at).trim().split(" ");
    const after = padded.slice(at + p.length + 2).trim().split(" ")[0];
    const last = before[before.length - 1];
    if (!EARLIER_SHORT.includes(p)) {
      if (last === "as" || after === "and" || after === "plus") continue;
      return true;
    }
    if (UP_TO_WORDS.has(last) || (p.endsWith("month") && last === "at")) continue;
    return true;
  }
  return false;
}

/**
 * Signs that a note says how a target was set from an earlier figure: a sum or share ("- 5%", "x 1.05"),
 * words of comparison, or the earlier figure it was set from ("prev yr outturn"). A dash before words
 * ("last year - for info") is no sign.
 */
const DERIVED = /[+×*%]|[-−–]\s*\d|\b(?:x|as|same|based|beat|maintain|maintained|better|worse|above|below|than|plus|minus|less|lower|higher|greater|or|level|match|matched|hold|held|equal|equals|equivalent|avg|average|baseline|figure|figures|rate|improve|improved|improvement|increase|decrease|reduce|reduced|reduction|up|down|on|outturn|actual|actuals|performance|result)\b/i;

/**
 * A target's header without its note on how the target was set from an earlier figure, in brackets or
 * after a colon ("Target (prev yr - 5%)", "Target (based on previous year's performance)", "Target: beat
 * last year"). A note with no such sign names the target's own period ("Target (last year)", "Target (last
 * year: 09/10)", "Target (for last year)"), and stays (helper-64, helper-65).
 */
function withoutTargetNote(raw: string): string {
  return raw.replace(/\(([^)]*)\)|\[([^\]]*)\]|:(.*)$/g, (whole: string, round?: string, square?: string, colon?: string) => {
    const note = round ?? square ?? colon ?? "";
    // A period phrase alone ("same period last year") is the target's period, whatever words it holds.
    if (EARLIER_PHRASES.includes(withPeriodWords(normaliseHeader(note)))) return whole;
    return DERIVED.test(note) ? " " : whole;
  });
}

/**
 * A target's header that names an earlier period, in a note or not ("Target (prev yr + 5%)"): beside a
 * plain target, the plain one is this year's (records.ts).
 */
export function mentionsEarlierPeriod(header: string): boolean {
  const padded = " " + withPeriodWords(normaliseHeader(header)) + " ";
  return EARLIER_PHRASES.some((p) => padded.includes(" " + p + " "));
}

/** The header text judged for an earlier period: a target's without its note on how it was set. */
function earlierJudged(role: Role, raw: string, norm: string): string {
  return role === "annualTarget" || role === "periodTarget" ? normaliseHeader(withoutTargetNote(raw)) : norm;
}

/**
 * "Target [prev yr]", "RAG last quarter": a target, rating or comment of an earlier period, which is not
 * read (classifyHeader gives it no role). Under a quarter's heading it still joins the header rows.
 */
export function isEarlierLabel(text: string): boolean {
  const raw = text.trim();
  if (raw.length === 0 || raw.length > MAX_HEADER_LENGTH) return false;
  const norm = normaliseHeader(raw);
  const role = exactLookup.get(norm) ?? exactLookup.get(normaliseHeader(withoutBrackets(raw))) ?? phraseRole(norm);
  return role !== undefined && NOT_READ_WHEN_EARLIER.has(role) && namesEarlierPeriod(earlierJudged(role, raw, norm));
}

/**
 * A name column that defines the indicator ("Definition", "PI definition"): beside another name column
 * ("Indicator | Definition", a KPI register's way) it is the indicator's description, not a second name.
 */
function isDefinitionHeader(text: string): boolean {
  return (" " + normaliseHeader(text) + " ").includes(" definition ");
}

/** The roles of figures and dates, left of which a register or plan defines its records. */
const DEFINED_BEFORE: ReadonlySet<Role> = new Set<Role>(["actual", "annualTarget", "periodTarget", "due", "start", "progress"]);

/**
 * The name column that is a definition beside another name column, in a KPI register ("Ref | Indicator |
 * Definition | … | Target | Actual") or an activity plan ("Ref | Action | Definition | Due date"), if a
 * header has one: read as the description. Only left of the first figure or date (a baseline aside): a
 * legend's "Status | Definition" right of a table is not the table's, and a tab of definitions with
 * neither is no tracker.
 */
export function definitionBesideName(columns: readonly ColumnMapping[]): ColumnMapping | undefined {
  let definition: ColumnMapping | undefined;
  let name = false;
  let figures = Infinity;
  for (const c of columns) {
    if (DEFINED_BEFORE.has(c.role) && !(c.role === "actual" && actualKind(c.header) === "baseline")) figures = Math.min(figures, c.col);
    if (c.role !== "name") continue;
    if (!isDefinitionHeader(c.header)) name = true;
    else if (definition) return undefined; // two definitions: a legend's ("Symbol | RAG | Definition" twice), no tracker's
    else definition = c;
  }
  return definition && name && figures !== Infinity && definition.col < figures ? definition : undefined;
}

/** How much a name column's records hold: a project holds actions, an action holds tasks and milestones. */
const NAME_BREADTH: readonly [RegExp, number][] = [
  [/^\s*(?:key\s+)?(?:projects?|programmes?|initiatives?)(?:\s+(?:name|title))?\s*$/i, 3],
  [/^\s*(?:key\s+)?(?:actions?|activit(?:y|ies)|commitments?)(?:\s+(?:name|title))?\s*$/i, 2],
  [/^\s*(?:key\s+)?(?:tasks?|milestones?|deliverables?)(?:\s+(?:name|title))?\s*$/i, 1],
  // "Project | What | Who | When": what is done in the project (helper-113); beside "Action" it is set aside (settleHeader).
  [/^\s*what(?:\s+we\s+will\s+do|\s+will\s+we\s+do)?\s*$/i, 2],
];
const breadth = (c: ColumnMapping): number | undefined => NAME_BREADTH.find(([words]) => words.test(c.header))?.[1];

/**
 * Of two name columns, the left one where it names what holds the other's records ("Project | Milestone",
 * "Action | Task", "Project | Action"): their group, not a second name. Two name columns were otherwise no
 * tracker's header, and the whole plan was left out. Not across a blank column with another column named
 * twice (two tables side by side), nor "What" in a KPI table. A definition beside a name is
 * definitionBesideName's.
 */
export function groupBesideName(columns: readonly ColumnMapping[]): ColumnMapping | undefined {
  let left: ColumnMapping | undefined;
  let right: ColumnMapping | undefined;
  for (const c of columns) {
    if (c.role !== "name" || isDefinitionHeader(c.header)) continue;
    if (right) return undefined;
    if (left) right = c;
    else left = c;
  }
  if (!left || !right || left.col > right.col) return undefined;
  const outer = breadth(left);
  const inner = breadth(right);
  if (outer === undefined || inner === undefined || outer <= inner) return undefined;
  // "Project | What | Target | Actual" is a KPI table's (helper-114): KPI tables read as they did.
  const target = columns.some((c) => c.role === "annualTarget" || c.role === "periodTarget");
  if (LOOSE_NAME.test(right.header) && (columns.some((c) => c.role === "actual") || (target && !columns.some((c) => c.role === "due")))) return undefined;
  // A blank column between them, and another column named twice ("Project | Lead | RAG", a gap, "Milestone |
  // Lead | RAG"): two tables side by side, each with its own name (helper-112). A spacer column alone, or a
  // header merged over two columns, is no second table (helper-113).
  const at = new Set(columns.map((c) => c.col));
  let gap = false;
  for (let col = left.col + 1; col < right.col; col++) if (!at.has(col)) gap = true;
  if (gap) {
    const seen = new Set<Role>();
    for (const c of columns) {
      if (!TWICE_IN_TWO_TABLES.has(c.role)) continue;
      if (seen.has(c.role)) return undefined;
      seen.add(c.role);
    }
  }
  return left;
}

/** Columns each of two tables side by side has its own of. */
const TWICE_IN_TWO_TABLES: ReadonlySet<Role> = new Set<Role>(["ref", "refAndName", "lead", "manual", "progress", "due"]);

/**
 * Due dates named loosely ("When", "Timeframe", "Key dates"): the due date where the plan has no other; beside
 * one, read only where it is blank (records.ts looseDue; helper-112: the timeframe "2010/11" hid a passed
 * target date); a tracker's sign only beside a name that says actions ("What | When | Where" is a timetable).
 */
const LOOSE_DUE = /^\s*(?:when|time\s*frames?|target time\s*frame|key dates?|(?:target\s+)?implementation date)\s*$/i;
export function isLooseDue(c: ColumnMapping): boolean {
  return c.role === "due" && LOOSE_DUE.test(c.header);
}
/** A revision ("Revised date", "New date") is filled only where the date moved: the loose date stays the original (helper-113). */
const REVISION = /^\s*(?:revised|new|amended|updated)\b/i;
/** "What" names the action only where nothing else does ("What | Who | When"); beside "Indicator" or "Action" it is another column. */
const LOOSE_NAME = /^\s*what\s*$/i;

/**
 * A header's columns with the readings that depend on the others settled: a loose due date or name beside a
 * proper one set aside, and groupBesideName's column read as the records' group (role "priority").
 * Idempotent: judgeHeader and readHeaderAt both ask it.
 */
export function settleHeader(columns: ColumnMapping[]): ColumnMapping[] {
  const group = groupBesideName(columns);
  let out = group ? columns.map((c) => (c === group ? { ...c, role: "priority" as const, group: true as const } : c)) : columns;
  const firmDue = out.some((c) => c.role === "due" && !isLooseDue(c) && !REVISION.test(c.header));
  const looseName = (c: ColumnMapping): boolean => c.role === "name" && LOOSE_NAME.test(c.header);
  const otherName = out.some((c) => c.role === "name" && !looseName(c));
  if ((firmDue && out.some(isLooseDue)) || (otherName && out.some(looseName))) {
    out = out.map((c) => (firmDue && isLooseDue(c) ? { ...c, role: "ignore" as const, looseDue: true as const } : otherName && looseName(c) ? { ...c, role: "ignore" as const } : c));
  }
  return out;
}

/** Roles whose header may name a period ("Q3 Status", "2021/22 Target"). */
const PERIOD_ROLES: ReadonlySet<Role> = new Set<Role>(["actual", "annualTarget", "periodTarget", "manual", "comment", "comparator", "progress"]);

// ---- normalising and lookup (built once) ----

export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[&+]/g, " and ")
    .replace(/%/g, " percent ")
    .replace(/['’‘"“”`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const exactLookup = new Map<string, Role>();
for (const [role, phrases] of EXACT_HEADERS) for (const p of phrases) if (!exactLookup.has(p)) exactLookup.set(p, role);

/** Phrase rules indexed by first word, so a header is checked only against phrases that can match. */
interface IndexedPhrase {
  order: number;
  padded: string;
  role: Role;
}
const phrasesByFirstWord = new Map<string, IndexedPhrase[]>();
PHRASE_RULES.forEach(([role, phrases], order) => {
  for (const p of phrases) {
    const first = p.split(" ")[0];
    const list = phrasesByFirstWord.get(first) ?? [];
    list.push({ order, padded: " " + p + " ", role });
    phrasesByFirstWord.set(first, list);
  }
});

function phraseRole(norm: string): Role | undefined {
  const padded = " " + norm + " ";
  let best: IndexedPhrase | undefined;
  for (const word of norm.split(" ")) {
    const list = phrasesByFirstWord.get(word);
    if (!list) continue;
    for (const p of list) if ((!best || p.order < best.order) && padded.includes(p.padded)) best = p;
  }
  return best?.role;
}

/** Identity headers are short ("Code & Short Name"); longer text is never one. */
const MAX_EXACT_LENGTH = 40;
/** Table detection asks about the cells of every row, and their texts recur (names, statuses, directorates). */
const exactCache = new Map<string, Role | typeof NO_ROLE>();
const NO_ROLE = "";
const EXACT_CACHE_LIMIT = 20000;

/**
 * The role of a header only when the whole text is in the vocabulary. Header rows are
 * recognised by an exact identity header, so data such as "Produce Action Plan" (a phrase
 * match for a name) never starts a table. Cheap: no period or phrase search.
 */
export function exactRole(text: string): Role | undefined {
  if (text.length > MAX_HEADER_LENGTH) return undefined;
  const known = exactCache.get(text);
  if (known !== undefined) return known === NO_ROLE ? undefined : known;
  const raw = text.trim();
  const own = raw.length <= MAX_EXACT_LENGTH ? exactLookup.get(normaliseHeader(raw)) : undefined;
  const role = own ?? exactLookup.get(normaliseHeader(withoutBrackets(raw)));
  if (exactCache.size >= EXACT_CACHE_LIMIT) exactCache.clear();
  exactCache.set(text, role ?? NO_ROLE);
  return role;
}

const BRACKETS = /\([^)]*\)|\[[^\]]*\]/g;

/** "Performance Indicator (Direction of Travel)" → "Performance Indicator": a qualifier does not change the role. */
function withoutBrackets(text: string): string {
  return text.includes("(") || text.includes("[") ? text.replace(BRACKETS, " ").trim() : "";
}

/** "Target: 5% better than last year", "Target (2010/11) - 5% up": a header, then a note after a colon or a spaced dash. */
const NOTE_AFTER = /^([^:]{1,40}?)\s*(?::|\s[-\u2013\u2014]\s)\s*(\S.*)$/;
/** A note on how a target was set compares with something (a figure, a percentage, "than"), or says which way is better. */
const COMPARES = /\d|%|\bthan\b|\bis\s+(?:better|worse|good)\b/i;

/**
 * The role of a header read by its phrases (`phrased`), but for a target whose note on how it was set made
 * it read as a polarity ("Target: 5% better than last year": "better") or a comparator ("Target - 10% above
 * the national average"). A note naming another column ("Target - polarity", "Target: Higher or Lower",
 * "Target - Timescale", "Target - national average") leaves the phrase reading as it was.
 */
function noteOnTarget(raw: string, phrased: Role | undefined): Role | undefined {
  if (phrased !== "polarity" && phrased !== "comparator") return phrased;
  const parts = NOTE_AFTER.exec(raw);
  if (!parts || !COMPARES.test(parts[2])) return phrased;
  const words = normaliseHeader(parts[1]);
  // "Q3 Target: better than Q2", "Target (2010/11): …": a target of a period before the note.
  const head = exactRole(parts[1]) ?? (parsePeriod(parts[1]) ? phraseRole(words) : undefined);
  return head === "annualTarget" ? head : phrased;
}

export interface HeaderClass {
  role: Role;
  period?: PeriodInfo;
}

const IGNORE: HeaderClass = { role: "ignore" };
/** Headers are short; anything longer is prose, not a header. */
const MAX_HEADER_LENGTH = 80;
const cache = new Map<string, HeaderClass>();
const CACHE_LIMIT = 20000;

/** The role a header gives its column (memoised: the same texts recur on every page of a tracker). */
export function classifyHeader(text: string): HeaderClass {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = classifyUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

function classifyUncached(text: string): HeaderClass {
  const raw = text.trim();
  if (raw.length === 0 || raw.length > MAX_HEADER_LENGTH) return IGNORE;
  if (raw.toLowerCase() === GENERATED_STATUS_HEADER.toLowerCase()) return { role: "generated" };
  const norm = normaliseHeader(raw);
  if (norm.length === 0) return IGNORE;
  const period = parsePeriod(raw);
  let role = exactLookup.get(norm) ?? exactLookup.get(normaliseHeader(withoutBrackets(raw))) ?? noteOnTarget(raw, phraseRole(norm));
  if (role === undefined) role = period ? "actual" : "ignore";
  // "Previous quarter Target", "RAG last quarter": not this period's (an actual stays: actualKind "earlier").
  // A target's note on how it was set ("Target (prev yr - 5%)") names no period of the target's own.
  if (NOT_READ_WHEN_EARLIER.has(role) && namesEarlierPeriod(earlierJudged(role, raw, norm))) return IGNORE;
  if (role === "annualTarget" && period && (period.quarter !== undefined || period.month !== undefined || period.yearToDate)) {
    role = "periodTarget";
  }
  if (period && PERIOD_ROLES.has(role)) return { role, period };
  return { role };
}

/**
 * "baseline" columns are never rated; "headline" ones (Outturn, Latest) name no period but are the current
 * figure; "earlier" ones name an earlier period relatively ("Previous quarter Actual", "Actual last year"):
 * rated only where a table has no other actual (records.ts).
 */
export function actualKind(header: string): ActualKind {
  let kind = actualKinds.get(header);
  if (kind === undefined) {
    kind = actualKindUncached(header);
    if (actualKinds.size >= EXACT_CACHE_LIMIT) actualKinds.clear();
    actualKinds.set(header, kind);
  }
  return kind;
}

type ActualKind = "baseline" | "headline" | "period" | "earlier";
/** Every repeated header row is judged again (a printed tracker repeats its header on each page), with the same texts. */
const actualKinds = new Map<string, ActualKind>();

function actualKindUncached(header: string): ActualKind {
  const norm = " " + normaliseHeader(header) + " ";
  if (BASELINE_WORDS.some((w) => norm.includes(" " + w + " "))) return "baseline";
  // "Previous quarter Actual", "Q3 Actual last year": an earlier figure, never the one rated.
  if (namesEarlierPeriod(norm.trim())) return "earlier";
  const p = parsePeriod(header);
  return p && (p.year !== undefined || p.quarter !== undefined || p.month !== undefined) ? "period" : "headline";
}

/** A single-text row that titles a table or a page ("Key Activities", "Q3 10/11 ...", "2021/22"), not a section heading. */
export function isTitleText(text: string): boolean {
  const norm = normaliseHeader(text);
  if (norm.length === 0) return true;
  const padded = " " + norm + " ";
  if (TITLE_PHRASES.some((p) => padded.includes(" " + p + " "))) return true;
  if (padded.endsWith(" key ") || padded.endsWith(" legend ")) return true; // "Performance Indicator Key"
  const p = text.length <= MAX_HEADER_LENGTH ? parsePeriod(text) : undefined;
  if (!p) return false;
  if (p.quarter !== undefined) return true;
  // A period and nothing else ("2021/22", "April 2023").
  return norm.replace(/\b(\d+|q[1-4]|ytd|to|date|year|quarter|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b/g, "").trim() === "";
}

// ---- periods ----

const YEAR_RANGE = /(?<![\d/.])(\d{4}|\d{2})\s*[/\-–]\s*(\d{4}|\d{2})(?![\d/.%])/;
const SINGLE_YEAR = /(?<![\d/.])((?:19|20)\d{2})(?![\d/.%])/;
const QUARTER = /(?<![a-z0-9])(?:q|qtr|quarter)\s*([1-4])(?![0-9])|(?<![a-z0-9])quarter\s+(one|two|three|four)(?![a-z])|(?<![0-9])([1-4])(?:st|nd|rd|th)\s+quarter/;
const MONTH = /(?<![a-z])(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?(?:[\s\-/']*(\d{4}|\d{2})(?![\d/]))?/;
const MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
/** Two months with a dash or "to" between ("Apr - Jun 2010", "October to December 2010"), and a year after the second. */
const MONTH_SPAN = new RegExp(String.raw`(?<![a-z])(${MONTH_NAMES})\.?\s*(?:-|\u2013|\u2014|to)\s*(${MONTH_NAMES})(?![a-z])\.?(?:[\s\-/']*(\d{4}|\d{2}(?!\s*[a-z]))(?![\d/]))?`);
const YTD = /(?<![a-z])(?:ytd|y t d|year to date|cumulative|cum)(?![a-z])/;
const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const WORD_QUARTERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4 };

function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n >= 70 ? 1900 + n : 2000 + n;
}

/** Financial year "2010/11" starting in the given calendar year. */
export function financialYear(start: number): string {
  return start + "/" + String((start + 1) % 100).padStart(2, "0");
}

/** Calendar year the period's year starts in ("2010/11" → 2010, "2023" → 2023). */
export function yearStart(year: string | undefined): number | undefined {
  if (year === undefined) return undefined;
  const n = Number(year.slice(0, 4));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The period a header names: financial year ("10/11", "2010-2011" → "2010/11"; a lone "2023"
 * stays "2023"), quarter, month (calendar number; its financial year when a year is given) and
 * year to date. Undefined when the header names none of these.
 */
export function parsePeriod(header: string): PeriodInfo | undefined {
  const label = header.trim();
  const low = label.toLowerCase();
  let year: string | undefined;
  const range = YEAR_RANGE.exec(low);
  if (range) {
    const a = fullYear(range[1]);
    const b = Number(range[2]);
    const ok = range[2].length === 4 ? b === a + 1 : b === (a + 1) % 100;
    if (ok) year = financialYear(a);
  }
  let quarter: number | undefined;
  const q = QUARTER.exec(low);
  if (q) quarter = q[1] ? Number(q[1]) : q[2] ? WORD_QUARTERS[q[2]] : Number(q[3]);
  let month: number | undefined;
  // A financial quarter named by its months: the quarter, in the financial year its last month is in.
  const span = MONTH_SPAN.exec(low);
  const first = span ? MONTHS[span[1].slice(0, 3)] : undefined;
  const last = span ? MONTHS[span[2].slice(0, 3)] : undefined;
  const named = first !== undefined && last !== undefined && (first - 1) % 3 === 0 && last === ((first + 1) % 12) + 1 ? [4, 4, 4, 1, 1, 1, 2, 2, 2, 3, 3, 3][first - 1] : undefined;
  // "Q1 Jan-Mar 2011" numbers calendar quarters: a quarter number the months disagree with leaves them alone.
  const spanQuarter = named !== undefined && (quarter === undefined || quarter === named) ? named : undefined;
  const m = spanQuarter === undefined ? MONTH.exec(low) : null;
  if (spanQuarter !== undefined && span && last !== undefined) {
    quarter ??= spanQuarter;
    if (span[3] !== undefined && year === undefined) {
      const y = fullYear(span[3]);
      year = financialYear(last >= 4 ? y : y - 1);
    }
  } else if (m && (m[2] !== undefined || low.split(/\s+/).length <= 3)) {
    month = MONTHS[m[1].slice(0, 3)];
    if (m[2] !== undefined && year === undefined) {
      const y = fullYear(m[2]);
      year = financialYear(month >= 4 ? y : y - 1);
    }
  }
  if (year === undefined) {
    const single = SINGLE_YEAR.exec(low);
    if (single) year = single[1];
  }
  const yearToDate = YTD.test(low);
  if (year === undefined && quarter === undefined && month === undefined && !yearToDate) return undefined;
  const info: PeriodInfo = { label, yearToDate };
  if (year !== undefined) info.year = year;
  if (quarter !== undefined) info.quarter = quarter;
  if (month !== undefined) info.month = month;
  return info;
}

/** Months into the financial year the period ends at: Q1 3, Q3 9, June 3, March 12; a whole year 13. */
export function periodPosition(p: PeriodInfo | undefined): number | undefined {
  if (!p) return undefined;
  if (p.month !== undefined) return ((p.month + 8) % 12) + 1;
  if (p.quarter !== undefined) return p.quarter * 3;
  return p.year !== undefined ? 13 : undefined;
}

/** Elapsed share of the year (Q1 .25 … Q4 1, a month n/12, a whole year 1). */
export function periodFraction(p: PeriodInfo | undefined): number | undefined {
  const pos = periodPosition(p);
  return pos === undefined ? undefined : Math.min(pos, 12) / 12;
}

/**
 * Whether some role's undated quarters or months fall back left to right ("Q1 | Q2 | Q3 | Q4 | Q1", "Q4 |
 * Q1 | Q2 | Q3", "Jan … Dec", "Q3 | Q2 | Q1"): which year each is of is then not known. Reading the columns
 * before a fall as last year's fixed a Q3 report on "Q4 | Q1 | Q2 | Q3" but rated an empty December in a
 * Q4 report on "Jan … Dec" (helper-96), so such columns are read as one year, as before.
 */
export function undatedRunsFall(columns: readonly ColumnMapping[]): boolean {
  return undatedSeries(columns).some((runs) => runs.length > 1);
}

/**
 * The undated quarters or months of each series (a role's quarters, its months, its year-to-date figures:
 * "Q1 YTD … Q4 YTD | Q1 … Q4" is two series, not a fall), left to right, each cut into runs where the
 * period falls back: "Q4 | Q1 | Q2 | Q3" is [Q4], [Q1, Q2, Q3].
 */
export function undatedSeries(columns: readonly ColumnMapping[]): ColumnMapping[][][] {
  const series = new Map<string, ColumnMapping[]>();
  for (const c of [...columns].sort((a, b) => a.col - b.col)) {
    const p = c.period;
    if (!p || p.year || (p.quarter === undefined && p.month === undefined)) continue;
    const key = `${c.role}|${p.month !== undefined ? "month" : "quarter"}|${p.yearToDate ? "ytd" : ""}`;
    series.set(key, [...(series.get(key) ?? []), c]);
  }
  return [...series.values()].map((undated) => {
    const runs: ColumnMapping[][] = [];
    for (let i = 0; i < undated.length; i++) {
      if (i === 0 || (periodPosition(undated[i].period) ?? 0) < (periodPosition(undated[i - 1].period) ?? 0)) runs.push([]);
      runs[runs.length - 1].push(undated[i]);
    }
    return runs;
  });
}
