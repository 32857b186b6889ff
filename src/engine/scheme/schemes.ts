// Looking things up in a scheme: statuses by key or level, and officers' rating text to a status.
import type { Level, RecordKind, Scheme, Status } from "../vocab/types";

/** Lower-case, trimmed, inner spaces folded, trailing full stops dropped: how officers' text is compared. */
export function normaliseRating(text: string): string {
  return text
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[.;:]+$/, "")
    .trim();
}

export function statusesOf(scheme: Scheme, kind: RecordKind): Status[] {
  return kind === "indicator" ? scheme.indicator : scheme.activity;
}

export function statusByKey(scheme: Scheme, kind: RecordKind, key: string): Status | undefined {
  return statusesOf(scheme, kind).find((s) => s.key === key);
}

/** The first status of the kind at this level (the scheme lists them in order of preference). */
export function statusForLevel(scheme: Scheme, kind: RecordKind, level: Level): Status | undefined {
  // A loop, not find's closure: asked once or twice for every record rated.
  const statuses = statusesOf(scheme, kind);
  for (let i = 0; i < statuses.length; i++) if (statuses[i].level === level) return statuses[i];
  return undefined;
}

const aliasCache = new WeakMap<Status[], Map<string, Status>>();

/**
 * The general aliases of RULES §2, which hold in every scheme: each group means the first level of
 * its list that the scheme has (the nearest status in the same direction: ★ is cannock's on target,
 * which has no ahead). A scheme's own aliases win over these.
 */
export const GENERAL_ALIASES: readonly { aliases: readonly string[]; levels: readonly Level[] }[] = [
  { aliases: ["★", "*", "good", "g", "green"], levels: ["ahead", "good"] },
  { aliases: ["●", "•", "٠", "fair", "a", "amber"], levels: ["near", "bad"] },
  { aliases: ["▲", "poor", "r", "red"], levels: ["bad"] },
  { aliases: ["-", "–", "n/a"], levels: ["nodata"] },
  // "100% complete" in a status column (helper-90): RULES §5 step 2, done at p ≥ 100% however it is typed.
  { aliases: ["completed", "complete", "done", "achieved", "100%", "100 %"], levels: ["done"] },
  { aliases: ["in progress"], levels: ["good", "ahead"] },
  { aliases: ["cancelled", "postponed"], levels: ["closed"] },
];

function aliasMap(statuses: Status[]): Map<string, Status> {
  let map = aliasCache.get(statuses);
  if (!map) {
    map = new Map();
    for (const s of statuses) {
      for (const alias of s.aliases) {
        const key = normaliseRating(alias);
        if (key && !map.has(key)) map.set(key, s);
      }
    }
    for (const group of GENERAL_ALIASES) {
      const status = group.levels.map((level) => statuses.find((s) => s.level === level)).find((s) => s !== undefined);
      if (!status) continue;
      for (const alias of group.aliases) if (!map.has(alias)) map.set(alias, status);
    }
    aliasCache.set(statuses, map);
  }
  return map;
}

/**
 * The status an officer's rating text means, or undefined when it is not a recognised rating.
 * Exact alias first; then a leading symbol or alias followed by more words ("▶ On target", "Completed - see note").
 */
export function matchRating(scheme: Scheme, kind: RecordKind, text: string): Status | undefined {
  // A tracker repeats a handful of rating texts thousands of times: remember each answer per status list.
  const statuses = statusesOf(scheme, kind);
  let answers = matchCache.get(statuses);
  if (!answers) matchCache.set(statuses, (answers = new Map()));
  const known = answers.get(text);
  if (known !== undefined) return known ?? undefined;
  const found = matchRatingUncached(statuses, text);
  if (answers.size < 10_000) answers.set(text, found ?? null);
  return found;
}

const matchCache = new WeakMap<Status[], Map<string, Status | null>>();

/** What may follow "Completed" to say only part of the work is: a phase, stage or part of it named, or "in part". */
const PART_DONE = /^[\s\-–—:;(,.]*(?:(?:the\s+)?(?:first|second|third|1st|2nd|3rd|initial)\s+(?:phase|stage|part)\b|(?:phase|stage|part)\s*(?:\d+|one|two|three|i{1,3}|[a-c])\b|in part\b|partially\b|partly\b)/i;

/** A count of what is still to do: "2 sites remain", "3 actions outstanding", "1 to go". */
const SOME_LEFT = /\b(?!0\b)\d+\s+(?!(?:years?|months?|weeks?|days?)\b)(?:[a-z]+\s+){0,2}(?:remain|remains|remaining|outstanding|to go|left)\b/i;

/**
 * Whether the words after a done status's word say only part of the work is done: "phase 1; phase 2
 * underway", "(phase 1 of 3)", "stage 1", "in part", "2 of 3 milestones" (fewer than all), "2 sites remain". Not a note
 * on the whole ("- now part of business as usual", "- no outstanding issues", "(3 of 3 actions)",
 * "- final stage signed off", "- still within budget": helper-108; "- 0 issues outstanding", "- 2 years left to
 * run", "Phase 1 of 1": helper-109).
 */
export function partDone(rest: string): boolean {
  // "Phase 1 of 1", "(3 of 3 actions)": the whole of it; so is the final stage ("Stage 3 (final)").
  const share = /\b(\d+)\s+of\s+(\d+)\b/.exec(rest);
  if (share) return Number(share[1]) < Number(share[2]);
  if (/\bfinal\b/i.test(rest)) return false;
  // "Partly funded by grant", "2 remaining issues closed": of the money or the issues, not the work (helper-110).
  if (PART_DONE.test(rest) && !/^[\s\-–—:;(,.]*part(?:ly|ially)\s+(?:funded|financed|paid|met|covered)\b/i.test(rest)) return true;
  const left = SOME_LEFT.exec(rest);
  return left !== null && !/^\s*(?:[a-z]+\s+){0,2}?(?:now\s+)?(?:closed|resolved|addressed|cleared|done|completed?)\b/i.test(rest.slice(left.index + left[0].length));
}

/** The status whose word (or symbol) the whole text is, in the scheme or RULES §2's general words; no prefix match. */
export function exactRating(scheme: Scheme, kind: RecordKind, text: string): Status | undefined {
  const norm = normaliseRating(text);
  return norm ? aliasMap(statusesOf(scheme, kind)).get(norm) : undefined;
}

function matchRatingUncached(statuses: Status[], text: string): Status | undefined {
  const norm = normaliseRating(text);
  if (!norm) return undefined;
  const map = aliasMap(statuses);
  const exact = map.get(norm);
  if (exact) return exact;
  let best: { status: Status; length: number } | undefined;
  for (const [alias, status] of map) {
    if (alias.length < 2 && /[a-z]/.test(alias)) continue; // single letters only match alone
    if (norm.startsWith(alias) && /^[\s\-–—:(,.]/.test(norm.slice(alias.length)) && (!best || alias.length > best.length)) {
      // "Completed phase 1; phase 2 underway", "Complete (phase 1 of 3)": part of the work is done, not the action (helper-107).
      if (status.level === "done" && partDone(norm.slice(alias.length))) continue;
      best = { status, length: alias.length };
    }
  }
  if (best) return best.status;
  // A symbol glued to a word ("★Good") or typed after the word ("Good ★").
  const first = [...norm][0];
  if (first && !/[a-z0-9]/.test(first)) return map.get(first);
  return undefined;
}
