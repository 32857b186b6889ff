// worksheet.pageLayout: orientation, paper, fit to pages, print titles, headers and footers.
import type { XlHeaderFooter, XlHeaderFooterGroup, XlPageBreakCollection, XlPageLayout } from "../excel/api";
import { MAX_COLS, parseAddress, parseAddressList } from "../excel/a1";
import type { CellRange } from "../engine/vocab/types";
import type { Prop } from "./context";
import { FakeObject } from "./context";
import { FakeOfficeError } from "./errors";
import type { PageState, SheetState } from "./state";
import { FakeRangeAreas } from "./range";

/** The worksheet proxy, as far as its children need it. */
export type SheetOwner = FakeObject & { _sheet(): SheetState };

export function parseSheetAddress(sheet: SheetState, a: unknown, list: boolean): CellRange[] {
  const parsed = typeof a === "string" ? (list ? parseAddressList(a) : parseAddress(a)) : undefined;
  if (!parsed) throw new FakeOfficeError("InvalidArgument", `The address ${JSON.stringify(a)} is not valid on '${sheet.name}'.`);
  return Array.isArray(parsed) ? parsed : [parsed];
}

type HeaderKey = keyof PageState["headers"];

export const MAX_HEADER_CHARS = 255;

/** A header as Excel stores it: "&L" left "&C" centre "&R" right, each section with its code when it has text. */
export function sectionsLength(h: PageState["headers"], which: "Header" | "Footer"): number {
  const parts = which === "Header" ? [h.leftHeader, h.centerHeader, h.rightHeader] : [h.leftFooter, h.centerFooter, h.rightFooter];
  return parts.reduce((n, p) => n + (p ? p.length + 2 : 0), 0);
}

/** Excel.PaperType, as @types/office-js lists it. */
const PAPER_SIZES: string[] = [
  "Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5", "Folio",
  "Quatro", "Paper10x14", "Paper11x17", "Note", "Envelope9", "Envelope10", "Envelope11", "Envelope12", "Envelope14", "Csheet", "Dsheet",
  "Esheet", "EnvelopeDL", "EnvelopeC5", "EnvelopeC3", "EnvelopeC4", "EnvelopeC6", "EnvelopeC65", "EnvelopeB4", "EnvelopeB5", "EnvelopeB6",
  "EnvelopeItaly", "EnvelopeMonarch", "EnvelopePersonal", "FanfoldUS", "FanfoldStdGerman", "FanfoldLegalGerman",
];

/**
 * PageLayoutZoomOptions: a scale of 10 to 400, or pages to fit wide and/or tall. Excel's own limits on
 * fit-to pages are 1 to 32,767; no document defines 0 (the page setup's "automatic" is leaving it out).
 */
function checkZoom(v: unknown): PageState["zoom"] {
  const z = v as Zoom;
  if (!z || typeof z !== "object") throw new FakeOfficeError("InvalidArgument", "Zoom must be { scale } or { horizontalFitToPages, verticalFitToPages }.");
  for (const k of Object.keys(z)) if (k !== "scale" && k !== "horizontalFitToPages" && k !== "verticalFitToPages") throw new FakeOfficeError("InvalidArgument", `Unknown zoom option '${k}'.`);
  const pages = (n: unknown): boolean => n === undefined || (typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 32767);
  const fit = z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined;
  if (z.scale !== undefined && (typeof z.scale !== "number" || z.scale < 10 || z.scale > 400 || fit)) {
    throw new FakeOfficeError("InvalidArgument", "Zoom scale must be 10 to 400, and not given with fit to pages.");
  }
  if (!pages(z.horizontalFitToPages) || !pages(z.verticalFitToPages)) throw new FakeOfficeError("InvalidArgument", "Fit to pages must be a whole number from 1 to 32,767.");
  if (z.scale === undefined && !fit) throw new FakeOfficeError("InvalidArgument", "Zoom needs a scale or pages to fit.");
  return { ...z };
}
const HEADER_KEYS: HeaderKey[] = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];

class FakeHeaderFooter extends FakeObject implements XlHeaderFooter {
  readonly _type = "HeaderFooter";
  constructor(parent: FakeObject, private readonly _ws: SheetOwner) {
    super(parent._ctx, parent, "defaultForAllPages", []);
  }
  protected override _props(): Record<string, Prop> {
    const out: Record<string, Prop> = {};
    for (const k of HEADER_KEYS) {
      out[k] = {
        get: () => this._ws._sheet().page.headers[k],
        set: (v) => {
          if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", "Header text must be a string.");
          const headers = { ...this._ws._sheet().page.headers, [k]: v };
          // Excel keeps a header (or footer) of at most 255 characters, its three sections and their codes together.
          const which = k.endsWith("Header") ? "Header" : "Footer";
          if (sectionsLength(headers, which) > MAX_HEADER_CHARS) {
            throw new FakeOfficeError("InvalidArgument", `The ${which.toLowerCase()} is longer than ${MAX_HEADER_CHARS} characters.`);
          }
          this._ws._sheet().page.headers[k] = v;
        },
      };
    }
    return out;
  }
  private _h(k: HeaderKey): string {
    return this._get(k);
  }
  get leftHeader(): string { return this._h("leftHeader"); }
  set leftHeader(v: string) { this._set("leftHeader", v); }
  get centerHeader(): string { return this._h("centerHeader"); }
  set centerHeader(v: string) { this._set("centerHeader", v); }
  get rightHeader(): string { return this._h("rightHeader"); }
  set rightHeader(v: string) { this._set("rightHeader", v); }
  get leftFooter(): string { return this._h("leftFooter"); }
  set leftFooter(v: string) { this._set("leftFooter", v); }
  get centerFooter(): string { return this._h("centerFooter"); }
  set centerFooter(v: string) { this._set("centerFooter", v); }
  get rightFooter(): string { return this._h("rightFooter"); }
  set rightFooter(v: string) { this._set("rightFooter", v); }
}

class FakeHeaderFooterGroup extends FakeObject implements XlHeaderFooterGroup {
  readonly _type = "HeaderFooterGroup";
  readonly defaultForAllPages: FakeHeaderFooter;
  constructor(parent: FakeObject, ws: SheetOwner) {
    super(parent._ctx, parent, "headersFooters", []);
    this.defaultForAllPages = new FakeHeaderFooter(this, ws);
  }
  protected override _navs(): Record<string, FakeObject> {
    return { defaultForAllPages: this.defaultForAllPages };
  }
}

type Orientation = XlPageLayout["orientation"];
type Paper = XlPageLayout["paperSize"];
type Zoom = XlPageLayout["zoom"];

export class FakePageLayout extends FakeObject implements XlPageLayout {
  readonly _type = "PageLayout";
  readonly headersFooters: FakeHeaderFooterGroup;
  constructor(private readonly _ws: SheetOwner) {
    super(_ws._ctx, _ws, "pageLayout", []);
    this.headersFooters = new FakeHeaderFooterGroup(this, _ws);
  }
  protected override _navs(): Record<string, FakeObject> {
    return { headersFooters: this.headersFooters };
  }
  protected override _props(): Record<string, Prop> {
    const page = (): PageState => this._ws._sheet().page;
    return {
      orientation: {
        get: () => page().orientation,
        set: (v) => {
          if (v !== "Portrait" && v !== "Landscape") throw new FakeOfficeError("InvalidArgument", "Orientation must be Portrait or Landscape.");
          page().orientation = v;
        },
      },
      paperSize: {
        get: () => page().paperSize,
        set: (v) => {
          if (typeof v !== "string" || !PAPER_SIZES.includes(v)) throw new FakeOfficeError("InvalidArgument", `Unknown paper size ${JSON.stringify(v)}.`);
          page().paperSize = v;
        },
      },
      zoom: {
        get: () => page().zoom,
        set: (v) => {
          page().zoom = checkZoom(v);
        },
      },
    };
  }
  get orientation(): Orientation {
    return this._get("orientation");
  }
  set orientation(v: Orientation) {
    this._set("orientation", v);
  }
  get paperSize(): Paper {
    return this._get("paperSize");
  }
  set paperSize(v: Paper) {
    this._set("paperSize", v);
  }
  get zoom(): Zoom {
    return this._get("zoom");
  }
  set zoom(v: Zoom) {
    this._set("zoom", v);
  }
  setPrintTitleRows(printTitleRows: string): void {
    this._call("setPrintTitleRows", [printTitleRows], () => {
      const r = parseSheetAddress(this._ws._sheet(), printTitleRows, false)[0];
      if (r.left !== 0 || r.right !== MAX_COLS - 1) throw new FakeOfficeError("InvalidArgument", "Print title rows must be whole rows ($1:$3).");
      this._ws._sheet().page.printTitleRows = `$${r.top + 1}:$${r.bottom + 1}`;
    });
  }
  setPrintArea(printArea: string): void {
    this._call("setPrintArea", [printArea], () => {
      this._ws._sheet().page.printArea = parseSheetAddress(this._ws._sheet(), printArea, true);
    });
  }
  /** Documented: a null object when the sheet has no print area (getPrintArea throws ItemNotFound). */
  getPrintAreaOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this,
      "getPrintAreaOrNullObject",
      [],
      () => {
        const sheet = this._ws._sheet();
        const rects = sheet.page.printArea;
        return rects && rects.length ? { sheet, rects: rects.map((r) => ({ ...r })) } : null;
      },
      true,
    );
  }
}


/** Excel keeps at most 1,026 manual page breaks a sheet. */
export const MAX_PAGE_BREAKS = 1026;

/** worksheet.horizontalPageBreaks: manual breaks above rows. */
export class FakePageBreakCollection extends FakeObject implements XlPageBreakCollection {
  readonly _type = "PageBreakCollection";
  constructor(private readonly _ws: SheetOwner) {
    super(_ws._ctx, _ws, "horizontalPageBreaks", []);
  }
  add(pageBreakRange: string): void {
    this._call("add", [pageBreakRange], () => {
      const page = this._ws._sheet().page;
      const r = parseSheetAddress(this._ws._sheet(), pageBreakRange, false)[0];
      if (page.rowBreaks.includes(r.top)) return;
      if (page.rowBreaks.length >= MAX_PAGE_BREAKS) throw new FakeOfficeError("InvalidOperation", "A sheet can have at most 1,026 manual page breaks.");
      page.rowBreaks = [...page.rowBreaks, r.top].sort((a, b) => a - b);
    });
  }
}
