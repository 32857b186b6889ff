// The charts of the sheet on show, drawn over the grid where Excel would draw them (each chart's cells):
// a small SVG line chart of the series the add-in gave it, read from the same cells Excel would read,
// the target dashed as in the workbook. The preview's stand-in for Excel's chart rendering.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useLayoutEffect, useState } from "react";
import type { RefObject } from "react";
import { cellAddress, parseAddress } from "../excel/a1";
import type { FakeChartView, FakeSheetView } from "../fake-excel";

const useStyles = makeStyles({
  box: {
    position: "absolute",
    backgroundColor: "#FFFFFF",
    border: "1px solid #BFBFBF",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    padding: "2px 4px",
    fontFamily: "Arial, sans-serif",
    color: tokens.colorNeutralForeground1,
    pointerEvents: "none",
  },
  title: { fontSize: "9px", fontWeight: 700, textAlign: "center", overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" },
  svg: { flexGrow: 1, minHeight: 0 },
});

interface Box {
  chart: FakeChartView;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The numbers of a series' cells ("'Summary'!AO5:AS5"), in order; null where a cell holds none. */
function seriesValues(view: FakeSheetView, address: string | undefined): (number | null)[] {
  const r = address ? parseAddress(address.slice(address.lastIndexOf("!") + 1)) : undefined;
  if (!r) return [];
  const out: (number | null)[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) {
      const v = view.values[row]?.[col];
      out.push(typeof v === "number" ? v : null);
    }
  return out;
}

function LineChart({ chart, view, width, height }: { chart: FakeChartView; view: FakeSheetView; width: number; height: number }) {
  const series = chart.series.map((s) => ({ ...s, points: seriesValues(view, s.values) }));
  const all = series.flatMap((s) => s.points).filter((v): v is number => v !== null);
  if (all.length === 0 || width <= 0 || height <= 0) return null;
  const min = Math.min(0, ...all);
  const max = Math.max(...all) || 1;
  const n = Math.max(...series.map((s) => s.points.length));
  const x = (i: number) => (n === 1 ? width / 2 : 6 + (i * (width - 12)) / (n - 1));
  const y = (v: number) => height - 4 - ((v - min) / (max - min || 1)) * (height - 8);
  return (
    <svg width={width} height={height} role="img" aria-label={chart.title}>
      {series.map((s) => {
        const path = s.points.map((v, i) => (v === null ? "" : `${x(i)},${y(v)}`)).filter(Boolean).join(" ");
        const dashed = s.lineStyle === "Dash";
        return <polyline key={s.name} points={path} fill="none" stroke={s.lineColor ?? "#1F4E79"} strokeWidth={dashed ? 1 : 1.5} strokeDasharray={dashed ? "4 3" : undefined} />;
      })}
    </svg>
  );
}

/** Positions come from the drawn table: rows wrap to their text, so only the browser knows their heights. */
export function ChartBoxes({ view, charts, tableRef }: { view: FakeSheetView; charts: FakeChartView[]; tableRef: RefObject<HTMLTableElement | null> }) {
  const styles = useStyles();
  const [boxes, setBoxes] = useState<Box[]>([]);
  useLayoutEffect(() => {
    const table = tableRef.current;
    if (!table) return;
    const cell = (row: number, col: number) => table.querySelector<HTMLElement>(`[data-cell="${cellAddress(row, col)}"]`);
    const next: Box[] = [];
    for (const chart of charts) {
      const r = chart.position ? parseAddress(chart.position) : undefined;
      const from = r && cell(r.top, r.left);
      const to = r && cell(r.bottom, r.right);
      if (!from || !to) continue;
      next.push({ chart, left: from.offsetLeft, top: from.offsetTop, width: to.offsetLeft + to.offsetWidth - from.offsetLeft, height: to.offsetTop + to.offsetHeight - from.offsetTop });
    }
    setBoxes(next);
  }, [view, charts, tableRef]);
  return (
    <>
      {boxes.map((b) => (
        <figure key={b.chart.name} className={styles.box} style={{ left: b.left, top: b.top, width: b.width, height: b.height, margin: 0 }} data-chart={b.chart.name}>
          <figcaption className={styles.title}>{b.chart.title}</figcaption>
          <div className={styles.svg}>
            <LineChart chart={b.chart} view={view} width={b.width - 10} height={b.height - 18} />
          </div>
        </figure>
      ))}
    </>
  );
}
