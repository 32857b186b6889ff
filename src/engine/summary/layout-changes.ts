// "Changes since Q2 2010/11" (issue 14): for councillors, what got worse, what got better, what is
// new and what has gone since the last period, each with the officer's commentary. After the
// exceptions; only where the history has a previous period.
import { STYLES, statusCell } from "../sheet-kit/layout-style";
import { writeTable, type Column } from "../sheet-kit/layout-table";
import type { PlanWriter } from "../sheet-kit/layout-writer";
import type { ChangeKind, ChangeRow, PackModel } from "./history-model";
import { leadStyle, leadText, sourceMarked } from "./layout-records";
import type { Scheme } from "../vocab/types";

/** Each kind of change as its caption names it, in the order the section lists them. */
export const CHANGE_CAPTIONS: Record<ChangeKind, string> = {
  worse: "Got worse",
  better: "Got better",
  changed: "Rating changed",
  new: "New this period",
  gone: "No longer reported",
};

const KIND_WORDS = { indicator: "Indicator", activity: "Activity" } as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Since Q2 2010/11, 3 got worse, 2 got better, 1 is new and 1 is no longer reported." */
export function changesSentence(changes: ChangeRow[], previous: string): string {
  const n = (k: ChangeKind) => changes.filter((c) => c.change === k).length;
  const parts = [
    n("worse") ? `${n("worse")} got worse` : "",
    n("better") ? `${n("better")} got better` : "",
    n("changed") ? `${n("changed")} changed to or from no data, data only or closed` : "",
    n("new") ? `${plural(n("new"), "is new", "are new")}` : "",
    n("gone") ? `${plural(n("gone"), "is no longer reported", "are no longer reported")}` : "",
  ].filter(Boolean);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts[0];
  return `Since ${previous}, ${list}.`;
}

function columns(scheme: Scheme, previous: string, current: string, changes: ChangeRow[]): Column<ChangeRow>[] {
  // The name's header says what the lists hold; a Type column only where they hold both kinds.
  const mixed = new Set(changes.map((c) => c.kind)).size > 1;
  const nameHeader = mixed ? "Indicator or activity" : changes[0]?.kind === "activity" ? "Activity" : "Indicator";
  const was = (c: ChangeRow) => (c.previous ? statusCell(scheme, c.kind, c.previous.status) : undefined);
  const now = (c: ChangeRow) => (c.status !== undefined ? statusCell(scheme, c.kind, c.status) : undefined);
  const anyLead = changes.some((c) => c.lead.trim() !== "");
  // A record gone has no tracker row to name a lead: its blank says nothing.
  const lead = (c: ChangeRow) => (c.change === "gone" ? { value: c.lead, style: STYLES.body } : { value: leadText(c.lead, anyLead), style: leadStyle(c.lead, anyLead) });
  const nowText = (c: ChangeRow) => {
    const cell = now(c);
    if (!cell) return "Not in the tracker";
    return sourceMarked(cell.text, c);
  };
  const wasText = (c: ChangeRow) => (c.previous ? `${was(c)?.text}${c.previous.period !== previous ? ` (${c.previous.period})` : ""}` : "Not rated");
  return [
    { col: 0, header: "Ref", value: (c) => c.ref, style: STYLES.label, optional: true },
    { col: 1, header: nameHeader, value: (c) => c.name, style: STYLES.body },
    { col: 2, header: "Type", value: (c) => (mixed ? KIND_WORDS[c.kind] : ""), style: STYLES.body, optional: true },
    {
      col: 3,
      to: 4,
      header: previous,
      value: wasText,
      styleOf: (c) => was(c)?.style ?? STYLES.quiet,
      // As the record tables' Status: a status's symbol is not broken from its word where a column is left out.
      leadWordsWhole: true,
    },
    { col: 5, header: current, value: (c) => nowText(c), styleOf: (c) => now(c)?.style ?? STYLES.quiet, leadWordsWhole: true },
    {
      col: 6,
      to: 7,
      header: "Lead officer",
      // As in the Exceptions (layout-records.ts leadText).
      value: (c) => lead(c).value,
      styleOf: (c) => lead(c).style,
      optional: true,
    },
    {
      col: 8,
      header: "Commentary",
      value: (c) => (c.change === "gone" ? `No longer in the tracker (last on sheet '${c.sheet}').` : c.commentary || (c.reason ? `No commentary given (${c.reason}).` : "No commentary given.")),
      styleOf: (c) => (c.commentary ? STYLES.body : STYLES.quiet),
    },
  ];
}

export function writeChanges(w: PlanWriter, model: PackModel, scheme: Scheme): void {
  const history = model.history;
  if (!history?.previousPeriod) return;
  const previous = history.previousPeriod;
  w.banner(`Changes since ${previous}`, STYLES.section, 20);
  const changes = history.changes;
  if (changes.length === 0) {
    w.banner(`No rating has changed since ${previous}, and no record is new or gone.`, { ...STYLES.note, wrap: true });
    w.skip();
    return;
  }
  const text = `${changesSentence(changes, previous)} Worst first in each list, with the lead officer's commentary.`;
  w.banner(text, { ...STYLES.note, wrap: true });
  const cols = columns(scheme, previous, history.period || "This period", changes);
  for (const kind of Object.keys(CHANGE_CAPTIONS) as ChangeKind[]) {
    const rows = changes.filter((c) => c.change === kind);
    if (rows.length === 0) continue;
    const row = w.row++;
    w.block(row, 0, [[`${CHANGE_CAPTIONS[kind]} (${rows.length})`]]);
    w.range(STYLES.caption, { top: row, left: 0, bottom: row, right: 0 });
    w.height(row, 18);
    w.heading(row);
    w.row = writeTable(w, rows, cols) + 1;
  }
}
