// Which sheets the add-in made, decided from what the workbook shows, trusting nothing on its own.
// Pure: both hosts (Office.js and the file host) gather the facts and act on the decision.
//
// Two things together prove a sheet is ours:
//  - the record: a very hidden sheet (normally "RagScorecardState") whose A1 holds
//      {"version":1,"owned":[{"sheet":"Summary (2)","plan":"Summary"}]}
//    `sheet` the name we gave, `plan` the name the plan asked for;
//  - the mark: a hidden, sheet-scoped defined name OWNER_MARK on each sheet we make, its formula a text
//    constant naming the plan ("Summary"; the state sheet's is "RagScorecardState"). A user cannot make
//    one by accident (it is hidden from the Name Manager), it follows the sheet when it is renamed, and
//    both hosts read and write names: in a file, <definedName name="_RagScorecardOwned"
//    localSheetId="n" hidden="1">"Summary"</definedName>; in Office.js, worksheet.names.add(OWNER_MARK,
//    '="Summary"') then visible = false.
// A sheet is replaced only when the record lists it AND it carries the mark for the same plan. A sheet
// that carries a mark is never read as a tracker (a summary the user renamed to keep it stays a summary).
// A record that is not exactly well formed is ignored whole: it replaces nothing.

export const STATE_SHEET = "RagScorecardState";
export const OWNER_MARK = "_RagScorecardOwned";
export const STATE_VERSION = 1;
/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface OwnedSheet {
  sheet: string;
  plan: string;
}

/** What a host knows of one sheet. */
export interface SheetFacts {
  name: string;
  visibility: SheetVisibility;
  /** The formula of the sheet's OWNER_MARK name, as the host reads it ('"Summary"' or '="Summary"'); undefined when none. */
  mark?: string;
}

/** Excel compares sheet names without regard to case, and without trimming. */
export function sameSheetName(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** A record's entry for a sheet: under its exact name first, else under a name Excel takes for the same. */
export function entryOfSheet<T>(record: Readonly<Record<string, T>>, sheet: string): T | undefined {
  if (Object.prototype.hasOwnProperty.call(record, sheet)) return record[sheet];
  const key = Object.keys(record).find((k) => sameSheetName(k, sheet));
  return key === undefined ? undefined : record[key];
}

/** The mark's formula for a plan: a text constant naming it (as a sheet name), quotes doubled. */
export function markFormula(plan: string): string {
  return `"${cleanSheetName(plan).replace(/"/g, '""')}"`;
}

/** The plan a mark names, or undefined when the formula is not a text constant. */
export function parseMark(formula: string | undefined): string | undefined {
  if (formula === undefined) return undefined;
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  const m = /^"((?:[^"]|"")*)"$/.exec(body);
  if (!m) return undefined;
  const plan = m[1].replace(/""/g, '"');
  return isSheetName(plan) ? plan : undefined;
}

const FORBIDDEN = /[\\/?*[\]:]/;
const FORBIDDEN_ALL = /[\\/?*[\]:]/g;

/** A plan's name as a name Excel accepts for a sheet: \ / ? * [ ] : become "-", outer quotes go, 31 characters at most. */
export function cleanSheetName(name: string): string {
  const cleaned = name.replace(FORBIDDEN_ALL, "-").replace(/^'+|'+$/g, "").trim().slice(0, MAX_SHEET_NAME);
  return cleaned.replace(/'+$/, "") || "Sheet";
}

/** A name Excel accepts for a sheet: 1–31 characters, none of \ / ? * [ ] :, not starting or ending with '. */
export function isSheetName(name: unknown): name is string {
  return typeof name === "string" && name.length > 0 && name.length <= MAX_SHEET_NAME && !FORBIDDEN.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

export type RecordReading = { ok: true; owned: OwnedSheet[] } | { ok: false; reason: string };

/** Parses the record strictly: any flaw and the whole record is refused, with why. */
export function parseStateRecord(a1: unknown): RecordReading {
  if (typeof a1 !== "string") return { ok: false, reason: "it holds no text" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(a1);
  } catch {
    return { ok: false, reason: "it is not JSON" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { ok: false, reason: "it is not a record" };
  const record = parsed as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.some((k) => k !== "version" && k !== "owned")) return { ok: false, reason: "it has fields the add-in does not write" };
  if (record.version !== STATE_VERSION) return { ok: false, reason: `its version is not ${STATE_VERSION}` };
  if (!Array.isArray(record.owned)) return { ok: false, reason: "it has no list of sheets" };
  const owned: OwnedSheet[] = [];
  for (const item of record.owned as unknown[]) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return { ok: false, reason: "a sheet in its list is not a record" };
    const o = item as Record<string, unknown>;
    if (Object.keys(o).some((k) => k !== "sheet" && k !== "plan")) return { ok: false, reason: "a sheet in its list has fields the add-in does not write" };
    if (!isSheetName(o.sheet) || !isSheetName(o.plan)) return { ok: false, reason: "a sheet in its list has no valid name" };
    if (owned.some((p) => sameSheetName(p.sheet, o.sheet as string) || sameSheetName(p.plan, o.plan as string))) {
      return { ok: false, reason: "it lists a sheet twice" };
    }
    owned.push({ sheet: o.sheet, plan: o.plan });
  }
  return { ok: true, owned };
}

/** The record's text for A1. */
export function stateRecordText(owned: OwnedSheet[]): string {
  return JSON.stringify({ version: STATE_VERSION, owned: owned.map(({ sheet, plan }) => ({ sheet, plan })) });
}

/** "RagScorecardState", or a name freeSheetName gives it beside a user's sheet of that name ("RagScorecardState (2)"). */
export function isStateSheetName(name: string): boolean {
  const lower = name.toLowerCase();
  const base = STATE_SHEET.toLowerCase();
  return lower === base || (lower.startsWith(`${base} (`) && /^ \(\d+\)$/.test(lower.slice(base.length)));
}

export function findSheetFacts(sheets: SheetFacts[], name: string): SheetFacts | undefined {
  return sheets.find((s) => sameSheetName(s.name, name));
}

/**
 * The sheet that holds our record: very hidden, and carrying the state mark. A very hidden sheet named
 * RagScorecardState with no mark (written before marks) is accepted as the record's place too, since
 * Excel's menus cannot make a very hidden sheet; what it lists must still carry marks to be replaced.
 * A marked one that is not very hidden is accepted after those, under the record's own name only:
 * LibreOffice has no "very hidden" and saves it hidden, Gnumeric visible, both keeping its name and marks.
 * The hosts make it very hidden again.
 */
export function findStateSheet(sheets: SheetFacts[]): SheetFacts | undefined {
  const veryHidden = sheets.filter((s) => s.visibility === "veryHidden");
  const marked = veryHidden.filter((s) => parseMark(s.mark) === STATE_SHEET);
  const hiddenMarked = sheets.filter((s) => s.visibility !== "veryHidden" && isStateSheetName(s.name) && parseMark(s.mark) === STATE_SHEET);
  return (
    marked.find((s) => sameSheetName(s.name, STATE_SHEET)) ??
    marked[0] ??
    veryHidden.find((s) => s.mark === undefined && sameSheetName(s.name, STATE_SHEET)) ??
    hiddenMarked.find((s) => sameSheetName(s.name, STATE_SHEET)) ??
    hiddenMarked[0]
  );
}

export interface Ownership {
  /** The sheet holding our record, if any. */
  stateSheet?: string;
  /** Where to write the record: the state sheet, else a name no user sheet has. */
  stateSheetName: string;
  /** Record entries proven by their sheet's mark: these sheets may be replaced or deleted. */
  owned: OwnedSheet[];
  /** Every sheet that is ours by its mark (renamed ones too) and the state sheet: not trackers. */
  ours: string[];
  /** What was not trusted, and why, in one line each (for the run to tell). */
  notes: string[];
}

/** "Summary", then "Summary (2)", "Summary (3)"…: the first name no sheet has, within 31 characters. */
export function freeSheetName(names: string[], wanted: string, alsoTaken: string[] = []): string {
  const taken = (name: string): boolean => names.some((n) => sameSheetName(n, name)) || alsoTaken.some((n) => sameSheetName(n, name));
  if (!taken(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken(name)) return name;
  }
}

/** Decides, from the sheets and the A1 text of the state sheet (findStateSheet), what is ours. */
export function decideOwnership(sheets: SheetFacts[], stateA1: unknown): Ownership {
  const state = findStateSheet(sheets);
  const notes: string[] = [];
  const owned: OwnedSheet[] = [];
  const ours: string[] = [];
  if (state) ours.push(state.name);
  for (const s of sheets) {
    const plan = parseMark(s.mark);
    if (plan !== undefined && s !== state && plan !== STATE_SHEET) ours.push(s.name);
  }
  const namedLikeState = findSheetFacts(sheets, STATE_SHEET);
  if (namedLikeState && namedLikeState !== state) notes.push(`The sheet "${namedLikeState.name}" is not the add-in's record, so it is left alone.`);

  if (state) {
    const record = parseStateRecord(stateA1);
    if (!record.ok) {
      notes.push(`The add-in's record in "${state.name}" was not used (${record.reason}), so no sheet is replaced.`);
    } else {
      for (const entry of record.owned) {
        const sheet = findSheetFacts(sheets, entry.sheet);
        if (!sheet) continue; // deleted since: nothing to do
        if (sheet === state || !sameMark(parseMark(sheet.mark), entry.plan)) {
          notes.push(`The sheet "${sheet.name}" is listed as made by the add-in but does not carry its mark, so it is left alone.`);
          continue;
        }
        owned.push({ sheet: sheet.name, plan: entry.plan });
      }
    }
  }
  const stateSheetName = state?.name ?? freeSheetName(sheets.map((s) => s.name), STATE_SHEET);
  return { stateSheet: state?.name, stateSheetName, owned, ours, notes };
}

function sameMark(mark: string | undefined, plan: string): boolean {
  return mark !== undefined && sameSheetName(mark, plan);
}

export function isOurs(ownership: Ownership, name: string): boolean {
  return ownership.ours.some((n) => sameSheetName(n, name));
}

export interface Placement {
  plan: string;
  /** The sheet the plan's content goes to. */
  sheet: string;
  /** Set when an owned sheet of this name is replaced (its tab position kept). */
  replaces?: string;
}

/**
 * Where each new sheet goes: the owned sheet made earlier for the same plan, else the first free name
 * (never a user's sheet, never the record's sheet). `sheets`: every sheet's name, in tab order. Plans
 * are matched, recorded and marked by their names as sheet names (cleanSheetName).
 */
export function placeNewSheets(plans: string[], sheets: string[], ownership: Ownership): Placement[] {
  const used: string[] = [ownership.stateSheetName];
  const out: Placement[] = [];
  for (const plan of plans) {
    const wanted = cleanSheetName(plan);
    const previous = ownership.owned.find((o) => sameSheetName(o.plan, wanted) && !used.some((u) => sameSheetName(u, o.sheet)));
    if (previous) {
      used.push(previous.sheet);
      out.push({ plan, sheet: previous.sheet, replaces: previous.sheet });
      continue;
    }
    const sheet = freeSheetName(sheets, wanted, used);
    used.push(sheet);
    out.push({ plan, sheet });
  }
  return out;
}

/** The record to write after a run: the sheets placed now, and earlier owned sheets still there. */
export function nextOwned(ownership: Ownership, placed: Placement[], remaining: string[]): OwnedSheet[] {
  const out: OwnedSheet[] = placed.map(({ plan, sheet }) => ({ sheet, plan: cleanSheetName(plan) }));
  for (const o of ownership.owned) {
    if (out.some((p) => sameSheetName(p.sheet, o.sheet) || sameSheetName(p.plan, o.plan))) continue;
    if (remaining.some((n) => sameSheetName(n, o.sheet))) out.push(o);
  }
  return out;
}
