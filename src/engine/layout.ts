// The committee summary sheet as a plan (PRODUCT "The committee summary sheet"): title block, key,
// headline table, exceptions, scorecards by group, checks and data quality; A4 landscape print setup.
import { writeHeadline, headlineLastCol } from "./layout-headline";
import { titleLines, ukDate, writeKey, writeTitle, type SummaryMeta } from "./layout-key";
import { writeExceptions, writeIssues, writeScorecards } from "./layout-records";
import { PlanWriter } from "./layout-style";
import type { SheetPlan } from "./plan";
import type { SummaryModel } from "./summary";
import type { Scheme } from "./types";

const MAX_SHEET_NAME = 31;
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
const HEADER_PART = 80;

/** A short, stable tag for a committee name, so two long names cut to the same text stay apart. */
function tag(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text.toLowerCase()) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash & 0xffff).toString(16).toUpperCase().padStart(4, "0");
}

/** "Summary", or "Summary – <committee>" within Excel's 31 characters and without []:*?/\. */
export function summarySheetName(committee?: string): string {
  const cleaned = (committee ?? "").replace(SHEET_FORBIDDEN, " ").replace(/\s+/g, " ").replace(/^'+|'+$/g, "").trim();
  if (!cleaned) return "Summary";
  const name = `Summary – ${cleaned}`;
  if (name.length <= MAX_SHEET_NAME) return name;
  // Cut names end with a tag of the full name: "Summary – Select Committee o 3F2A".
  return `${name.slice(0, MAX_SHEET_NAME - 5).trimEnd().replace(/'+$/, "")} ${tag(cleaned)}`;
}

/** Header and footer text is literal: "&" starts a code in Excel's header language, so it is doubled. */
function headerText(text: string): string {
  const short = text.length > HEADER_PART ? text.slice(0, HEADER_PART - 1) + "…" : text;
  return short.replace(/&/g, "&&");
}

export function layoutSummary(model: SummaryModel, scheme: Scheme, meta: SummaryMeta): SheetPlan {
  const committee = meta.committee ?? model.committee;
  const fullMeta: SummaryMeta = { ...meta, committee };
  const w = new PlanWriter(meta.sheetName);
  w.lastCol = headlineLastCol(model, scheme);

  const titleRows = writeTitle(w, fullMeta, scheme);
  w.skip();
  writeKey(w, scheme);
  w.skip();
  writeHeadline(w, model, scheme);
  writeExceptions(w, model, scheme);
  writeScorecards(w, model, scheme);
  writeIssues(w, model);

  const plan = w.finish();
  const lines = titleLines(fullMeta, scheme);
  const date = meta.reportDate.trim() ? `Report date ${ukDate(meta.reportDate.trim())}` : "";
  plan.freeze = { rows: titleRows, cols: 0 };
  plan.print = {
    orientation: "landscape",
    paper: "A4",
    fitToPagesWide: 1,
    repeatRows: { first: 0, last: titleRows - 1 },
    header: `&L${headerText(lines.heading)}&R${headerText(meta.periodLabel.trim() || lines.period)}`,
    footer: `&L${headerText(date)}&CPage &P of &N&R${headerText(scheme.name)}`,
  };
  plan.tabColor = "#1F3864";
  return plan;
}
