// A strict in-memory Excel for tests and the browser preview.
// `run` has the shape of `Excel.run`, so host code runs against it unchanged.
import type { ExcelRun, IsSetSupported, XlRequestContext, XlRunOptions } from "../excel/api";
import { parseAddress, rangeAddress } from "../excel/a1";
import type { CellRange, CellValue } from "../engine/vocab/types";
import { dateSerial } from "./coerce";
import { DAYS_1904 } from "../excel/values";
import type { FakeLimits } from "./context";
import { DEFAULT_LIMITS } from "./context";
import type { FakeSheetView } from "./inspect";
import { snapshotWorkbook, viewSheet } from "./inspect";
import { chartsOf, viewCharts, type FakeChartView } from "./charts";
import { shapesOf } from "./drawings";
import { conditionalFormatsOf, type ConditionalFormatState } from "./conditional-formats";
import { MergedAreas } from "./merges";
import { FakeStats } from "./stats";
import type { CellFormat } from "./state";
import { DEFAULT_FORMAT, SheetState, WorkbookState } from "./state";
import { FakeRequestContext } from "./workbook";
import { FakeOfficeError } from "./errors";
import { versionAtMost } from "./version";
import type { RunInContext, RunInEarlier } from "../excel/live/api";
import type { UserActions } from "./user";
import { userActions } from "./user";
import type { FakeContext } from "./context";

export type { FakeLimits } from "./context";
export type { FakeCellView, FakeSheetView } from "./inspect";
export type { RequestStats } from "./stats";
export type { FakeChartView } from "./charts";
export { FakeStats } from "./stats";
export { FakeOfficeError } from "./errors";
export type { UserActions, UserSource } from "./user";
export type { CellFormat } from "./state";

export interface FakeSheetInit {
  name: string;
  /** Values with values[0][0] at `origin` (A1 by default). Dates become serial numbers with a date format. */
  values?: CellValue[][];
  origin?: { row: number; col: number };
  /** Number formats, same shape as values (null: General). */
  numberFormats?: (string | null)[][];
  /** Formats applied to addresses ("B2:B9"). */
  formats?: { address: string; format: Partial<CellFormat> }[];
  protected?: boolean;
  /** "VeryHidden" for a state sheet an earlier run (or the command line) left. */
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** `address` includes the totals row when `showTotals`. */
  tables?: { name: string; address: string; showTotals?: boolean }[];
  /** Sheet-scoped defined names (the add-in's hidden mark among them): formula as '="Summary"'. */
  names?: { name: string; formula: string; visible?: boolean }[];
  merges?: string[];
  tabColor?: string;
  /** Columns hidden, as zero-based first and last ({ first: 6, last: 16383 }: G:XFD). */
  hiddenColumns?: { first: number; last: number }[];
  /** Charts, pictures and shapes an officer placed, over `cells` ("G2:L15"), moving and sizing with them. */
  drawings?: { kind: "chart" | "picture" | "shape"; cells: string; name?: string; visible?: boolean }[];
  /** Conditional formats an officer set, each over one or more areas ("A4:Z100"); `unlisted`: one Office.js fails to list. */
  conditionalFormats?: { type: ConditionalFormatState["type"]; areas: string[]; unlisted?: boolean }[];
  /** Formulas by address ("G4"), with the result Excel shows (the fake does not calculate). */
  formulas?: Record<string, { formula: string; result: string | number }>;
  /** Column widths in points, by zero-based column. */
  columnWidths?: Record<number, number>;
}

export interface FakeWorkbookInit {
  sheets: FakeSheetInit[];
  settings?: Record<string, string | number | boolean>;
  /** Workbook structure protection (no adding, deleting or renaming sheets). */
  protected?: boolean;
  active?: string;
  limits?: Partial<FakeLimits>;
  /** Highest ExcelApi requirement set this Excel supports (default "1.20"). */
  apiVersion?: string;
  /** Dates counted from 1904 (a workbook from Excel for Mac's old default): Dates in `values` are stored so. */
  date1904?: boolean;
  /**
   * Whether this Excel has the "DelayForCellEdit" set (default true). Office.js sends Excel.run's
   * delayForCellEdit only where isSetSupported("DelayForCellEdit") holds (onBeforeExcelRun); elsewhere a
   * run fails while someone is typing in a cell, whatever the option.
   */
  delayForCellEdit?: boolean;
}

export interface FakeExcel {
  run: ExcelRun;
  /** The same Excel.run, as given an earlier run's request context (RunOptions.previousObjects). */
  runWith: RunInEarlier;
  isSetSupported: IsSetSupported;
  /** The active sheet's name. */
  active(): string | undefined;
  /** A user is typing in a cell (until a run that waits for them, as delayForCellEdit does). */
  setCellEditing(on: boolean): void;
  stats: FakeStats;
  /** Sheets as Excel's tab bar shows them: hidden and very hidden sheets left out. */
  sheetNames(): string[];
  /** Every sheet, hidden ones included, in workbook order. */
  allSheetNames(): string[];
  /** Undefined when there is no such sheet. */
  sheet(name: string): FakeSheetView | undefined;
  /** A sheet's charts (charts.ts); undefined when there is no such sheet. */
  charts(name: string): FakeChartView[] | undefined;
  settings(): Record<string, unknown>;
  snapshot(): unknown;
  setProtected(sheet: string, on: boolean): void;
  selection(): { sheet: string; address: string } | undefined;
  /**
   * Excel.run(context, batch): a batch in the request context of an earlier run. Office.js sends it with no
   * options (_runBatchCommon), so it fails while someone is typing in a cell.
   */
  runIn: RunInContext;
  /** What a person does in Excel, raising the events Excel raises (user.ts). */
  user: UserActions;
}

type Batch<T> = (context: XlRequestContext) => Promise<T>;


/** Only the options the fake models; mergeUndoGroup only where ExcelApi 1.20 is (the host must feature-detect it). */
/** Excel.run's options as the fake takes them: RunOptions.previousObjects too. */
type FakeRunOptions = XlRunOptions & Pick<Excel.RunOptions, "previousObjects">;

function checkRunOptions(options: FakeRunOptions | undefined, isSetSupported: IsSetSupported): void {
  for (const k of Object.keys(options ?? {})) {
    if (k !== "delayForCellEdit" && k !== "mergeUndoGroup" && k !== "previousObjects") throw new FakeOfficeError("NotImplemented", `Excel.run option '${k}' is not in the fake.`);
  }
  if (options?.mergeUndoGroup !== undefined && !isSetSupported("ExcelApi", "1.20")) {
    throw new FakeOfficeError("ApiNotFound", "mergeUndoGroup needs ExcelApi 1.20, which this Excel does not support.");
  }
}

function address(a: string): CellRange {
  const r = parseAddress(a);
  if (!r) throw new Error(`createFakeExcel: bad address ${a}`);
  return r;
}

function fillSheet(wb: WorkbookState, init: FakeSheetInit): SheetState {
  const sheet = new SheetState(init.name, wb.newSheetId());
  const o = init.origin ?? { row: 0, col: 0 };
  init.values?.forEach((line, i) =>
    line.forEach((value, j) => {
      const nf = init.numberFormats?.[i]?.[j] ?? undefined;
      const row = o.row + i;
      const col = o.col + j;
      if (value === null || value === undefined) {
        if (nf) sheet.put(row, col, { v: "", nf, fmt: DEFAULT_FORMAT });
        return;
      }
      if (value instanceof Date) {
        const serial = dateSerial(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()) - (wb.date1904 ? DAYS_1904 : 0);
        sheet.put(row, col, { v: serial, nf: nf ?? "dd/mm/yyyy", fmt: DEFAULT_FORMAT });
      } else if (typeof value === "object") {
        sheet.put(row, col, { v: value.error, nf: nf ?? "General", fmt: DEFAULT_FORMAT });
      } else if (typeof value === "string" && value.startsWith("=")) {
        sheet.put(row, col, { v: 0, f: value, nf: nf ?? "General", fmt: DEFAULT_FORMAT });
      } else {
        sheet.put(row, col, { v: value, nf: nf ?? "General", fmt: DEFAULT_FORMAT });
      }
    }),
  );
  for (const f of init.formats ?? []) {
    const r = address(f.address);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++)
        sheet.update(row, col, (c) => ({ ...c, fmt: { ...c.fmt, ...f.format, borders: { ...c.fmt.borders, ...f.format.borders } } }));
  }
  sheet.protected = init.protected ?? false;
  sheet.visibility = init.visibility ?? "Visible";
  sheet.tables = (init.tables ?? []).map((t) => ({ name: t.name, range: address(t.address), showTotals: t.showTotals ?? false }));
  sheet.merges = new MergedAreas((init.merges ?? []).map(address));
  sheet.names = (init.names ?? []).map((n) => ({ name: n.name, formula: n.formula, visible: n.visible ?? true }));
  sheet.tabColor = init.tabColor ?? "";
  for (const { first, last } of init.hiddenColumns ?? []) for (let c = first; c <= last; c++) sheet.hiddenCols.add(c);
  for (const [c, w] of Object.entries(init.columnWidths ?? {})) sheet.colWidths.set(Number(c), w);
  for (const [at, { formula, result }] of Object.entries(init.formulas ?? {})) {
    const r = address(at);
    sheet.put(r.top, r.left, { v: result, f: formula, nf: "General", fmt: DEFAULT_FORMAT });
  }
  for (const f of init.conditionalFormats ?? []) conditionalFormatsOf(sheet).push({ type: f.type, areas: f.areas.map(address), ...(f.unlisted ? { unlisted: true } : {}) });
  (init.drawings ?? []).forEach((d, i) => {
    const name = d.name ?? `${d.kind === "chart" ? "Chart" : d.kind === "picture" ? "Picture" : "Rectangle"} ${i + 1}`;
    if (d.kind === "chart") {
      if (d.visible === false) throw new Error("createFakeExcel: Office.js cannot tell a hidden chart (Chart has no visible)");
      chartsOf(sheet).push({ name, type: "ColumnClustered", title: "", legendPosition: "Right", valueAxisFormat: "General", series: [], position: address(d.cells) });
    } else shapesOf(sheet).push({ name, type: d.kind === "picture" ? "Image" : "GeometricShape", visible: d.visible ?? true, cells: address(d.cells) });
  });
  return sheet;
}

export function createFakeExcel(init: FakeWorkbookInit): FakeExcel {
  const wb = new WorkbookState();
  wb.date1904 = init.date1904 ?? false;
  for (const s of init.sheets) {
    if (wb.find(s.name)) throw new Error(`createFakeExcel: duplicate sheet ${s.name}`);
    wb.sheets.push(fillSheet(wb, s));
  }
  for (const [k, v] of Object.entries(init.settings ?? {})) wb.settings.set(k, v);
  wb.protected = init.protected ?? false;
  wb.active = (init.active ? wb.find(init.active) : undefined) ?? wb.sheets[0];
  if (wb.active) wb.selection = { sheet: wb.active, range: { top: 0, left: 0, bottom: 0, right: 0 } };
  const limits: FakeLimits = { ...DEFAULT_LIMITS, ...init.limits };
  const stats = new FakeStats();

  const apiVersion = init.apiVersion ?? "1.20";
  const isSetSupported: IsSetSupported = (name, version) => name === "ExcelApi" && versionAtMost(version, apiVersion);
  wb.apiVersion = apiVersion;

  /** The earlier context a run is given (RunOptions.previousObjects), checked to be this workbook's. */
  function earlier(context: unknown): FakeRequestContext {
    if (!(context instanceof FakeRequestContext) || (context as unknown as FakeContext)._state !== wb) throw new FakeOfficeError("InvalidRequestContext", "Excel.run was given a request context from another workbook.");
    return context;
  }

  async function run<T>(a: FakeRunOptions | Batch<T>, b?: Batch<T>): Promise<T> {
    const options = typeof a === "function" ? undefined : a;
    const batch = typeof a === "function" ? a : b!;
    stats.runs++;
    const previous = options?.previousObjects;
    const sent: XlRunOptions = { ...options };
    delete (sent as FakeRunOptions).previousObjects;
    // Excel.run(context, batch) is a run with no options.
    stats.runOptions.push(options && !(previous && Object.keys(sent).length === 0) ? sent : undefined);
    checkRunOptions(options, isSetSupported);
    // Someone is typing in a cell: without delayForCellEdit Excel fails the batch; with it, the batch waits
    // until they leave the cell (the fake lets them finish at once). Office.js sends the option only where
    // the DelayForCellEdit set is there.
    const waits = options?.delayForCellEdit === true && init.delayForCellEdit !== false;
    if (wb.cellEditing && !waits) throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
    wb.cellEditing = false;
    const given = previous !== undefined ? earlier(previous) : undefined;
    const context = given ?? new FakeRequestContext(wb, stats, limits);
    const ctx = context as unknown as FakeContext;
    ctx._closed = false;
    try {
      const result = await batch(context);
      // Excel.run sends whatever is still queued when the batch resolves.
      if (ctx._pending > 0) await ctx.sync();
      return result;
    } finally {
      ctx._closed = true;
    }
  }

  // Excel.run(context, batch): Office.js's _runBatchCommon passes no options on, so no delayForCellEdit.
  const runIn: RunInContext = async (context, batch) => run({ previousObjects: earlier(context) as unknown as OfficeExtension.ClientRequestContext }, batch);

  return {
    runIn,
    user: userActions(wb),
    run: Object.assign(run, { isSetSupported }),
    runWith: run as unknown as RunInEarlier,
    isSetSupported,
    stats,
    active: () => wb.active?.name,
    setCellEditing: (on) => {
      wb.cellEditing = on;
    },
    sheetNames: () => wb.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name),
    allSheetNames: () => wb.sheets.map((s) => s.name),
    sheet: (name) => {
      const s = wb.find(name);
      return s ? viewSheet(wb, s) : undefined;
    },
    charts: (name) => {
      const s = wb.find(name);
      return s ? viewCharts(s) : undefined;
    },
    settings: () => Object.fromEntries(wb.settings),
    snapshot: () => JSON.parse(JSON.stringify(snapshotWorkbook(wb))) as unknown,
    setProtected: (name, on) => {
      const s = wb.find(name);
      if (!s) throw new Error(`no sheet ${name}`);
      s.protected = on;
    },
    selection: () => {
      const sel = wb.selection;
      if (!sel) return undefined;
      return { sheet: sel.sheet.name, address: rangeAddress(sel.range) };
    },
  };
}
