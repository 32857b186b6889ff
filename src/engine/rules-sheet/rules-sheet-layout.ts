// Writing the "Scorecard Rules" sheet: title, Settings, Statuses (doubling as a colour key) and Column mapping.
// Yellow cells are the ones an officer may edit; everything is literal text so Excel keeps "5%" as typed.
import { FONT, StyleCollector } from "../trackers/colour";
import { linesHeight, wrappedLines } from "../sheet-kit/layout-measure";
import { headerSection, headerText } from "../sheet-kit/layout-print";
import { emptySheetPlan, type PlanStyle, type PlanValue, type SheetPlan } from "../vocab/plan";
import { SETTINGS } from "./rules-sheet-settings";
import { statusRows } from "./rules-sheet-statuses";
import {
  HEADINGS,
  MAPPING_HEADER,
  ROLES,
  RULES_EXPLANATION,
  RULES_SHEET,
  SETTINGS_HEADER,
  STATUS_HEADER,
  type RulesSettings,
} from "./rules-sheet-spec";
import type { Scheme } from "../vocab/types";

const TEXT = "@";
const LAST_COL = STATUS_HEADER.length - 1;
/** Empty yellow rows under the column mapping, inviting corrections. */
const SPARE_MAPPING_ROWS = 5;

const base: PlanStyle = { fontName: FONT, fontSize: 10, numberFormat: TEXT, vAlign: "top" };
const STYLES = {
  title: { ...base, fontSize: 14, bold: true, fontColor: "#1F3864" },
  note: { ...base, italic: true, fontColor: "#595959" },
  heading: { ...base, fontSize: 11, bold: true, fill: "#44546A", fontColor: "#FFFFFF" },
  headingNote: { ...base, italic: true, fill: "#44546A", fontColor: "#FFFFFF" },
  header: { ...base, bold: true, fill: "#D9E1F2", fontColor: "#1F3864", border: "#8EA9DB" },
  label: { ...base, bold: true, fontColor: "#262626" },
  edit: { ...base, fill: "#FFF2CC", fontColor: "#262626", border: "#BF9000" },
  editWrap: { ...base, fill: "#FFF2CC", fontColor: "#262626", border: "#BF9000", wrap: true },
  fixed: { ...base, fill: "#F2F2F2", fontColor: "#404040", border: "#BFBFBF" },
  wrapNote: { ...base, italic: true, fontColor: "#595959", wrap: true },
} satisfies Record<string, PlanStyle>;

const WIDTHS = [26, 36, 24, 44, 10, 11, 11, 9, 60];

/** Builds the plan row by row: each call writes one row from column A and styles its cells. */
class RowWriter {
  row = 0;
  readonly plan = emptySheetPlan(RULES_SHEET, "create");
  readonly styles = new StyleCollector();

  /** `mergeTo`: the row's one value is merged across columns A to this one. */
  put(values: PlanValue[], styles: PlanStyle[], mergeTo?: number): number {
    const row = this.row++;
    this.plan.blocks.push({ row, col: 0, values: [values] });
    styles.forEach((style, col) => this.styles.add(style, row, col));
    if (mergeTo !== undefined) this.plan.merges.push({ top: row, left: 0, bottom: row, right: mergeTo });
    // Wrapped cells need their row tall enough for every line: hosts keep a new sheet's default height.
    let lines = 1;
    values.forEach((v, col) => {
      const widths = mergeTo !== undefined ? WIDTHS.slice(0, mergeTo + 1) : [WIDTHS[col] ?? WIDTHS[WIDTHS.length - 1]];
      if (styles[col]?.wrap && typeof v === "string") lines = Math.max(lines, wrappedLines(v, widths, { size: styles[col].fontSize ?? 10 }));
    });
    // Excel's tallest row is 409 points.
    if (lines > 1) this.plan.rowHeights.push({ row, height: Math.min(409, linesHeight(lines)) });
    return row;
  }

  blank(): void {
    this.row++;
  }

  heading(title: string, note = ""): void {
    const row = this.put(note ? [title, note] : [title], [STYLES.heading, STYLES.headingNote]);
    for (let c = 2; c <= LAST_COL; c++) this.styles.add(STYLES.heading, row, c);
  }
}

/** The note in the Statuses heading names the scheme the rows belong to: the reader uses it to spot a changed Scheme. */
export function statusesNote(schemeKey: string): string {
  return `Statuses of scheme ${schemeKey}. Keys and levels are fixed; Fill and Font show each status's colours: edit their text (#RRGGBB). Also accepts: words officers may type, separated by |.`;
}

export function schemeOfStatusesNote(text: string): string | undefined {
  return /\bstatuses of scheme\s+([a-z0-9_-]+)/i.exec(text)?.[1]?.toLowerCase();
}

export function layoutRulesSheet(scheme: Scheme, settings: RulesSettings): SheetPlan {
  const w = new RowWriter();
  w.put(["Scorecard Rules"], [STYLES.title]);
  w.put([RULES_EXPLANATION], [STYLES.note]);
  w.blank();

  w.heading(HEADINGS.settings);
  w.put(SETTINGS_HEADER, SETTINGS_HEADER.map(() => STYLES.header));
  for (const s of SETTINGS) w.put([s.label, s.write(scheme, settings), s.note], [STYLES.label, STYLES.edit, STYLES.note]);
  w.blank();

  w.heading(HEADINGS.statuses, statusesNote(scheme.key));
  w.put(STATUS_HEADER, STATUS_HEADER.map(() => STYLES.header));
  for (const { status, values } of statusRows(scheme)) {
    // The Fill and Font cells wear the status's own colours, so the table doubles as the key.
    const own: PlanStyle = { ...base, fill: status.fill, fontColor: status.font, bold: true, border: "#BFBFBF" };
    w.put(values, [STYLES.fixed, STYLES.fixed, STYLES.edit, STYLES.editWrap, STYLES.fixed, own, own, STYLES.edit, STYLES.editWrap]);
  }
  w.blank();

  w.heading(HEADINGS.mapping);
  w.put(
    [`Correct a column's role: the sheet's name, the column's header as it reads, and one of these roles: ${ROLES.join(", ")}.`],
    [STYLES.wrapNote],
    LAST_COL,
  );
  w.put(MAPPING_HEADER, MAPPING_HEADER.map(() => STYLES.header));
  const edit = [STYLES.edit, STYLES.edit, STYLES.edit];
  for (const o of settings.columnOverrides) w.put([o.sheet, o.header, o.role], edit);
  for (let i = 0; i < SPARE_MAPPING_ROWS; i++) w.put(["", "", ""], edit);

  const plan = w.plan;
  plan.styles = w.styles.toGroups();
  plan.columnWidths = WIDTHS.map((width, col) => ({ col, width }));
  plan.freeze = { rows: 1, cols: 0 };
  plan.print = { orientation: "landscape", paper: "A4", fitToPagesWide: 1, footer: headerSection("L", headerText(RULES_SHEET)) + headerSection("R", "Page &P of &N") };
  plan.tabColor = "#FFC000";
  return plan;
}
