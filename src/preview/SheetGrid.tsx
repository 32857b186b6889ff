// The active sheet of the preview's workbook as an HTML table: each cell's text with its fill, font
// colour, weight and alignment as the fake Excel holds them, merged areas spanned, and the selection outlined.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { CSSProperties } from "react";
import type { CellRange } from "../engine/vocab/types";
import { cellAddress, columnLetters, parseAddress } from "../excel/a1";
import type { CellFormat, FakeChartView, FakeSheetView } from "../fake-excel";
import { ChartBoxes } from "./ChartBoxes";
import { cellText } from "./cell-text";

/** Excel's standard column (48 pt) and the row-number column, in CSS pixels. */
const STANDARD_COL_PX = 64;
const ROW_HEADER_PX = 40;
const MIN_ROWS = 20;
/** Drawn at 85%, like Excel's zoom, so a tracker's Status (auto) column fits beside the pane on a laptop screen. */
const ZOOM = 0.85;
const MIN_COLS = 8;

const useStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontFamily: "Calibri, Carlito, Arial, sans-serif",
    backgroundColor: "#FFFFFF",
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    height: "20px",
  },
  corner: { left: 0, zIndex: 2 },
  rowHead: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    textAlign: "center",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    border: "1px solid #E1E1E1",
    padding: "1px 3px",
    overflow: "hidden",
    height: "18px",
    lineHeight: 1.25,
  },
  editor: { width: "100%", boxSizing: "border-box", font: "inherit", border: "none", outline: "2px solid #107C41", padding: 0 },
});

interface Span {
  rowSpan: number;
  colSpan: number;
}

function spans(merges: string[]): { starts: Map<string, Span>; covered: Set<string> } {
  const starts = new Map<string, Span>();
  const covered = new Set<string>();
  for (const m of merges) {
    const r = parseAddress(m);
    if (!r) continue;
    starts.set(`${r.top},${r.left}`, { rowSpan: r.bottom - r.top + 1, colSpan: r.right - r.left + 1 });
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) covered.add(`${row},${col}`);
  }
  return { starts, covered };
}

const H_ALIGN: Record<string, CSSProperties["textAlign"]> = { Left: "left", Center: "center", Right: "right", Justify: "justify" };
const V_ALIGN: Record<string, CSSProperties["verticalAlign"]> = { Top: "top", Center: "middle", Bottom: "bottom" };

function cellStyle(f: CellFormat, value: unknown): CSSProperties {
  return {
    backgroundColor: f.fill ?? undefined,
    color: f.fontColor,
    fontWeight: f.bold ? 700 : 400,
    fontStyle: f.italic ? "italic" : "normal",
    fontSize: `${Math.round(f.fontSize * ZOOM * 10) / 10}pt`,
    whiteSpace: f.wrap ? "pre-wrap" : "pre",
    overflowWrap: f.wrap ? "anywhere" : undefined,
    textOverflow: f.wrap ? undefined : "ellipsis",
    // General alignment: numbers right, text left, as Excel does.
    textAlign: H_ALIGN[f.hAlign] ?? (typeof value === "number" ? "right" : "left"),
    verticalAlign: V_ALIGN[f.vAlign] ?? "bottom",
  };
}

const inside = (r: CellRange | undefined, row: number, col: number) =>
  !!r && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

export interface SheetGridProps {
  view: FakeSheetView;
  /** The selected range when it is on this sheet. */
  selection?: CellRange;
  id?: string;
  labelledBy?: string;
  /** A cell typed in (double-click, type, Enter), as a person types in Excel; absent: read-only. */
  onEdit?: (address: string, text: string) => void;
  /** The sheet's charts, drawn over their cells. */
  charts?: FakeChartView[];
}

export function SheetGrid({ view, selection, id, labelledBy, onEdit, charts = [] }: SheetGridProps) {
  const styles = useStyles();
  const [editing, setEditing] = useState<{ address: string; draft: string }>();
  const commit = () => {
    if (editing) onEdit?.(editing.address, editing.draft);
    setEditing(undefined);
  };
  const tableRef = useRef<HTMLTableElement>(null);
  const usedRows = view.values.length;
  const usedCols = view.values[0]?.length ?? 0;
  const rows = Math.max(MIN_ROWS, usedRows + 3, (selection?.bottom ?? 0) + 4);
  const cols = Math.max(MIN_COLS, usedCols + 1, (selection?.right ?? 0) + 2);
  const formats = useMemo(() => view.formats(`A1:${cellAddress(rows - 1, cols - 1)}`), [view, rows, cols]);
  const merged = useMemo(() => spans(view.merges), [view]);
  const widths = Array.from({ length: cols }, (_, c) => {
    const pt = view.columnWidths[columnLetters(c)];
    return Math.round((pt === undefined ? STANDARD_COL_PX : (pt * 4) / 3) * ZOOM);
  });
  const total = ROW_HEADER_PX + widths.reduce((a, b) => a + b, 0);
  const selected = selection ? cellAddress(selection.top, selection.left) : undefined;

  // Bring the selected cell into view, as Excel scrolls to a selection. Done by hand rather than with
  // scrollIntoView, which would leave the cell under the sticky row and column headers.
  useEffect(() => {
    const table = tableRef.current;
    // The scrolling panel: the table sits in a positioned wrapper that also holds the charts.
    const box = table?.closest<HTMLElement>('[role="tabpanel"]') ?? table?.parentElement;
    const td = selected ? table?.querySelector<HTMLElement>(`[data-cell="${selected}"]`) : null;
    if (!table || !box || !td) return;
    const head = table.tHead?.offsetHeight ?? 0;
    const fit = (start: number, size: number, scroll: number, view: number, fixed: number): number => {
      const shown = Math.min(size, view - fixed);
      if (start - fixed < scroll) return Math.max(0, start - fixed);
      if (start + shown > scroll + view) return start + shown - view;
      return scroll;
    };
    box.scrollLeft = fit(td.offsetLeft, td.offsetWidth, box.scrollLeft, box.clientWidth, ROW_HEADER_PX);
    box.scrollTop = fit(td.offsetTop, td.offsetHeight, box.scrollTop, box.clientHeight, head);
  }, [selected, view]);

  return (
    <div style={{ position: "relative", width: total }}>
    <table ref={tableRef} id={id} aria-labelledby={labelledBy} className={styles.table} style={{ width: total }}>
      <colgroup>
        <col style={{ width: ROW_HEADER_PX }} />
        {widths.map((w, c) => (
          <col key={c} style={{ width: w }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <td className={mergeClasses(styles.head, styles.corner)} />
          {widths.map((_, c) => (
            <th key={c} scope="col" className={styles.head}>
              {columnLetters(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          // A height the workbook set (a chart's rows, say) is kept, scaled as the grid is; others fit their text.
          <tr key={r} style={view.rowHeights[r + 1] !== undefined ? { height: Math.round(((view.rowHeights[r + 1] * 4) / 3) * ZOOM) } : undefined}>
            <th scope="row" className={styles.rowHead}>
              {r + 1}
            </th>
            {Array.from({ length: cols }, (_, c) => {
              if (merged.covered.has(`${r},${c}`)) return null;
              const value = view.values[r]?.[c] ?? "";
              const nf = view.numberFormats[r]?.[c] ?? "General";
              const isSelected = inside(selection, r, c);
              const style = cellStyle(formats[r][c], value);
              if (isSelected) Object.assign(style, { outline: "2px solid #107C41", outlineOffset: "-2px" });
              const span = merged.starts.get(`${r},${c}`);
              const address = cellAddress(r, c);
              return (
                <td
                  key={c}
                  className={styles.cell}
                  style={style}
                  rowSpan={span?.rowSpan}
                  colSpan={span?.colSpan}
                  data-cell={address}
                  data-selected={isSelected ? "true" : undefined}
                  aria-current={address === selected ? "true" : undefined}
                  title={view.formulas[r]?.[c] ?? undefined}
                  onDoubleClick={onEdit ? () => setEditing({ address, draft: value === null || value === undefined ? "" : String(value) }) : undefined}
                >
                  {editing?.address === address ? (
                    <input
                      className={styles.editor}
                      aria-label={`Cell ${address}`}
                      autoFocus
                      value={editing.draft}
                      onChange={(e) => setEditing({ address, draft: e.target.value })}
                      onBlur={commit}
                      onKeyDown={(e) => {
                        if (e.key === "Enter") commit();
                        if (e.key === "Escape") setEditing(undefined);
                      }}
                    />
                  ) : (
                    cellText(value, nf)
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
    {charts.length > 0 && <ChartBoxes view={view} charts={charts} tableRef={tableRef} />}
    </div>
  );
}
