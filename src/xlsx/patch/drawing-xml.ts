// The drawing part that places a sheet's charts (xl/drawings/drawingN.xml) and its relationships to
// the chart parts. Each chart sits in a two-cell anchor over the cells its plan names, so it moves and
// prints with its row; its alt text is the drawing's `descr` (Office.js has no alt text for charts).
import type { ChartPlan } from "../../engine/vocab/plan";
import { xmlSafe } from "./chart-xml";
import { escapeAttr } from "./xml-text";

const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";

const attr = (s: string): string => escapeAttr(xmlSafe(s));

function corner(tag: "from" | "to", row: number, col: number): string {
  return `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

function anchorXml(chart: ChartPlan, relId: string, shapeId: number, n: number): string {
  const a = chart.anchor;
  return (
    `<xdr:twoCellAnchor>${corner("from", a.top, a.left)}${corner("to", a.bottom + 1, a.right + 1)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="Chart ${n}" descr="${attr(chart.description)}"/>` +
    `<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** The drawing part for `charts`, the i-th chart's relationship being `relIds[i]`. */
export function drawingXml(charts: ChartPlan[], relIds: string[]): string {
  // Shape ids start at 2, as Excel numbers them (1 is the drawing itself).
  const anchors = charts.map((c, i) => anchorXml(c, relIds[i], i + 2, i + 1)).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">${anchors}</xdr:wsDr>`;
}

/** A .rels part listing `rels` (targets relative to the source part's folder). */
export function relsXml(rels: { id: string; type: string; target: string }[]): string {
  const list = rels.map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${list}</Relationships>`;
}
