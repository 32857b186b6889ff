// Reading the "Scorecard Rules" sheet back into a scheme and settings. Sections are found by their headings,
// not by row numbers, so inserted rows and notes do no harm; every bad cell becomes a problem and keeps its default.
import { toA1 } from "../vocab/address";
import { SheetCells } from "../read/cells";
import { PRESETS, presetByKey, RAG } from "../scheme/presets";
import { schemeOfStatusesNote } from "./rules-sheet-layout";
import { PERIOD_LABEL, settingByLabel, SCHEME_LABEL, type Draft } from "./rules-sheet-settings";
import { HEADINGS, normLabel, roleOf, ROLES, RULES_SHEET, type RulesSettings, type SectionName } from "./rules-sheet-spec";
import { readStatusTable, type CellReport } from "./rules-sheet-statuses";
import { textOf } from "./rules-sheet-values";
import type { ColumnOverride } from "../rate/workbook";
import type { Problem, Scheme, SheetGrid, Status } from "../vocab/types";

const TITLE = normLabel(RULES_SHEET);
const HEADING_WORDS: Record<string, SectionName> = {
  [normLabel(HEADINGS.settings)]: "settings",
  [normLabel(HEADINGS.statuses)]: "statuses",
  status: "statuses",
  [normLabel(HEADINGS.mapping)]: "mapping",
  "column mappings": "mapping",
};

interface Layout {
  /** Sheet column of the labels (A in our layout). */
  col: number;
  rows: Record<SectionName, number[]>;
  headingRow: Partial<Record<SectionName, number>>;
}

/** Our layout: the title in the top-left corner, then sections by heading. Undefined for anyone else's sheet. */
function locate(cells: SheetCells): Layout | undefined {
  let title: { row: number; col: number } | undefined;
  for (let r = cells.top; r <= Math.min(cells.top + 4, cells.bottom) && !title; r++) {
    for (let c = cells.left; c <= Math.min(cells.left + 2, cells.right) && !title; c++) {
      if (normLabel(textOf(cells.at(r, c))) === TITLE) title = { row: r, col: c };
    }
  }
  if (!title) return undefined;
  const layout: Layout = { col: title.col, rows: { settings: [], statuses: [], mapping: [] }, headingRow: {} };
  let section: SectionName = "settings";
  for (let r = title.row + 1; r <= cells.bottom; r++) {
    const heading = HEADING_WORDS[normLabel(textOf(cells.at(r, title.col)))];
    if (heading && layout.headingRow[heading] === undefined) {
      section = heading;
      layout.headingRow[heading] = r;
    } else {
      layout.rows[section].push(r);
    }
  }
  return layout;
}

function cloneScheme(s: Scheme): Scheme {
  const copy = (st: Status): Status => ({ ...st, aliases: [...st.aliases] });
  const out: Scheme = {
    ...s,
    tolerance: { ...s.tolerance },
    exceptionLevels: [...s.exceptionLevels],
    indicator: s.indicator.map(copy),
    activity: s.activity.map(copy),
  };
  if (s.expectedProgress) out.expectedProgress = { ...s.expectedProgress };
  return out;
}

/** The preset the Scheme cell names (key or full name); rag when blank or unknown. */
function choosePreset(text: string, report: (m: string, s: Problem["severity"]) => void): Scheme {
  if (!text) {
    report(`Scheme is blank: the ${RAG.key} scheme is used.`, "warning");
    return RAG;
  }
  const found = presetByKey(text) ?? Object.values(PRESETS).find((p) => normLabel(p.name) === normLabel(text));
  if (found) return found;
  report(`Scheme "${text}" is not one of ${Object.keys(PRESETS).join(", ")}: the ${RAG.key} scheme is used.`, "error");
  return RAG;
}

const SCHEME_FIELDS = ["name", "tolerance", "exceedMargin", "warningDays", "trendPeriods", "staticBand", "activitySource", "exceptionLevels", "expectedProgress"] as const;

/**
 * The Scheme cell was changed to another preset: the new preset's defaults, plus only the settings the user
 * had changed from the old one (so rag's 3 trend periods do not follow a switch to dudley).
 */
function switchPreset(edited: Scheme, from: Scheme, to: Scheme): Scheme {
  const out = cloneScheme(to);
  const target = out as unknown as Record<string, unknown>;
  const source = edited as unknown as Record<string, unknown>;
  const before = from as unknown as Record<string, unknown>;
  for (const field of SCHEME_FIELDS) {
    if (JSON.stringify(source[field]) === JSON.stringify(before[field])) continue;
    if (source[field] === undefined) delete target[field];
    else target[field] = source[field];
  }
  return out;
}

function readMapping(cells: SheetCells, rows: number[], report: CellReport): ColumnOverride[] {
  const out: ColumnOverride[] = [];
  let cols: { sheet: number; header: number; role: number } | undefined;
  for (const row of rows) {
    if (!cols) {
      const found: Record<string, number> = {};
      for (let c = cells.right; c >= cells.left; c--) found[normLabel(textOf(cells.at(row, c)))] = c;
      if (found.sheet !== undefined && found.header !== undefined && found.role !== undefined) cols = { sheet: found.sheet, header: found.header, role: found.role };
      continue; // rows before the header are notes
    }
    const sheet = textOf(cells.at(row, cols.sheet));
    const header = textOf(cells.at(row, cols.header));
    const roleText = textOf(cells.at(row, cols.role));
    if (!header && !roleText) continue; // blank rows and notes
    if (!sheet || !header) {
      report(row, sheet ? cols.header : cols.sheet, "A column mapping needs the sheet's name and the column's header: the row is ignored.", "error");
      continue;
    }
    const role = roleOf(roleText);
    if (!role) {
      report(row, cols.role, `Role "${roleText}" is not one of: ${ROLES.join(", ")}. The row is ignored.`, "error");
      continue;
    }
    out.push({ sheet, header, role });
  }
  return out;
}

export function readRulesSheet(grid: SheetGrid): { scheme: Scheme; settings: RulesSettings; problems: Problem[]; periodCell?: string } | undefined {
  const cells = new SheetCells(grid);
  const layout = locate(cells);
  if (!layout) return undefined;
  const { col } = layout;
  const schemeRow = layout.rows.settings.find((r) => normLabel(textOf(cells.at(r, col))) === normLabel(SCHEME_LABEL));
  if (schemeRow === undefined) return undefined;

  const problems: Problem[] = [];
  const report: CellReport = (row, c, message, severity = "error") => problems.push({ sheet: grid.name || RULES_SHEET, cell: toA1(row, c), message, severity });
  const formatAt = (row: number, c: number) => grid.numberFormats?.[row - cells.top]?.[c - cells.left];

  const chosen = choosePreset(textOf(cells.at(schemeRow, col + 1)), (m, s) => report(schemeRow, col + 1, m, s));
  // The statuses heading names the scheme its rows were written for.
  const noted = layout.headingRow.statuses === undefined ? undefined : schemeOfStatusesNote(textOf(cells.at(layout.headingRow.statuses, col + 1)));
  const written = (noted && presetByKey(noted)) || chosen;

  const draft: Draft = { scheme: cloneScheme(written), settings: { preset: chosen.key, columnOverrides: [] } };
  const seen = new Set<string>([normLabel(SCHEME_LABEL)]);
  let periodCell: string | undefined;
  for (const row of layout.rows.settings) {
    if (row === schemeRow) continue;
    const label = textOf(cells.at(row, col));
    const spec = label ? settingByLabel(label) : undefined;
    if (!spec) continue; // the title, notes, the header row, anything a user added
    const key = normLabel(spec.label);
    if (seen.has(key)) {
      report(row, col, `${spec.label} appears twice: the first is used.`, "warning");
      continue;
    }
    seen.add(key);
    spec.read(cells.at(row, col + 1), formatAt(row, col + 1), draft, (m, s) => report(row, col + 1, m, s));
    // Where a person set the period: named as its source (RULES §10), "'Scorecard Rules'!B5".
    if (key === normLabel(PERIOD_LABEL) && draft.settings.period) periodCell = toA1(row, col + 1);
  }

  let scheme = draft.scheme;
  if (written !== chosen) {
    scheme = switchPreset(draft.scheme, written, chosen);
    report(schemeRow, col + 1, `Scheme changed from ${written.key} to ${chosen.key}: the status rows below are ${written.key}'s and are not used; the next build rewrites them.`, "warning");
  } else {
    readStatusTable(cells, layout.rows.statuses, scheme, report);
  }
  draft.settings.columnOverrides = readMapping(cells, layout.rows.mapping, report);
  return { scheme, settings: draft.settings, problems, periodCell };
}
