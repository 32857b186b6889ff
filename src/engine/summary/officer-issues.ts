// The officers' section's own rows, in plain sentences: where an officer's rating and the rules
// disagree. (An exception with no commentary, or only a pointer, is a problem of its rating:
// rate/commentary.ts; the councillors' pages only say "No commentary given.".)
import { statusByKey } from "../scheme/schemes";
import { disagreementSentence } from "../vocab/plain-words";
import type { IssueRow } from "./summary";
import type { RatedRecord } from "../rate/workbook";
import type { Scheme } from "../vocab/types";

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
