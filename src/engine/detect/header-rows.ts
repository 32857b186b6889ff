// Reading a tracker's header: one row, or two combined (a quarter's heading over "Target | Actual | RAG",
// merged, centred across or typed in its first column; "2021/22" over "Q1 | Q2"), and judging whether
// the columns make an indicator or an activity table. tables.ts finds where headers are.
import { SheetCells, headerValueText, isBlank } from "../read/cells";
import { IDENTITY_ROLES, classifyHeader, definitionBesideName, exactRole, isLooseDue, settleHeader, isEarlierLabel, isOurHeading, isRelativeHeading, looksLikeOurs } from "./headers";
import type { CellValue, ColumnMapping, RecordKind, Role } from "../vocab/types";

/** Columns that make a header row a tracker rather than any list with a name column. */
const STRONG_ROLES: ReadonlySet<Role> = new Set<Role>(["actual", "annualTarget", "periodTarget", "manual", "progress", "due", "start", "polarity", "comparator", "generated"]);
/** Weaker signs: with a comment column, two of these make a narrative-only activity table. */
const WEAK_ROLES: ReadonlySet<Role> = new Set<Role>(["comment", "outcome", "lead", "committee", "directorate", "priority"]);
const TARGET_ROLES: ReadonlySet<Role> = new Set<Role>(["annualTarget", "periodTarget"]);
const SCHEDULE_ROLES: ReadonlySet<Role> = new Set<Role>(["progress", "due", "start"]);
/** Group headers ("2021/22" over "Q1 | Q2") are short; longer text above a header is a title. */
export const MAX_GROUP_LENGTH = 40;

/**
 * The kind of table a header's columns make, or undefined when they are not a tracker's header.
 * Indicators have an actual column, or a target and no schedule columns; the rest are activities.
 */
export function judgeHeader(header: ColumnMapping[]): RecordKind | undefined {
  // "Project | Milestone", "Timeframe | Target Date": read as settleHeader reads them.
  const columns = settleHeader(header);
  const actions = namesActions(columns);
  let known = 0;
  let strong = 0;
  let weak = 0;
  let identity = false;
  const has = new Set<Role>();
  // "Indicator | Definition" (a KPI register): the definition is the description (records.ts), not a second name.
  const definition = definitionBesideName(columns);
  for (const c of columns) {
    if (c.role === "ignore") continue;
    known++;
    if (c === definition) {
      has.add("description");
      continue;
    }
    if (IDENTITY_ROLES.has(c.role) && c.role !== "description") {
      if (has.has(c.role)) return undefined; // two name columns: a row of headings, not a tracker
      identity = true;
    }
    has.add(c.role);
    // A loose due date ("When", "Timeframe") is a plan's only beside a name that says actions ("Action |
    // Timeframe"); beside "What" it is a timetable's ("What | When | Where").
    if (STRONG_ROLES.has(c.role) && !(isLooseDue(c) && !actions)) strong++;
    if (WEAK_ROLES.has(c.role)) weak++;
  }
  const target = [...TARGET_ROLES].some((r) => has.has(r));
  // A lone "Revised date" beside a KPI's target is no schedule (helper-110); beside another date it is the revision.
  // A loose due date ("Timeframe") beside no action name is no schedule: "Measure | Timeframe | Target" is KPIs (helper-114).
  const schedule = columns.some((c) => SCHEDULE_ROLES.has(c.role) && !(c.role === "due" && REVISION_ONLY.test(c.header)) && !(isLooseDue(c) && !actions));
  const actual = has.has("actual");
  // A description alone ("Icon | Status | Description" legends) needs figures or dates beside it.
  if (!identity && !(has.has("description") && (actual || target || schedule))) return undefined;
  if (known < 2 || known * 2 < columns.length) return undefined;
  if (strong === 0 && !(has.has("comment") && weak >= 2)) return undefined;
  return actual || (target && !schedule) ? "indicator" : "activity";
}

/** A due date's header that names only a revision ("Revised date", "New date"). */
const REVISION_ONLY = /^\s*(?:revised|new)\s+date\b/i;

/** A name column's header that makes the rows actions, not indicators. */
const ACTIVITY_NAME = /^\s*(?:key\s+)?(?:actions?|activit(?:y|ies)|tasks?|projects?|milestones?|deliverables?|initiatives?|commitments?|what we will do)\b/i;
/** A figure's header that in an action plan is the officer's account in words: "Current Position", "Performance". */
const NARRATIVE_ACTUAL = /^\s*(?:current\s+|latest\s+)?(?:position|performance)\s*$/i;

/** Whether a name column of the header names actions ("Action", "Task", "Project", "Milestone"…). */
export function namesActions(columns: readonly ColumnMapping[]): boolean {
  return columns.some((c) => c.role === "name" && ACTIVITY_NAME.test(c.header));
}

/**
 * Whether the header's figure columns are an action plan's narrative (helper-107): a name column naming
 * actions, and every actual headed "Current Position", "Position" or "Performance".
 * Read as an indicator table beside a due date, its actions were rated "On target" on the officer's RAG,
 * however long overdue. action-plans.ts narrativePlan asks it, and reads the table as activities where the
 * column holds words, not figures (helper-110: a register of projects with figures stays indicators).
 */
export function narrativeActuals(columns: readonly ColumnMapping[]): boolean {
  const actuals = columns.filter((c) => c.role === "actual");
  return actuals.length > 0 && actuals.every((c) => NARRATIVE_ACTUAL.test(c.header)) && namesActions(columns);
}

/** The column asActivityColumns made of an action plan's narrative actual (its comment, or a column left aside), if any. */
export function narrativeColumn(columns: readonly ColumnMapping[]): ColumnMapping | undefined {
  return columns.find((c) => c.narrative === true);
}

/** An indicator table's actuals that narrativeActuals would read as an action plan's words. */
export function narrativeCandidates(columns: readonly ColumnMapping[]): ColumnMapping[] {
  const schedule = columns.some((c) => SCHEDULE_ROLES.has(c.role));
  const target = columns.some((c) => TARGET_ROLES.has(c.role));
  return schedule && !target && narrativeActuals(columns) ? columns.filter((c) => c.role === "actual") : [];
}

/** An activity table's narrative actuals (narrativeActuals) read as its update: the comment, or nothing where it has one. */
export function asActivityColumns(columns: ColumnMapping[]): ColumnMapping[] {
  if (!narrativeActuals(columns) || !columns.some((c) => SCHEDULE_ROLES.has(c.role))) return columns;
  let comment = columns.some((c) => c.role === "comment");
  return columns.map((c) => {
    if (c.role !== "actual") return c;
    const role: Role = comment ? "ignore" : "comment";
    comment = true;
    return { ...c, role, narrative: true as const };
  });
}

/** Text that can sit under or over a group header: a period (or one named relatively, "Current quarter"), an actual or a target. */
export function isPeriodish(text: string): boolean {
  const c = classifyHeader(text);
  return c.period !== undefined || c.role === "actual" || TARGET_ROLES.has(c.role) || isRelativeHeading(text);
}

export function mapping(col: number, header: string): ColumnMapping {
  const cls = classifyHeader(header);
  return cls.period ? { col, header, role: cls.role, period: cls.period } : { col, header, role: cls.role };
}

/** A row's header texts by column (cells hidden under a merge give none); undefined if a cell cannot be a header. */
export function headerCells(cells: SheetCells, row: number, omit: readonly number[] = NO_COLUMNS): Map<number, string> | undefined {
  const values = cells.row(row);
  const out = new Map<number, string>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isBlank(v)) continue;
    const col = cells.left + i;
    const text = headerValueText(v);
    // What we wrote (a status, our heading) is left out; anything else there is an officer's, and stays.
    if (omit.length && text !== undefined && omit.includes(col) && looksLikeOurs(text)) continue;
    if (text === undefined) return undefined;
    if (!cells.isCovered(row, col)) out.set(col, text);
  }
  return out;
}

export const NO_COLUMNS: readonly number[] = [];

function hasExactIdentity(texts: Iterable<string>): boolean {
  for (const text of texts) {
    const role = exactRole(text);
    if (role !== undefined && IDENTITY_ROLES.has(role)) return true;
  }
  return false;
}

/**
 * Cheap test before a row is read as a header, as most rows are data: two or more cells, each of
 * which could be header text, and one of them exactly an identity header ("Ref", "Name").
 */
function mayBeHeader(values: readonly CellValue[]): boolean {
  let count = 0;
  for (const v of values) {
    if (isBlank(v)) continue;
    // Any text can be header text; other values only some (headerValueText).
    if (typeof v !== "string" && headerValueText(v) === undefined) return false;
    count++;
  }
  if (count < 2) return false;
  for (const v of values) {
    const text = isBlank(v) ? undefined : headerValueText(v);
    const role = text === undefined ? undefined : exactRole(text);
    if (role !== undefined && IDENTITY_ROLES.has(role)) return true;
  }
  return false;
}

/** Roles of a label that sits beside a period's target and actual under its heading: "RAG", "Comments", "Variance", "DoT". */
const SUB_LABEL_ROLES: ReadonlySet<Role> = new Set<Role>(["manual", "comment", "tolerance", "ignore"]);

/** A header word for such a label, exactly ("RAG", "Status", "Comments", "DoT"), with no period of its own. */
export function isSubLabel(text: string): boolean {
  const role = exactRole(text);
  return role !== undefined && SUB_LABEL_ROLES.has(role) && classifyHeader(text).period === undefined;
}

/** "Polarity", "Good is", "Aim": a polarity header; not "Direction", which under a quarter's heading is its direction of travel. */
function isPolarityLabel(text: string): boolean {
  return exactRole(text) === "polarity" && !/^dir/i.test(text.trim());
}

/** "Numerator", "Denominator": the parts of a quarter's percentage under its heading, which are not read. */
function isPartLabel(text: string): boolean {
  return /^(?:numerator|denominator|num|denom|den|n|d)\.?(?:\s*\((?:n|d)\))?$/i.test(text.trim());
}

/** "Direction" under a quarter's heading: that quarter's direction of travel, which is not read (helper-64). */
function isDirectionLabel(text: string): boolean {
  return exactRole(text) === "polarity" && /^dir/i.test(text.trim());
}

/**
 * A row of periods, targets and actuals joining the header next to it. `subAllowed` says where a rating,
 * comment or trend label may be among them ("Target | Actual | RAG" under a quarter's heading); by default nowhere.
 */
function isGroupRow(
  cells: SheetCells,
  row: number,
  texts: Map<number, string>,
  left: number,
  right: number,
  subAllowed: (col: number) => boolean = () => false,
  captionAllowed: (col: number) => boolean = () => false,
): boolean {
  let periods = 0;
  let subs = 0;
  for (const [col, text] of texts) {
    // Ours, right of the officers' columns, does not make "Q1 | Q2" under "2021/22" any less a group row.
    if (isOurHeading(text)) continue;
    if (col < left || col > right || text.length > MAX_GROUP_LENGTH) return false;
    if (isPeriodish(text)) periods++;
    else if ((isSubLabel(text) || isDirectionLabel(text)) && subAllowed(col)) subs++;
    // "Polarity" among a quarter's "Target | Actual" (the quarter's heading over them all) is the record's own: it joins, and counts for neither.
    // So is an earlier period's target or rating among them ("Target [prev yr]"): it joins, not read.
    // So are a percentage's parts beside its actual ("Numerator | Denominator | Actual | Target", helper-76).
    else if (!((isPolarityLabel(text) || isEarlierLabel(text) || isPartLabel(text)) && subAllowed(col)) && !captionAllowed(col)) return false;
    const m = cells.mergeAt(row, col);
    if (m && m.left <= left && m.right >= right) return false; // a title merged across the table
  }
  // "Target | Actual | RAG" under each quarter: more targets and actuals than anything else.
  return periods > 0 && subs <= periods;
}

/**
 * A caption over the columns that name a record ("KPI" or "Indicator details" over Ref | Indicator |
 * Polarity, merged or not), beside the periods' headings in the row above the header: every header cell
 * under it, as far as its merge reaches, names no figure. It joins none of them (combine takes an upper
 * heading for a target, an actual or a period only), so it only keeps the row of periods from being missed.
 */
function isCaptionOver(cells: SheetCells, row: number, header: Map<number, string>, col: number): boolean {
  const m = cells.mergeAt(row, col);
  const last = m && m.top === row && m.left === col ? m.right : col;
  for (let c = col; c <= last; c++) {
    const below = header.get(c);
    if (below === undefined || isPeriodish(below) || isSubLabel(below)) return false;
  }
  return header.has(col);
}

/**
 * The column of the one caption a row of periods' headings may have (isCaptionOver), else undefined. It
 * is the row's first text, and every heading beside it sits over plain labels ("Target | Actual"): a
 * title with a date or "Updated Oct 2010" over "Q3 Actual", or the last record of a table above
 * ("A2 | Review tenancy policy | P Jones | 31/03/2011"), is not a row of headings (helper-60).
 */
function captionColumn(cells: SheetCells, row: number, texts: Map<number, string>, header: Map<number, string>): number | undefined {
  let caption: number | undefined;
  for (const [col, text] of texts) {
    if (isOurHeading(text)) continue;
    if (isPeriodish(text)) {
      const m = cells.mergeAt(row, col);
      const last = m && m.top === row && m.left === col ? m.right : col;
      if (!header.has(col)) return undefined;
      for (let c = col; c <= last; c++) if (header.has(c) && !isPlainLabel(header.get(c))) return undefined;
    } else if (caption !== undefined) return undefined;
    else caption = col;
  }
  if (caption === undefined || [...texts.keys()].some((c) => c < (caption as number))) return undefined;
  return isCaptionOver(cells, row, header, caption) ? caption : undefined;
}

/**
 * Two header rows into one text per column: a period-like lower cell ("Q1") takes the upper
 * cell above it, through a merge, or from the nearest upper cell to its left ("2021/22 Q1").
 * `groupBelow`: the lower row is a row of groups joining under the header (joinBelow), not the header itself.
 */
function combine(cells: SheetCells, upperRow: number, upper: Map<number, string>, lower: Map<number, string>, groupBelow = false): ColumnMapping[] | undefined {
  const cols = [...new Set([...upper.keys(), ...lower.keys()])].sort((a, b) => a - b);
  const lowest = cols[0];
  const upperText = (col: number): string | undefined => {
    const own = upper.get(col);
    if (own !== undefined) return own;
    const m = cells.mergeAt(upperRow, col);
    if (m && m.top === upperRow) return upper.get(m.left);
    for (let k = col - 1; k >= lowest; k--) {
      const u = upper.get(k);
      if (u !== undefined) return u;
      const l = lower.get(k);
      if (l === undefined || !isPeriodish(l)) return undefined;
    }
    return undefined;
  };
  let changed = false;
  const out: ColumnMapping[] = [];
  for (const col of cols) {
    let l = lower.get(col);
    const own = upper.get(col);
    // A quarter's heading in the lower row, under "Target | Actual | RAG": the columns it covers get it.
    if (l === undefined && isPlainLabel(own)) {
      const h = headingOver(cells, upperRow + 1, lower, upper, col, lowest, isPlainLabel);
      if (h !== undefined && classifyHeader(h).period !== undefined) l = h;
    }
    let text = l ?? own ?? "";
    if (l !== undefined && isPeriodish(l)) {
      const g = upperText(col);
      // "RAG" over a quarter's heading is its rating; a word the quarter would turn into another ("DoT") stays as it is.
      const keeps = g === undefined || !isSubLabel(g) || classifyHeader(`${g} ${l}`).role === classifyHeader(g).role;
      if (g !== undefined && g !== l && keeps) {
        text = g + " " + l;
        changed = true;
      } else if (g !== undefined && !keeps) text = g;
    } else if (l !== undefined && isSubLabel(l)) {
      // "RAG" under "Q3 2010/11" is Q3's rating, where the words together still read as one.
      const g = headingOver(cells, upperRow, upper, lower, col, lowest, isPlainLabel);
      const joined = g === undefined ? undefined : `${g} ${l}`;
      // "RAG" under "Previous quarter" is that quarter's (not read); under "Current quarter", this one's.
      const relative = g !== undefined && isRelativeHeading(g);
      if (g !== undefined && joined !== undefined && ((classifyHeader(g).period !== undefined && classifyHeader(joined).role === classifyHeader(l).role) || relative)) {
        text = joined;
        changed = true;
      }
    }
    // "Direction" in a row of groups under a quarter's heading is its direction of travel: not the record's polarity,
    // and not read. In the header itself, under a row of periods, it names the polarity column as ever (helper-77).
    const over = groupBelow && l !== undefined && isDirectionLabel(l) ? headingOver(cells, upperRow, upper, lower, col, lowest, isPlainLabel) : undefined;
    if (over !== undefined && (classifyHeader(over).period !== undefined || isRelativeHeading(over))) out.push({ col, header: `${over} ${l}`, role: "ignore" });
    else out.push(mapping(col, text));
  }
  return changed ? out : undefined;
}

/** Columns from one period's heading in `headings` to the next (else from the one before): its group's width. */
function groupWidth(headings: Map<number, string>, at: number): number {
  const periods = [...headings].filter(([, text]) => classifyHeader(text).period !== undefined).map(([col]) => col);
  const next = periods.filter((c) => c > at);
  if (next.length) return Math.min(...next) - at;
  const before = periods.filter((c) => c < at);
  return before.length ? at - Math.max(...before) : CENTRED_GROUP_WIDTH;
}

/**
 * The heading over `col` in row `headingRow` (`headings`, with `labels` the other header row): its own,
 * its merge's, or the nearest one to its left centred across it with no merge, as far as its group is
 * wide; every column between must have a label `passable` allows ("Target", "Actual", "RAG").
 */
function headingOver(cells: SheetCells, headingRow: number, headings: Map<number, string>, labels: Map<number, string>, col: number, lowest: number, passable: (label: string | undefined) => boolean): string | undefined {
  const own = headings.get(col);
  if (own !== undefined) return own;
  const m = cells.mergeAt(headingRow, col);
  if (m) return m.top === headingRow ? headings.get(m.left) : undefined;
  for (let k = col - 1; k >= lowest; k--) {
    const h = headings.get(k);
    if (h !== undefined) return !cells.mergeAt(headingRow, k) && col - k < groupWidth(headings, k) ? h : undefined;
    if (!passable(labels.get(k))) return undefined;
  }
  return undefined;
}

/** "Target", "Actual" or "RAG" with no period of its own: a label under a period's heading. */
function isPlainLabel(text: string | undefined): boolean {
  return text !== undefined && ((isPeriodish(text) && classifyHeader(text).period === undefined) || isSubLabel(text));
}

/** Columns a heading centred across its group (no merge) may span, when no group before it tells: Target | Actual | RAG. */
const CENTRED_GROUP_WIDTH = 3;

/**
 * The rightmost column the row under the header (`row`) may reach and still be its lower row: the
 * header's last cell, or the end of a heading merged across columns ("Q2 2010/11" over Target | Actual).
 * A last heading that is a period's, centred across its group with no merge, and has a plain label under
 * it, reaches over the plain labels after that one, as many as the group before it spans.
 */
function lowerEdge(cells: SheetCells, row: number, own: Map<number, string>, below: Map<number, string>, cols: readonly number[], right: number): number {
  let edge = right;
  for (const col of cols) {
    const m = cells.mergeAt(row, col);
    if (m && m.top === row && m.left === col) edge = Math.max(edge, m.right);
  }
  if (edge > right) return edge;
  const last = own.get(right);
  if (last === undefined || classifyHeader(last).period === undefined || !isPlainLabel(below.get(right))) return edge;
  // The headings with a label under them: the groups before the last say how wide it is.
  const width = groupWidth(new Map([...own].filter(([c]) => isPlainLabel(below.get(c)))), right);
  while (edge + 1 < right + width && !own.has(edge + 1) && !cells.isCovered(row, edge + 1) && isPlainLabel(below.get(edge + 1))) edge++;
  return edge;
}

/**
 * Headings merged down into the row above the header from higher up ("Q1 2010/11" merged over two rows
 * and two columns, above Target | Actual), by their column, with the highest row they start in; undefined
 * when none reaches it. That row's own cells are all covered or blank.
 */
function tallHeadings(cells: SheetCells, row: number, left: number, right: number, floor: number): { texts: Map<number, string>; top: number } | undefined {
  const texts = new Map<number, string>();
  let top = row;
  for (let col = left; col <= right; col++) {
    const m = cells.mergeAt(row, col);
    if (!m || m.left !== col || m.top >= row || m.bottom !== row || m.top < floor) continue;
    const v = cells.at(m.top, col);
    const text = isBlank(v) ? undefined : headerValueText(v);
    if (text === undefined) continue;
    texts.set(col, text);
    top = Math.min(top, m.top);
  }
  return texts.size ? { texts, top } : undefined;
}

/** The header row's texts (`heads`) joined with the row under it, where that row is its group row ("Target | Actual" under each quarter). */
function joinBelow(cells: SheetCells, row: number, heads: Map<number, string>, cols: readonly number[], left: number, right: number, third = false): ColumnMapping[] | undefined {
  if (row + 1 > cells.bottom) return undefined;
  const below = headerCells(cells, row + 1);
  if (!below) return undefined;
  // A rating or comment label below must sit under a period's heading of the header row ("Q3 2010/11",
  // "Previous quarter").
  const underPeriod = (col: number): boolean => {
    const h = headingOver(cells, row, heads, below, col, left, isPlainLabel);
    return h !== undefined && (classifyHeader(h).period !== undefined || isRelativeHeading(h));
  };
  // A third row is only "Target | Actual"-like labels under the quarters: a section row under a two-row
  // header ("Financial performance" in A) reads as a figure's word, and was taken as one (helper-61).
  if (third) for (const [col, text] of below) if (!isOurHeading(text) && !(isPlainLabel(text) && underPeriod(col))) return undefined;
  if (!isGroupRow(cells, row + 1, below, left, lowerEdge(cells, row, heads, below, cols, right), underPeriod)) return undefined;
  return combine(cells, row, heads, below, true);
}

/**
 * A two-row header whose names are merged down over both rows ("Ref" and "Polarity" over two rows) and
 * whose headings are merged across the labels of the lower row ("Indicator" over Name | Definition,
 * "2010/11" over Target | Actual). The lower row is labels, each a header word (not a record's text) of
 * its own cell, under a heading merged across two or more columns: a section's banner ("Priority 1 - …",
 * merged across the table) or a first record under a one-column heading is no label (helper-74). Its
 * periods' labels take their heading as combine does, its other labels stand as they are, the names
 * merged down keep theirs, and our heading a build wrote there is ours. Read as the upper row alone, the
 * table had no target and no refs (helper-70).
 */
function joinMergedDown(cells: SheetCells, row: number, heads: Map<number, string>, cols: readonly number[], left: number, right: number): ColumnMapping[] | undefined {
  if (row + 1 > cells.bottom) return undefined;
  const mergedDown = [...heads.keys()].some((col) => {
    const m = cells.mergeAt(row, col);
    return m !== undefined && m.top === row && m.bottom === row + 1 && col >= left && col <= right;
  });
  if (!mergedDown) return undefined;
  const below = headerCells(cells, row + 1);
  if (!below) return undefined;
  // The last heading may be merged across past the header row's last own cell ("2010/11" over Target | Actual).
  const edge = lowerEdge(cells, row, heads, below, cols, right);
  let labels = 0;
  for (const [col, text] of below) {
    if (isOurHeading(text)) continue;
    if (col < left || col > edge) return undefined;
    if (classifyHeader(text).role === "ignore") return undefined; // a record's text: the row is data
    const heading = cells.mergeAt(row, col);
    if (!heading || heading.top !== row || heading.bottom !== row || heading.right === heading.left) return undefined;
    // A label may be merged across its heading's columns ("Comments" over two); a banner reaches past them.
    const own = cells.mergeAt(row + 1, col);
    if (own && (own.left < heading.left || own.right > heading.right)) return undefined;
    // Under a period's heading only its figures' and rating's labels: "Direction" there is its direction of travel (helper-64).
    const over = heads.get(heading.left);
    if (over !== undefined && (classifyHeader(over).period !== undefined || isRelativeHeading(over)) && !isPlainLabel(text)) return undefined;
    labels++;
  }
  if (labels < 2) return undefined;
  const columns =
    combine(cells, row, heads, below) ??
    [...new Set([...heads.keys(), ...below.keys()])].sort((a, b) => a - b).map((col) => mapping(col, below.get(col) ?? heads.get(col) ?? ""));
  return judgeHeader(columns) === undefined ? undefined : columns;
}

export interface HeaderAt {
  top: number;
  height: number;
  columns: ColumnMapping[];
}

/**
 * The header starting at or just above `row` (two-row headers combined), if the row reads as one.
 * `ours`: the columns a previous Apply wrote in the table the row is in. A row must read as a
 * tracker's header without them: a record whose status we wrote ("Project | 95% | 96% | ✓ On target",
 * the label reading as a target) is not a new table's header.
 */
export function readHeaderAt(cells: SheetCells, row: number, floor: number, ours: readonly number[] = NO_COLUMNS): HeaderAt | undefined {
  if (!mayBeHeader(cells.row(row))) return undefined;
  if (ours.length) {
    const bare = readHeaderOmitting(cells, row, floor, ours);
    if (!bare || judgeHeader(bare.columns) === undefined) return undefined;
  }
  const header = readHeaderOmitting(cells, row, floor, NO_COLUMNS);
  return header && { ...header, columns: settleHeader(header.columns) };
}

function readHeaderOmitting(cells: SheetCells, row: number, floor: number, omit: readonly number[], lookDown = true): HeaderAt | undefined {
  const own = headerCells(cells, row, omit);
  if (!own || own.size < 2) return undefined;
  if (!hasExactIdentity(own.values())) return undefined;
  let known = 0;
  for (const text of own.values()) if (classifyHeader(text).role !== "ignore") known++;
  if (known * 2 < own.size) return undefined;
  // The table's edges are the officers' columns: ours, added right of them, must not make a title merged
  // across the officers' columns read as a group row over a wider table (the rebuild would lose the title).
  const cols = [...own].filter(([, text]) => !isOurHeading(text)).map(([col]) => col);
  if (cols.length === 0) return undefined;
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  if (row - 1 >= floor) {
    const cellsAbove = headerCells(cells, row - 1);
    const tall = cellsAbove?.size === 0 ? tallHeadings(cells, row - 1, left, right, floor) : undefined;
    const above = tall?.texts ?? cellsAbove;
    const top = tall?.top ?? row - 1;
    const caption = above ? captionColumn(cells, row - 1, above, own) : undefined;
    if (above && isGroupRow(cells, row - 1, above, left, right, undefined, (col) => col === caption)) {
      const columns = combine(cells, row - 1, above, own);
      // Three rows: the year over its quarters over "Target | Actual" ("2010/11" over "Q1 | Q2" over …).
      const three = columns && joinBelow(cells, row, new Map(columns.map((c) => [c.col, c.header])), cols, left, right, true);
      if (three) return { top, height: row + 2 - top, columns: three };
      if (columns) return { top, height: row + 1 - top, columns };
    }
  }
  const two = joinBelow(cells, row, own, cols, left, right) ?? joinMergedDown(cells, row, own, cols, left, right);
  if (two) return { top: row, height: 2, columns: two };
  // "KPI | Q1 2010/11 | Q2 2010/11" reads as a header of its own ("KPI" names the indicator); where the
  // header under it takes it as its row of periods, the two are one header.
  if (lookDown && row + 1 <= cells.bottom) {
    const under = readHeaderOmitting(cells, row + 1, row, omit, false);
    if (under && under.top === row) return under;
  }
  return { top: row, height: 1, columns: [...own].map(([col, text]) => mapping(col, text)) };
}
