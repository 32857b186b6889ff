// The four preset schemes of RULES §2, as data. Keys are fixed: tests, the CLI and saved workbooks use them.
import { PALETTE, type PaletteName } from "./colours";
import type { Level, Scheme, Status } from "../vocab/types";

function status(
  key: string,
  label: string,
  description: string,
  level: Level,
  colour: PaletteName,
  symbol: string,
  aliases: string[] = [],
): Status {
  const { fill, font } = PALETTE[colour];
  return { key, label, description, level, fill, font, symbol, aliases: [key, label, symbol, ...aliases] };
}

// What officers type, grouped by meaning (RULES §2 "Aliases").
const GOOD_WORDS = ["★", "*", "good", "g", "green", "on target", "achieved", "met", "on track"];
const ACTIVITY_GOOD_WORDS = GOOD_WORDS.filter((w) => w !== "achieved" && w !== "met");
const NEAR_WORDS = ["●", "•", "٠", "fair", "a", "amber", "within tolerance"];
const BAD_WORDS = ["▲", "poor", "r", "red", "off target", "not met", "missed"];
const NONE_WORDS = ["-", "–", "—", "n/a", "na", "no data", "not available", "unknown", "none", "tbc"];
const DONE_WORDS = ["completed", "complete", "done", "finished", "achieved", "closed - completed"];
const CLOSED_WORDS = ["cancelled", "canceled", "postponed", "aborted", "withdrawn", "deferred", "on hold", "closed"];
const DATA_ONLY_WORDS = ["data only", "for information", "information only", "no target", "not targeted"];

const STANDARD_DEFAULTS = {
  tolerance: { kind: "relative", value: 0.05 },
  warningDays: 30,
  staticBand: 0.01,
} as const;

export const RAG: Scheme = {
  key: "rag",
  name: "Red, amber, green (Derby CSP style)",
  ...STANDARD_DEFAULTS,
  tolerance: { kind: "relative", value: 0.05 },
  trendPeriods: 3,
  activitySource: "computed",
  exceptionLevels: ["near", "bad"],
  indicator: [
    status("green", "On target", "Achieving or exceeding target", "good", "green", "✓", GOOD_WORDS),
    status("amber", "Within tolerance", "Missed target, but within tolerance", "near", "amber", "●", NEAR_WORDS),
    status("red", "Off target", "Missed target by more than the tolerance", "bad", "red", "▲", BAD_WORDS),
    status("nodata", "No data", "No figure for the period", "nodata", "pale", "?", NONE_WORDS),
    status("dataonly", "Data only", "No target: reported for information", "dataonly", "info", "i", DATA_ONLY_WORDS),
  ],
  activity: [
    status("completed", "Completed", "The activity has been completed", "done", "blue", "■", DONE_WORDS),
    status("ontrack", "On track", "In progress and expected to meet its due date", "good", "green", "✓", [
      ...ACTIVITY_GOOD_WORDS,
      "in progress",
      "on schedule",
    ]),
    status("warning", "Due soon", "Approaching its due date", "near", "amber", "●", [...NEAR_WORDS, "warning", "at risk"]),
    status("overdue", "Overdue", "Past its due date and not completed", "bad", "red", "▲", [...BAD_WORDS, "behind schedule", "late"]),
    status("cancelled", "Cancelled", "Cancelled, aborted or postponed", "closed", "grey", "✕", CLOSED_WORDS),
    status("nodata", "No data", "No rating and nothing to compute one from", "nodata", "pale", "?", NONE_WORDS),
  ],
};

export const DUDLEY: Scheme = {
  key: "dudley",
  name: "Dudley MBC (★ ● ▲)",
  ...STANDARD_DEFAULTS,
  trendPeriods: 1,
  activitySource: "manual",
  exceptionLevels: ["bad"],
  indicator: [
    status("better", "Better than target limits", "Performance is better than target limits", "good", "green", "★", GOOD_WORDS),
    status("within", "Within target limits", "Performance is within target limits", "near", "amber", "●", NEAR_WORDS),
    status("worse", "Worse than target limits", "Performance is worse than target limits", "bad", "red", "▲", BAD_WORDS),
    status("nodata", "No data", "No figure for the period", "nodata", "pale", "?", NONE_WORDS),
    status("dataonly", "Data only", "No target: reported for information", "dataonly", "info", "i", DATA_ONLY_WORDS),
  ],
  activity: [
    status("good", "Good", "Ahead of schedule", "ahead", "green", "★", ["★", "*", "good", "g", "green", "ahead of schedule"]),
    status("fair", "Fair", "On schedule", "good", "amber", "●", ["●", "•", "٠", "fair", "a", "amber", "on schedule"]),
    status("poor", "Poor", "Behind schedule", "bad", "red", "▲", ["▲", "poor", "r", "red", "behind schedule"]),
    status("narrative", "Narrative only", "Narrative only: no performance alert applied", "nodata", "pale", "–", [
      "-",
      "–",
      "—",
      "n/a",
      "narrative",
    ]),
  ],
};

export const PENTANA: Scheme = {
  key: "pentana",
  name: "Pentana (Broxtowe style)",
  ...STANDARD_DEFAULTS,
  trendPeriods: 1,
  activitySource: "computed",
  exceptionLevels: ["near", "bad"],
  indicator: [
    status("ok", "Satisfactory", "Performance is on or better than target", "good", "green", "✓", GOOD_WORDS),
    status("warning", "Warning", "Missed target, but within tolerance", "near", "amber", "●", [...NEAR_WORDS, "warning"]),
    status("alert", "Alert", "Missed target by more than the tolerance", "bad", "red", "▲", [...BAD_WORDS, "alert"]),
    status("unknown", "Unknown", "No figure for the period", "nodata", "pale", "?", NONE_WORDS),
    status("dataonly", "Data Only", "No target: reported for information", "dataonly", "info", "i", DATA_ONLY_WORDS),
  ],
  activity: [
    status("completed", "Completed", "Action/task has been completed", "done", "blue", "■", DONE_WORDS),
    status("inprogress", "In Progress", "In progress and expected to meet the due date", "good", "green", "✓", [
      ...ACTIVITY_GOOD_WORDS,
      "in progress",
      "on schedule",
    ]),
    status("warning", "Warning", "Approaching its due date", "near", "amber", "●", [...NEAR_WORDS, "at risk"]),
    status("overdue", "Overdue", "Action/task has passed its due date", "bad", "red", "▲", [...BAD_WORDS, "behind schedule", "late"]),
    status("cancelled", "Cancelled", "Action/task has been cancelled or postponed", "closed", "grey", "✕", CLOSED_WORDS),
    status("unknown", "Unknown", "No rating and nothing to compute one from", "nodata", "pale", "?", NONE_WORDS),
  ],
};

// Cannock Chase names its colours: Yellow → attention, Orange → amendment, Red → aborted (RULES §2).
const CANNOCK_STATUSES: Status[] = [
  status("completed", "Completed", "Project completed", "done", "blue", "■", [...DONE_WORDS, "project completed", "blue"]),
  status("ontarget", "On target", "Project on target", "good", "green", "▶", ["▶", "►", "green", "g", "project on target", "on track", "in progress"]),
  status("attention", "Requires attention", "Project scope/target date requires attention. Alterations considered by Leadership Team.", "near", "amber", "●", [
    "yellow",
    "y",
    "project scope/target date requires attention",
    "project scope/target date requires attention. alterations considered by leadership team.",
  ]),
  status("amendment", "Requires amendment", "Project requires amendment. Alterations considered by Cabinet.", "bad", "orange", "▲", [
    "orange",
    "o",
    "project requires amendment",
    "project requires amendment. alterations considered by cabinet.",
  ]),
  status("aborted", "Aborted/closed", "Project aborted/ closed", "closed", "red", "✕", [
    "red",
    "r",
    "aborted",
    "closed",
    "aborted / closed",
    "project aborted/ closed",
    "project aborted/closed",
    "cancelled",
  ]),
];

/**
 * Cannock Chase's headings describe projects; an indicator rated on them (met → on target, near → requires
 * attention, off → requires amendment) is explained in its own words, with the same labels, symbols and aliases.
 */
const CANNOCK_INDICATOR_MEANINGS: Record<string, string> = {
  completed: "Measure completed (the officer's rating)",
  ontarget: "Achieving or exceeding target",
  attention: "Short of target, within tolerance. Alterations considered by Leadership Team.",
  amendment: "Short of target beyond tolerance. Alterations considered by Cabinet.",
  aborted: "Measure aborted or closed (the officer's rating)",
};

export const CANNOCK: Scheme = {
  key: "cannock",
  name: "Cannock Chase PDP (five-level project rating)",
  ...STANDARD_DEFAULTS,
  trendPeriods: 1,
  activitySource: "manual",
  exceptionLevels: ["near", "bad", "closed"],
  indicator: [
    ...CANNOCK_STATUSES.map((s) => ({ ...s, description: CANNOCK_INDICATOR_MEANINGS[s.key] ?? s.description })),
    status("nodata", "No data", "No figure for the period", "nodata", "pale", "?", NONE_WORDS),
    status("dataonly", "Data only", "No target: reported for information", "dataonly", "info", "i", DATA_ONLY_WORDS),
  ],
  activity: [...CANNOCK_STATUSES, status("nodata", "No data", "No rating given", "nodata", "pale", "?", NONE_WORDS)],
};

export const PRESETS: Readonly<Record<string, Scheme>> = { rag: RAG, dudley: DUDLEY, pentana: PENTANA, cannock: CANNOCK };

export const PRESET_KEYS = Object.keys(PRESETS);

export function presetByKey(key: string): Scheme | undefined {
  const k = key.trim().toLowerCase();
  // Own keys only: "constructor" or "__proto__" (typed as a preset, or on a rules sheet) names no scheme.
  return Object.prototype.hasOwnProperty.call(PRESETS, k) ? PRESETS[k] : undefined;
}
