// The "Last period" column (issue 14): each record's status in the previous period beside this
// period's, coloured and with its symbol as the Status cell is, or "New"; only where a previous
// period is recorded, so a pack built without history is unchanged.
import { LAST_COL, STYLES, statusCell } from "../sheet-kit/layout-style";
import type { PlanStyle } from "../vocab/plan";
import type { Column } from "../sheet-kit/layout-table";
import { rowKey, type PackModel } from "./history-model";
import { OFFICER_MARK } from "./layout-records";
import type { RecordKind, Scheme } from "../vocab/types";

/** The grid column of Status in the record tables. */
const STATUS_COL = 5;
/** What a record without a status last period shows. */
export const NEW_WORD = "New";

/**
 * The column placed right of Status (G), and the columns that were from G onwards moved one
 * place on, passing over the wide comment column I (which stays): G → H, H → J, J → K.
 */
export function withLastPeriod<T>(columns: Column<T>[], last: Column<T> | undefined): Column<T>[] {
  if (!last) return columns;
  const stays = (c: Column<T>) => c.col <= STATUS_COL || c.col === LAST_COL;
  const moving = columns.filter((c) => !stays(c)).sort((a, b) => a.col - b.col);
  let slot = STATUS_COL;
  const next = () => {
    slot++;
    if (slot === LAST_COL) slot++;
    return slot;
  };
  return [...columns.filter(stays), ...[last, ...moving].map((c) => ({ ...c, col: next(), to: undefined }))].sort((a, b) => a.col - b.col);
}

/** The Last period cell of a record: the status then (its period named where it is older than the last), or "New". */
export function lastPeriodCell(model: PackModel, scheme: Scheme, kind: RecordKind, row: { sheet: string; row: number }): { text: string; style: PlanStyle } {
  const history = model.history;
  const last = history?.lastPeriod.get(rowKey(row));
  if (!history || !last) return { text: "", style: STYLES.body };
  if (last === "new") return { text: NEW_WORD, style: STYLES.quiet };
  const cell = statusCell(scheme, kind, last.status);
  // The officer's own rating then is marked as it was in that period's pack (the key explains the mark).
  const text = last.source === "officer" ? `${cell.text} ${OFFICER_MARK}` : cell.text;
  return { text: last.period === history.previousPeriod ? text : `${text} (${last.period})`, style: cell.style };
}

export function lastPeriodColumn<T extends { sheet: string; row: number }>(model: PackModel, scheme: Scheme, kindOf: (r: T) => RecordKind): Column<T> | undefined {
  if (!model.history?.previousPeriod) return undefined;
  return {
    col: STATUS_COL + 1,
    header: "Last period",
    value: (r) => lastPeriodCell(model, scheme, kindOf(r), r).text,
    styleOf: (r) => lastPeriodCell(model, scheme, kindOf(r), r).style,
    // As Status: a status's symbol is not broken from its word where a column is left out.
    leadWordsWhole: true,
  };
}

/** The key's line on the column, naming the period. */
export function lastPeriodNote(model: PackModel): string | undefined {
  const previous = model.history?.previousPeriod;
  if (!previous) return undefined;
  return `Last period: each record's status in ${previous}, from the Scorecard History sheet; "${NEW_WORD}" where the record was not rated then.`;
}
