// The officers' section's own rows, in plain sentences: where an officer's rating and the rules
// disagree, and where an exception has no commentary, or only a pointer ("See below"; the councillors'
// pages only say "No commentary given."; the figures behind the rating are for the officer who writes it).
import { toA1 } from "../vocab/address";
import { statusByKey } from "../scheme/schemes";
import { disagreementSentence, isPointer, missingCommentarySentence, pointerCommentarySentence } from "./plain-words";
import type { IssueRow } from "./summary";
import type { RatedRecord } from "../rate/workbook";
import type { Level, Scheme, TableSpec } from "../vocab/types";

/** "The officer rated it Red; the rules give Satisfactory: 378 against a target of 483 is met." */
export function checkRows(rated: readonly RatedRecord[], scheme: Scheme): IssueRow[] {
  return rated.flatMap(({ record, rating }) =>
    rating.checks.map((message) => {
      const rules = rating.computed ? statusByKey(scheme, record.kind, rating.computed) : undefined;
      const plain = rating.manualText && rules ? disagreementSentence(rating.manualText, rules.label, rating.reason) : message;
      return { ref: record.ref, where: `${record.sheet}!${record.manual?.cell ?? `A${record.row}`}`, message: plain, severity: "check" as const };
    }),
  );
}

/** The comment cell of a record's row, where its table has a comment column. */
function commentCell(tables: readonly TableSpec[], sheet: string, row: number): string | undefined {
  const at = row - 1;
  const table = tables.find((t) => t.sheet === sheet && at >= t.firstRow && at <= t.lastRow);
  const column = table?.columns.find((c) => c.role === "comment");
  return column ? toA1(at, column.col) : undefined;
}

/**
 * Exceptions whose lead officer wrote no commentary, where the tracker has a column for it: what
 * the rules found, at the empty comment cell. A tracker with no comment column has nothing to fill.
 */
export function missingCommentaryRows(rated: readonly RatedRecord[], tables: readonly TableSpec[], scheme: Scheme, exceptionLevels: ReadonlySet<Level>): IssueRow[] {
  const out: IssueRow[] = [];
  for (const { record, rating } of rated) {
    if (!exceptionLevels.has(rating.level)) continue;
    const text = record.comment?.text.trim() ?? "";
    const pointer = isPointer(text);
    if (text && !pointer) continue;
    const cell = pointer ? record.comment?.cell : commentCell(tables, record.sheet, record.row);
    if (!cell) continue;
    const status = statusByKey(scheme, record.kind, rating.status)?.label ?? rating.status;
    const message = pointer ? pointerCommentarySentence(status, text) : missingCommentarySentence(status, rating.reason);
    out.push({ ref: record.ref, where: `${record.sheet}!${cell}`, message, severity: "warning" });
  }
  return out;
}
