// A key or legend written under a table ("Key:", "★ Better than target limits", "Green = On target")
// explains the symbols; its rows are not indicators or activities (issue 12, RULES §2).
import { isBlank, type SheetCells } from "../read/cells";
import { PRESETS } from "../scheme/presets";
import { matchRating, normaliseRating } from "../scheme/schemes";
import type { Role, TableSpec } from "../vocab/types";
import { ourColumns } from "./body-rows";
import { IDENTITY_ROLES } from "./headers";

const KEY_HEADING = /^(?:key|legend|rating key|status key|performance key|symbol key|colour key|traffic light key|key to (?:the )?(?:symbols|ratings|status(?:es)?|icons|colours))\s*:?$/i;

/** Every status label and meaning of every preset, as officers' text is compared. */
const STATUS_WORDS: ReadonlySet<string> = new Set(
  Object.values(PRESETS).flatMap((scheme) => [...scheme.indicator, ...scheme.activity].flatMap((s) => [s.label, s.description].map(normaliseRating))),
);

/** A symbol or rating word of any preset: "★", "●", "G", "Green", "Amber". */
function isRatingMark(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 12) return false;
  return Object.values(PRESETS).some((scheme) => matchRating(scheme, "indicator", t) ?? matchRating(scheme, "activity", t));
}

/** A preset's label or meaning ("On target", "Better than target limits"), or text that starts with one. */
function isStatusMeaning(text: string): boolean {
  const t = normaliseRating(text);
  if (STATUS_WORDS.has(t)) return true;
  for (const w of STATUS_WORDS) if (w.length > 6 && t.startsWith(w)) return true;
  return false;
}

/** Text that says what a status means: a preset's label or meaning, or "… target …", "… schedule …". */
function isMeaning(text: string): boolean {
  if (isStatusMeaning(text)) return true;
  const t = normaliseRating(text);
  return t.length <= 80 && /\b(target|tolerance|schedule|due date|complete[d]?|overdue|no data|data only|narrative)\b/.test(t);
}

/**
 * `meaning` says what `mark` means: a meaning, and not the mark again. A meaning may itself be a
 * status label ("Red | Off target", "Green | On target": "Off target" is Derby's label for red).
 */
function isMeaningOf(mark: string, meaning: string): boolean {
  return normaliseRating(mark) !== normaliseRating(meaning) && isMeaning(meaning) && (!isRatingMark(meaning) || meaning.trim().length > mark.trim().length);
}

/** "Key", "Legend:", "Key to symbols": a heading that starts a key block. */
export function isKeyHeading(text: string): boolean {
  return KEY_HEADING.test(text.trim());
}

/** "★ = Better than target limits", "Green - On target" in one cell. */
function isKeyLine(text: string): boolean {
  const m = /^\s*(\S{1,3}|[A-Za-z]{1,8})\s*[=:–—-]\s*(.+)$/.exec(text);
  return !!m && isRatingMark(m[1]) && isMeaning(m[2]);
}

const FIGURE_ROLES: ReadonlySet<Role> = new Set<Role>(["actual", "annualTarget", "periodTarget", "progress", "due", "start"]);

/**
 * A row's officer cells (ours left out), as far as keys go: nothing, three texts or fewer, or "full" (a
 * figure, or more than three texts), where no key starts or is joined unless one is already open.
 */
export function keyRowShape(cells: SheetCells, row: number, ours: readonly number[]): "blank" | "texts" | "full" {
  let strings = 0;
  const values = cells.row(row);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isBlank(v) || (ours.length && ours.includes(cells.left + i))) continue;
    if (typeof v !== "string") return "full";
    strings++;
  }
  return strings === 0 ? "blank" : strings > 3 ? "full" : "texts";
}

/** Reads a table's rows for key blocks: a key heading starts one, a row with figures ends it. */
export class KeyBlocks {
  private inKey = false;
  private readonly figureCols: number[];
  /** The officers' rating columns, and the columns naming a record (ref, name): a rating there beside a name is a record. */
  private readonly ratingCols: number[];
  private readonly identityCols: number[];
  /** Our own columns (Status (auto), Check (auto)): what we wrote there is not the officer's key. */
  private readonly ours: number[];

  constructor(
    private readonly cells: SheetCells,
    table: TableSpec,
  ) {
    this.figureCols = table.columns.filter((c) => FIGURE_ROLES.has(c.role)).map((c) => c.col);
    this.ratingCols = table.columns.filter((c) => c.role === "manual").map((c) => c.col);
    this.identityCols = table.columns.filter((c) => IDENTITY_ROLES.has(c.role)).map((c) => c.col);
    this.ours = ourColumns(table);
  }

  /** A cell of the row that is the officer's, not ours. */
  private theirs(i: number): boolean {
    return this.ours.length === 0 || !this.ours.includes(this.cells.left + i);
  }

  /** True when the (zero-based) row is part of a key: its heading, or an entry. */
  isKeyRow(row: number): boolean {
    // Most rows hold a figure: a cheap pass, allocating nothing, answers for them.
    const shape = keyRowShape(this.cells, row, this.ours);
    if (shape === "blank") return false;
    if (shape === "full" && !this.inKey) return false;
    const texts: string[] = [];
    const values = this.cells.row(row);
    if (shape === "texts") for (let i = 0; i < values.length; i++) if (typeof values[i] === "string" && !isBlank(values[i]) && this.theirs(i)) texts.push((values[i] as string).trim());
    if (texts.length === 1 && (isKeyHeading(texts[0]) || isKeyLine(texts[0]))) {
      this.inKey = true;
      return true;
    }
    // Without a heading, entries come in a run: a lone row of a mark and a status word may be a record.
    if (this.isEntry(row) && (this.isEntry(this.nextFilled(row, -1)) || this.isEntry(this.nextFilled(row, 1)))) return true;
    if (this.inKey) {
      const figures = this.figureCols.some((col) => !isBlank(this.cells.at(row, col)));
      if (!figures) return true;
      this.inKey = false;
    }
    return false;
  }

  /** A row of two or three texts: a mark ("★", "Green") and what it means ("Better than target limits"). */
  private isEntry(row: number | undefined): boolean {
    if (row === undefined) return false;
    const texts: string[] = [];
    const cols: number[] = [];
    const values = this.cells.row(row);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (isBlank(v) || !this.theirs(i)) continue;
      if (typeof v !== "string") return false;
      texts.push(v.trim());
      cols.push(this.cells.left + i);
      if (texts.length > 3) return false;
    }
    // A rating in the table's own rating column beside its ref or name is a key's only where the words are a
    // status's label or meaning ("On target | | Green"): "CP1 | Reduce sickness absence to the corporate
    // target | R" is a text-only plan's record (helper-121: its Red and Amber actions vanished; helper-122).
    const recordLike = (i: number): boolean => this.ratingCols.includes(cols[i]) && cols.some((c, j) => j !== i && this.identityCols.includes(c));
    return texts.length >= 2 && texts.some((mark, i) => isRatingMark(mark) && texts.some((meaning, j) => j !== i && isMeaningOf(mark, meaning) && (!recordLike(i) || isStatusMeaning(meaning))));
  }

  /** The nearest row above (step −1) or below (+1) with anything in it, within the sheet. */
  private nextFilled(row: number, step: 1 | -1): number | undefined {
    for (let r = row + step; r >= this.cells.top && r <= this.cells.bottom; r += step) {
      if (this.cells.row(r).some((v, i) => !isBlank(v) && this.theirs(i))) return r;
    }
    return undefined;
  }

  /** A new section heading ends any key block. */
  endKey(): void {
    this.inKey = false;
  }
}
