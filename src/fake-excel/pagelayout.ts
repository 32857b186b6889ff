// worksheet.pageLayout: orientation, paper, fit to pages, print titles, headers and footers.
import type { XlHeaderFooter, XlHeaderFooterGroup, XlPageBreakCollection, XlPageLayout } from "../excel/api";
import { MAX_COLS, parseAddress, parseAddressList } from "../excel/a1";
import type { CellRange } from "../engine/types";
import type { Prop } from "./context";
import { FakeObject } from "./context";
import { FakeOfficeError } from "./errors";
import type { PageState, SheetState } from "./state";

/** The worksheet proxy, as far as its children need it. */
export type SheetOwner = FakeObject & { _sheet(): SheetState };

export function parseSheetAddress(sheet: SheetState, a: unknown, list: boolean): CellRange[] {
  const parsed = typeof a === "string" ? (list ? parseAddressList(a) : parseAddress(a)) : undefined;
  if (!parsed) throw new FakeOfficeError("InvalidArgument", `The address ${JSON.stringify(a)} is not valid on '${sheet.name}'.`);
  return Array.isArray(parsed) ? parsed : [parsed];
}

type HeaderKey = keyof PageState["headers"];
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
      paperSize: { get: () => page().paperSize, set: (v) => (page().paperSize = String(v)) },
      zoom: {
        get: () => page().zoom,
        set: (v) => {
          const z = v as Zoom;
          const ok = (n: unknown): boolean => n === undefined || (typeof n === "number" && n >= 0);
          if (!z || typeof z !== "object" || !ok(z.scale) || !ok(z.horizontalFitToPages) || !ok(z.verticalFitToPages)) {
            throw new FakeOfficeError("InvalidArgument", "Zoom must be { scale } or { horizontalFitToPages, verticalFitToPages }.");
          }
          page().zoom = { ...z };
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
