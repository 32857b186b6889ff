// An exception the lead officer wrote no commentary for, or only a pointer ("See below"): a problem at its
// comment cell, made with the rating's other problems, so the pane, `--json` and the summary's officers'
// section all list it, and live colours drop it once the commentary is typed.
import { statusByKey } from "../scheme/schemes";
import { isPointer, missingCommentarySentence, pointerCommentarySentence } from "../vocab/plain-words";
import type { Problem, Rating, Scheme, SourceRecord } from "../vocab/types";

export interface CommentaryOptions {
  scheme: Scheme;
  /** Hidden rows are in the pack only when included (RULES §10): otherwise nobody reads their commentary. */
  includeHidden?: boolean;
}

/** Only where the tracker has a comment column: a tracker with none has nothing to fill. */
export function commentaryProblem(record: SourceRecord, rating: Rating, options: CommentaryOptions): Problem | undefined {
  const { scheme } = options;
  // The level first: called for every record, and most are no exception (the comment is a field made when read).
  if (!scheme.exceptionLevels.includes(rating.level) || (record.hidden && !options.includeHidden)) return undefined;
  const comment = record.comment;
  const cell = comment?.cell;
  if (!cell) return undefined;
  const text = comment.text.trim();
  const pointer = isPointer(text);
  if (text && !pointer) return undefined;
  const status = statusByKey(scheme, record.kind, rating.status)?.label ?? rating.status;
  const sentence = pointer ? pointerCommentarySentence(status, text) : missingCommentarySentence(status, rating.reason);
  return { sheet: record.sheet, cell, message: `${record.ref || record.name}: ${sentence}`, severity: "warning" };
}
