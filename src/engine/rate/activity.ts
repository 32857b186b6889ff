// The activity rule (RULES §5): closed, done, overdue, due soon, on track; optional expected progress.
import { cellText, isBlank } from "../read/cells";
import { daysBetween, readDate, readDueDate } from "../read/dates";
import { formatFigure, formatIsoDate, type LazyText } from "../vocab/format";
import { exactRating, matchRating, partDone, statusForLevel } from "../scheme/schemes";
import { DONE_PHRASE, PROGRESS_TEXT, percentInText } from "../read/progress";
import { readValue } from "../read/values";
import type { CellValue, Level, QualityNote, Scheme } from "../vocab/types";

export interface ActivityInput {
  manual?: CellValue;
  progress?: CellValue;
  progressFormat?: string;
  /** The progress is an update in words read for what it says (SourceRecord.progressFromUpdate): unread, it is no problem. */
  quietProgress?: boolean;
  due?: CellValue;
  dueFormat?: string;
  start?: CellValue;
  startFormat?: string;
  /** ISO date the report is made at (end of the period unless the user sets it). */
  reportDate?: string;
}

export interface ActivityResult {
  /** Undefined when nothing can be computed (the manual rating alone decides). */
  level?: Level;
  /** Why this level; written out only when read (textOf). */
  reason: LazyText;
  quality: QualityNote[];
  progress?: number;
  due?: string;
}

/**
 * Progress as a fraction: "25%" → 0.25, 0.25 formatted as % → 0.25, a bare 25 → 0.25. Text is read where it
 * is a number alone or a percentage of the whole action (read/progress.ts). A sentence with a number and no
 * such percentage ("Delivered to 2,000 households so far", "Phase 1 of 3 complete") is an update, not a
 * figure: read as one, its first number made an action 100% complete (helper-90); so did a percentage of
 * something else ("Referrals up 100% on last year", helper-107).
 */
export function readProgress(cell: CellValue | undefined, numberFormat: string | undefined, quality: QualityNote[]): number | undefined {
  if (cell === undefined || cell === null || cell === "") return undefined;
  if (typeof cell === "string" && /\d/.test(cell) && !PROGRESS_TEXT.test(cell)) {
    const percent = percentInText(cell);
    if (percent === undefined) return undefined;
    return readProgress(`${percent}%`, undefined, quality);
  }
  const reading = readValue(cell, numberFormat);
  if (reading.kind !== "number") {
    const unreadable = reading.kind !== "missing" || reading.unreadable || reading.reason.startsWith("formula error");
    if (unreadable) quality.push({ about: "progress", text: `progress "${reading.text}" is not a percentage` });
    return undefined;
  }
  if (reading.percent || Math.abs(reading.value) <= 1) return reading.value;
  if (reading.value <= 100) return reading.value / 100;
  quality.push({ about: "progress", text: `progress ${reading.text} is more than 100%` });
  return 1;
}

export function computeActivity(scheme: Scheme, input: ActivityInput): ActivityResult {
  const quality: QualityNote[] = [];
  const manualText = typeof input.manual === "string" ? input.manual : "";
  const manual = manualText ? matchRating(scheme, "activity", manualText) : undefined;
  const progressNotes: QualityNote[] = [];
  const progress = readProgress(input.progress, input.progressFormat, progressNotes);
  // "Complete" or "Cancelled" typed as the progress: 100% in words (RULES §5 step 2), or the action closed (step 1).
  const said = progress === undefined ? progressInWords(scheme, input.progress) : undefined;
  if (!said && !input.quietProgress) quality.push(...progressNotes);
  const due = input.due === undefined ? undefined : readDueDate(input.due, input.dueFormat);
  if (!due && !isBlank(input.due ?? null)) quality.push({ about: "due", text: `due date "${cellText(input.due ?? null)}" is not a date` });
  const result = (level: Level | undefined, reason: LazyText): ActivityResult => ({ level, reason, quality, progress, due });

  if (manual?.level === "closed") return result("closed", `rated ${manual.label}`);
  if (manual?.level === "done") return result("done", `rated ${manual.label}`);
  if (progress !== undefined && progress >= 1 - 1e-9) return result("done", "progress is 100%");
  if (said) return result(said.level, `progress "${cellText(input.progress ?? null).trim()}"`);
  if (!due) return result(undefined, "no due date");
  const report = input.reportDate;
  if (!report) return result(undefined, "no report date");

  const daysLeft = daysBetween(report, due);
  if (daysLeft < 0) return result("bad", new DueReason(due, progress, "overdue", -daysLeft));
  if (daysLeft <= scheme.warningDays) return result("near", new DueReason(due, progress, "soon", scheme.warningDays));
  const expected = expectedProgress(scheme, input, due, report);
  if (expected !== undefined && progress !== undefined && scheme.expectedProgress) {
    const behind = expected - progress;
    const slack = scheme.expectedProgress.slack;
    const why = `${formatFigure(progress, true)} complete, ${formatFigure(expected, true)} expected by now`;
    if (behind > 2 * slack + 1e-9) return result("bad", `${why}: behind schedule`);
    if (behind > slack + 1e-9) return result("near", `${why}: slipping`);
  }
  return result("good", new DueReason(due, progress, "later", 0));
}

/**
 * The done or closed status the progress typed in words means: the scheme's word alone, or before a note
 * after a dash, colon or bracket ("Completed", "Complete - March 2010", "Cancelled – no funding"). Not a
 * sentence that opens with one ("Complete by 31/03/2011", "Completed consultation, report due in March",
 * "On hold pending funding decision"); figures are readProgress's (helper-108). A closing that says the work
 * is done ("Closed - all actions complete", "Closed - completed") is done (helper-109).
 */
function progressInWords(scheme: Scheme, cell: CellValue | undefined): { level: "done" | "closed" } | undefined {
  if (typeof cell !== "string") return undefined;
  const text = cell.replace(/^\s*fully\s+/i, "");
  const head = text.split(/\s*[-\u2013\u2014:(;,/&]|\.\s/)[0];
  // "Completed on time", "Action completed", "Delivered" (helper-110), where the scheme has a done status.
  if (DONE_PHRASE.test(text) && !partDone(text.replace(/^\s*\S+\s*/, "")) && statusForLevel(scheme, "activity", "done")) return { level: "done" };
  // A figure is readProgress's: where it refused the text ("100% (target)"), "100%" before the note is no done word.
  if (/\d/.test(head)) return undefined;
  const status = exactRating(scheme, "activity", head);
  if (status?.level === "done") return partDone(text.slice(head.length)) ? undefined : { level: "done" };
  if (status?.level !== "closed") return undefined;
  // "Closed - completed", "Closed - objectives achieved", "Withdrawn - achieved through other means": done.
  const rest = text.slice(head.length);
  if (/\b(?:complete|completed|achieved|delivered|done|finished)\b/i.test(rest)) return /\b(?:not\s+(?:yet\s+)?|in)(?:complete|completed|achieved|delivered|done|finished)\b/i.test(rest) || partDone(rest) ? undefined : { level: "done" };
  return { level: "closed" };
}

/**
 * "due 30/06/2021, 12 days before the report date, 40% complete", "due 31/03/2011, within 30 days
 * of the report date", "due 31/03/2012": the figures kept, the words written when read.
 */
class DueReason {
  constructor(
    private readonly due: string,
    private readonly progress: number | undefined,
    private readonly when: "overdue" | "soon" | "later",
    /** Days overdue, or the warning period for "soon". */
    private readonly days: number,
  ) {}

  text(): string {
    const dueText = `due ${formatIsoDate(this.due)}`;
    const progressText = this.progress === undefined ? "" : `, ${formatFigure(this.progress, true)} complete`;
    if (this.when === "overdue") return `${dueText}, ${this.days} day${this.days === 1 ? "" : "s"} before the report date${progressText}`;
    if (this.when === "soon") return `${dueText}, within ${this.days} days of the report date${progressText}`;
    return `${dueText}${progressText}`;
  }
}

/** Elapsed share of start → due at the report date, when a start date is known. */
function expectedProgress(scheme: Scheme, input: ActivityInput, due: string, report: string): number | undefined {
  if (!scheme.expectedProgress || input.start === undefined) return undefined;
  const start = readDate(input.start, input.startFormat);
  if (!start) return undefined;
  const span = daysBetween(start, due);
  if (span <= 0) return undefined;
  return Math.min(1, Math.max(0, daysBetween(start, report) / span));
}
