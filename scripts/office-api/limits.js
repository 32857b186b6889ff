// Limits Excel enforces that @types/office-js does not state, from Microsoft's own pages. Each
// applies to the members whose name matches; the document shows them beside the d.ts sentences.
"use strict";

const SPECS = "Excel specifications and limits (support.microsoft.com)";
const ADDIN_LIMITS = "Resource limits and performance optimization for Office Add-ins (learn.microsoft.com)";

const EXCEL_LIMITS = [
  { member: /^Excel\.RangeFormat\.columnWidth$/, text: "Column width is at most 255 characters (Office.js sets it in points).", source: SPECS },
  { member: /^Excel\.RangeFormat\.rowHeight$/, text: "Row height is at most 409 points.", source: SPECS },
  { member: /^Excel\.HeaderFooter\.(left|center|right)(Header|Footer)$/, text: "A header or footer holds at most 255 characters.", source: SPECS },
  { member: /^Excel\.Range\.values$/, text: "A cell holds at most 32,767 characters.", source: SPECS },
  { member: /^Excel\.Range\.values$/, text: "A range is limited to five million cells for get operations.", source: ADDIN_LIMITS },
  { member: /^Excel\.PageBreakCollection\.add$/, text: "Page breaks: 1,026 horizontal and vertical.", source: SPECS },
  {
    member: /^Excel\.RequestContext\.sync$/,
    text: "Excel on the web refuses requests and responses over 5 MB (RichAPI.Error).",
    source: ADDIN_LIMITS,
  },
];

/** Excel's documented limits for a member key, as sentences naming their source. */
function limitsFor(key) {
  return EXCEL_LIMITS.filter((l) => l.member.test(key)).map((l) => `${l.text} [${l.source}]`);
}

module.exports = { limitsFor, EXCEL_LIMITS };
