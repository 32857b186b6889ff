// One chart part (xl/charts/chartN.xml) drawn from a ChartPlan: a line chart whose series and period
// labels reference cells of the summary sheet, with the plan's values cached so a reader that does
// not recalculate (a previewer, LibreOffice before it loads the cells) still draws the lines.
// Element order follows the schema (CT_ChartSpace, CT_LineSer, CT_CatAx, CT_ValAx): Excel refuses
// a chart whose elements are out of order.
import type { CellRange } from "../../engine/vocab/types";
import type { ChartPlan, PlanValue } from "../../engine/vocab/plan";
import { colToLetters } from "../../engine/vocab/address";
import { escapeText } from "./xml-text";
import { quotedSheet } from "./workbook-edit";

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Line colours when the plan gives none: dark enough to tell apart in greyscale. */
const SERIES_COLOURS = ["1F4E79", "C55A11", "548235", "7030A0"];
const TARGET_COLOUR = "595959";
/** Line width in EMU (1.75 pt): the charts are small, beside a table row. */
const LINE_WIDTH = 22225;
/** Font sizes in hundredths of a point: a title that leaves room for the plot, labels still legible when printed. */
const TITLE_SIZE = 900;
const LABEL_SIZE = 700;

/** Reads a plan cell's value (zero-based sheet coordinates); undefined when the plan writes none. */
export type CellValueAt = (row: number, col: number) => PlanValue | undefined;

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text XML can carry (DrawingML has no _xHHHH_ escape, so characters it cannot hold are dropped). */
export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, "");
}

const text = (s: string): string => escapeText(xmlSafe(s));

/** "'Summary'!$AA$3:$AE$3": always quoted, so any sheet name (spaces, apostrophes, digits) is right. */
export function chartRef(sheet: string, r: CellRange): string {
  const cell = (row: number, col: number) => `$${colToLetters(col)}$${row + 1}`;
  return `${quotedSheet(sheet)}!${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
}

/** The cells of a one-row or one-column range, in order. */
export function rangeCells(r: CellRange): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

/** The value axis's labels: the plan's format where it gives one (LibreOffice does not follow the cells' format). */
function valueFormatXml(format: string | undefined): string {
  return format ? `<c:numFmt formatCode="${text(format)}" sourceLinked="0"/>` : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
}

function numCache(r: CellRange, at: CellValueAt): string {
  const cells = rangeCells(r);
  const pts = cells
    .map((c, i) => {
      const v = at(c.row, c.col);
      return typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "";
    })
    .join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache>`;
}

function strCache(r: CellRange, at: CellValueAt): string {
  const cells = rangeCells(r);
  const pts = cells
    .map((c, i) => {
      const v = at(c.row, c.col);
      return v === null || v === undefined || v === "" ? "" : `<c:pt idx="${i}"><c:v>${text(String(v))}</c:v></c:pt>`;
    })
    .join("");
  return `<c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache>`;
}

function colourOf(hex: string | undefined, fallback: string): string {
  return hex && /^#?[0-9A-Fa-f]{6}$/.test(hex) ? hex.replace(/^#/, "").toUpperCase() : fallback;
}

function seriesXml(chart: ChartPlan, sheet: string, at: CellValueAt, i: number): string {
  const s = chart.series[i];
  const colour = colourOf(s.color, s.dashed ? TARGET_COLOUR : SERIES_COLOURS[i % SERIES_COLOURS.length]);
  const fill = `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;
  const line = `<a:ln w="${LINE_WIDTH}" cap="rnd">${fill}${s.dashed ? '<a:prstDash val="dash"/>' : '<a:prstDash val="solid"/>'}<a:round/></a:ln>`;
  // The target line has no markers: a dashed line alone reads as "target" in greyscale.
  const marker = s.dashed ? '<c:marker><c:symbol val="none"/></c:marker>' : `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${fill}<a:ln w="9525">${fill}</a:ln></c:spPr></c:marker>`;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:v>${text(s.name)}</c:v></c:tx>` +
    `<c:spPr>${line}</c:spPr>${marker}` +
    `<c:cat><c:strRef><c:f>${text(chartRef(sheet, chart.categories))}</c:f>${strCache(chart.categories, at)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${text(chartRef(sheet, s.values))}</c:f>${numCache(s.values, at)}</c:numRef></c:val>` +
    `<c:smooth val="0"/></c:ser>`
  );
}

function titleXml(title: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${TITLE_SIZE}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="${TITLE_SIZE}" b="1"/><a:t>${text(title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

const SMALL_TEXT = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${LABEL_SIZE}"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`;

/** The chart part's XML. `sheet` is the name the sheet has in the output workbook. */
export function chartXml(chart: ChartPlan, sheet: string, at: CellValueAt): string {
  const catAx = 500000001;
  const valAx = 500000002;
  const series = chart.series.map((_, i) => seriesXml(chart, sheet, at, i)).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>` +
    `<c:chart>${titleXml(chart.title)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}` +
    `<c:marker val="1"/><c:axId val="${catAx}"/><c:axId val="${valAx}"/></c:lineChart>` +
    `<c:catAx><c:axId val="${catAx}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${SMALL_TEXT}` +
    `<c:crossAx val="${valAx}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${valAx}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `${valueFormatXml(chart.valueFormat)}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${SMALL_TEXT}` +
    `<c:crossAx val="${catAx}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>${SMALL_TEXT}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    `<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>` +
    `</c:chartSpace>`
  );
}
