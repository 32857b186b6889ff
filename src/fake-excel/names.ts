// worksheet.names (ExcelApi 1.4; formula 1.7): sheet-scoped defined names. The add-in marks the sheets it
// makes with a hidden one (src/engine/sheets/ownership.ts), so a name travels with its sheet when renamed.
import type { XlNamedItem, XlNamedItemCollection } from "../excel/api";
import type { Prop } from "./context";
import { FakeCollection, FakeObject } from "./context";
import { FakeOfficeError } from "./errors";
import type { SheetName, SheetState } from "./state";

/** The worksheet proxy, as far as its names need it. */
type SheetOwner = FakeObject & { _sheet(): SheetState };

const NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;

export class FakeNamedItem extends FakeObject implements XlNamedItem {
  readonly _type = "NamedItem";
  constructor(parent: FakeObject, method: string, private readonly _ws: SheetOwner, private readonly _key: string, orNull = false) {
    super(parent._ctx, parent, method, [_key]);
    if (orNull) this._resolveLater(() => this._find() !== undefined);
  }
  private _find(): SheetName | undefined {
    const lower = this._key.toLowerCase();
    return this._ws._sheet().names.find((n) => n.name.toLowerCase() === lower);
  }
  private _item(): SheetName {
    const n = this._find();
    if (!n) throw new FakeOfficeError("ItemNotFound", `The name '${this._key}' doesn't exist.`, "NamedItem");
    return n;
  }
  protected override _props(): Record<string, Prop> {
    return {
      name: { get: () => this._item().name },
      formula: { get: () => this._item().formula },
      visible: {
        get: () => this._item().visible,
        set: (v) => {
          if (typeof v !== "boolean") throw new FakeOfficeError("InvalidArgument", "visible must be true or false.");
          this._item().visible = v;
        },
      },
    };
  }
  get name(): string {
    return this._get("name");
  }
  // Office.js types a name's formula as any.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formula(): any {
    return this._get("formula");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v);
  }
  delete(): void {
    this._call("delete", [], () => {
      const s = this._ws._sheet();
      s.names = s.names.filter((n) => n !== this._item());
    });
  }
}

export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> implements XlNamedItemCollection {
  readonly _type = "NamedItemCollection";
  constructor(private readonly _ws: SheetOwner) {
    super(_ws._ctx, _ws, "names", []);
  }
  protected _list(): FakeNamedItem[] {
    return this._ws._sheet().names.map((n) => new FakeNamedItem(this, "_item", this._ws, n.name));
  }
  /** The fake keeps text constants and references as formula text ("=\"Summary\""). */
  add(name: string, reference: string): FakeNamedItem {
    this._call("add", [name, reference], () => {
      const s = this._ws._sheet();
      if (typeof name !== "string" || !NAME.test(name)) throw new FakeOfficeError("InvalidArgument", `The name ${JSON.stringify(name)} is not valid.`);
      if (s.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", `The name '${name}' already exists on '${s.name}'.`);
      if (typeof reference !== "string" || reference === "") throw new FakeOfficeError("InvalidArgument", "A name needs a formula.");
      s.names.push({ name, formula: reference.startsWith("=") ? reference : `=${reference}`, visible: true });
    });
    return new FakeNamedItem(this, "add", this._ws, name);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this, "getItemOrNullObject", this._ws, name, true);
  }
}
