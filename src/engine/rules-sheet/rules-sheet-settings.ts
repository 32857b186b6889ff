// The Settings rows of the rules sheet, as data: each row's label, note, how it is written and how it is read back.
import { isBlank } from "../read/cells";
import { checkPeriod } from "../read/periods";
import { levelOf, normLabel, type RulesSettings } from "./rules-sheet-spec";
import { decimal, readFraction, readIsoDate, readPoints, readToleranceCell, readWhole, textOf, writePercent, writePoints } from "./rules-sheet-values";
import type { CellValue, Level, Problem, Scheme, Tolerance } from "../vocab/types";

/** What the reader builds up: a copy of the scheme and the settings, edited row by row. */
export interface Draft {
  scheme: Scheme;
  settings: RulesSettings;
}

export type Report = (message: string, severity?: Problem["severity"]) => void;

export interface SettingSpec {
  label: string;
  note: string;
  write(scheme: Scheme, settings: RulesSettings): string;
  /** Applies one value cell (blank ones too) to the draft; trouble goes to `report` and the draft keeps its value. */
  read(cell: CellValue, format: string | undefined, draft: Draft, report: Report): void;
}

export function writeTolerance(t: Tolerance): string {
  if (t.kind === "relative") return writePercent(t.value);
  const n = decimal(t.value);
  return t.kind === "points" ? `${n} pts` : n;
}

type TextKey = "period" | "committee" | "title";
type SwitchKey = "liveColours" | "ratingHelp";

/** A yes/no setting, off unless it says yes: blank or "no" switches it off, anything else is an error and leaves it off. */
function yesNoSetting(label: string, key: SwitchKey, note: string): SettingSpec {
  return {
    label,
    note,
    write: (_scheme, settings) => (settings[key] ? "yes" : "no"),
    read(cell, _format, draft, report) {
      const text = (typeof cell === "boolean" ? (cell ? "yes" : "no") : textOf(cell)).toLowerCase();
      if (/^(yes|y|on|true)$/.test(text)) draft.settings[key] = true;
      else if (!text || /^(no|n|off|false)$/.test(text)) delete draft.settings[key];
      else {
        delete draft.settings[key];
        report(`${label} "${textOf(cell)}" cannot be read: write yes or no. It stays off.`, "error");
      }
    },
  };
}

/** A free-text setting: blank means not set. */
function textSetting(label: string, key: TextKey, note: string, check?: (text: string, report: Report) => void): SettingSpec {
  return {
    label,
    note,
    write: (_scheme, settings) => settings[key] ?? "",
    read(cell, _format, draft, report) {
      const text = textOf(cell);
      if (!text) {
        delete draft.settings[key];
        return;
      }
      draft.settings[key] = text;
      check?.(text, report);
    },
  };
}

/** A setting the scheme always has: blank or unreadable keeps the scheme's value. */
function required<T>(
  label: string,
  note: string,
  write: (scheme: Scheme) => string,
  parse: (cell: CellValue, format: string | undefined) => T | undefined,
  set: (scheme: Scheme, value: T) => void,
  hint: string,
): SettingSpec {
  return {
    label,
    note,
    write: (scheme) => write(scheme),
    read(cell, format, draft, report) {
      const kept = write(draft.scheme);
      if (isBlank(cell)) {
        report(`${label} is blank: the scheme's ${kept} is used.`, "warning");
        return;
      }
      const value = parse(cell, format);
      if (value === undefined) {
        report(`${label} "${textOf(cell)}" cannot be read: ${hint}. The scheme's ${kept} is used.`, "error");
        return;
      }
      set(draft.scheme, value);
    },
  };
}

/** An optional setting: blank switches it off. */
function optional(
  label: string,
  note: string,
  write: (scheme: Scheme) => string,
  parse: (cell: CellValue, format: string | undefined) => number | undefined,
  set: (scheme: Scheme, value: number | undefined) => void,
  hint: string,
): SettingSpec {
  return {
    label,
    note,
    write: (scheme) => write(scheme),
    read(cell, format, draft, report) {
      if (isBlank(cell)) return set(draft.scheme, undefined);
      const value = parse(cell, format);
      if (value === undefined) {
        const kept = write(draft.scheme);
        report(`${label} "${textOf(cell)}" cannot be read: ${hint}. ${kept ? `The scheme's ${kept} is used.` : "It stays off."}`, "error");
        return;
      }
      set(draft.scheme, value);
    },
  };
}

function readLevels(cell: CellValue): { levels: Level[]; unknown: string[] } | undefined {
  const text = textOf(cell);
  if (/^none$/i.test(text)) return { levels: [], unknown: [] };
  const words = text.split(/[,;|/]|\band\b/).map((w) => w.trim()).filter(Boolean);
  const levels: Level[] = [];
  const unknown: string[] = [];
  for (const w of words) {
    const level = levelOf(w);
    if (!level) unknown.push(w);
    else if (!levels.includes(level)) levels.push(level);
  }
  return levels.length > 0 ? { levels, unknown } : undefined;
}

export const SCHEME_LABEL = "Scheme";
export const PERIOD_LABEL = "Reporting period";
export const SCHEME_NOTE = "rag, dudley, pentana or cannock: the statuses, keys and levels come from it";

/** The Settings rows in sheet order. "Scheme" (the preset key) is read first, by the reader itself. */
export const SETTINGS: SettingSpec[] = [
  { label: SCHEME_LABEL, note: SCHEME_NOTE, write: (scheme) => scheme.key, read: () => undefined },
  {
    label: "Scheme name",
    note: "shown on the summary sheet",
    write: (scheme) => scheme.name,
    read(cell, _format, draft) {
      const text = textOf(cell);
      if (text) draft.scheme.name = text;
    },
  },
  textSetting(PERIOD_LABEL, "period", "e.g. Q3 2010/11", (text, report) => {
    const checked = checkPeriod(text);
    if (typeof checked === "string") report(`Reporting period: ${checked}. The period is taken from the workbook's titles and headers instead.`, "error");
  }),
  {
    label: "Report date",
    note: "YYYY-MM-DD or dd/mm/yyyy; blank = the last day of the period",
    write: (_scheme, settings) => settings.reportDate ?? "",
    read(cell, _format, draft, report) {
      if (isBlank(cell)) {
        delete draft.settings.reportDate;
        return;
      }
      const iso = readIsoDate(cell);
      if (iso) draft.settings.reportDate = iso;
      else report(`Report date "${textOf(cell)}" is not a date: write it as YYYY-MM-DD or dd/mm/yyyy.`, "error");
    },
  },
  textSetting("Committee", "committee", "blank = every committee's records together"),
  textSetting("Report title", "title", "blank = the standard title"),
  {
    label: "Hidden rows",
    note: "leave out or include: whether rows hidden on the trackers, and trackers on hidden sheets, are counted and listed in the summary (they are coloured either way)",
    write: (_scheme, settings) => (settings.includeHidden ? "include" : "leave out"),
    read(cell, _format, draft, report) {
      const text = textOf(cell).toLowerCase();
      if (!text || /^(leave|left|exclude|no\b|omit)/.test(text)) delete draft.settings.includeHidden;
      else if (/^(include|yes\b|count)/.test(text)) draft.settings.includeHidden = true;
      else report(`Hidden rows "${textOf(cell)}" cannot be read: write leave out or include. They are left out.`, "error");
    },
  },
  yesNoSetting("Keep colours up to date", "liveColours", "yes or no: statuses are worked out and coloured again as officers type (the add-in must be open in Excel)"),
  yesNoSetting("Help officers type ratings", "ratingHelp", "yes or no: the rating column offers a list of this scheme's statuses; any other text can still be typed"),
  required(
    "Tolerance",
    "how far a miss may go and still be near target: 5% of the target, 2 pts (percentage points) or 0.5 (in the measure's units)",
    (scheme) => writeTolerance(scheme.tolerance),
    readToleranceCell,
    (scheme, value) => (scheme.tolerance = value),
    "write 5%, 2 pts or 0.5",
  ),
  required(
    "Warning window (days)",
    "an activity is due soon this many days before its due date",
    (scheme) => String(scheme.warningDays),
    readWhole,
    (scheme, value) => (scheme.warningDays = value),
    "write a whole number of days",
  ),
  required(
    "Trend periods",
    "1 or 3: how many changes in a row make a trend",
    (scheme) => String(scheme.trendPeriods),
    (cell) => {
      const n = readWhole(cell);
      return n === 1 || n === 3 ? n : undefined;
    },
    (scheme, value) => (scheme.trendPeriods = value),
    "write 1 or 3",
  ),
  required(
    "Static band",
    "a change smaller than this is shown as no change, e.g. 1%",
    (scheme) => writePercent(scheme.staticBand),
    (cell, format) => {
      const n = readFraction(cell, format);
      return n !== undefined && n < 1 ? n : undefined;
    },
    (scheme, value) => (scheme.staticBand = value),
    "write a percentage such as 1%",
  ),
  optional(
    "Exceed margin",
    "beating the target by this much gives the ahead level, e.g. 10%; blank = none",
    (scheme) => (scheme.exceedMargin === undefined ? "" : writePercent(scheme.exceedMargin)),
    readFraction,
    (scheme, value) => (value === undefined ? delete scheme.exceedMargin : (scheme.exceedMargin = value)),
    "write a percentage such as 10%, or leave it blank",
  ),
  optional(
    "Expected progress slack",
    "e.g. 10 pts: an activity this far behind the progress expected by now is due soon, twice as far is overdue; blank = off",
    (scheme) => (scheme.expectedProgress ? writePoints(scheme.expectedProgress.slack) : ""),
    readPoints,
    (scheme, value) => (value === undefined ? delete scheme.expectedProgress : (scheme.expectedProgress = { slack: value })),
    "write points such as 10 pts, or leave it blank",
  ),
  required(
    "Activity source",
    "computed or manual: which wins for activities, the rules or the officer's rating",
    (scheme) => scheme.activitySource,
    (cell) => {
      const text = textOf(cell).toLowerCase();
      if (/^comput/.test(text)) return "computed" as const;
      if (/^manual/.test(text)) return "manual" as const;
      return undefined;
    },
    (scheme, value) => (scheme.activitySource = value),
    "write computed or manual",
  ),
  {
    label: "Exception levels",
    note: "levels listed as exceptions, separated by commas: ahead, good, near, bad, done, closed, nodata, dataonly (or none)",
    write: (scheme) => (scheme.exceptionLevels.length ? scheme.exceptionLevels.join(", ") : "none"),
    read(cell, _format, draft, report) {
      if (isBlank(cell)) {
        report(`Exception levels is blank: the scheme's ${draft.scheme.exceptionLevels.join(", ") || "none"} is used.`, "warning");
        return;
      }
      const read = readLevels(cell);
      if (!read) {
        report(`Exception levels "${textOf(cell)}" names no level: write e.g. near, bad. The scheme's levels are kept.`, "error");
        return;
      }
      draft.scheme.exceptionLevels = read.levels;
      if (read.unknown.length) report(`Exception levels: ${read.unknown.map((w) => `"${w}"`).join(", ")} is not a level and is left out.`, "warning");
    },
  },
];

const BY_LABEL = new Map(SETTINGS.map((s) => [normLabel(s.label), s]));

export function settingByLabel(label: string): SettingSpec | undefined {
  return BY_LABEL.get(normLabel(label));
}
