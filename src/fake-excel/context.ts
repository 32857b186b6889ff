// The request machinery that makes the fake strict: proxies queue operations,
// `sync()` sends them as one request (sized and checked like Excel on the web),
// and a property can be read only after it was loaded and synced.
import { FakeOfficeError, notLoaded } from "./errors";
import type { FakeStats, RequestStats } from "./stats";
import { utf8Length } from "./stats";
import type { WorkbookState } from "./state";

export interface FakeLimits {
  /** Excel on the web refuses requests and responses over 5 MB. */
  requestBytes: number;
  responseBytes: number;
  /** Longest address string getRange/getRanges accept. */
  addressChars: number;
}

export const DEFAULT_LIMITS: FakeLimits = { requestBytes: 5 * 1024 * 1024, responseBytes: 5 * 1024 * 1024, addressChars: 8192 };

/** Loaded data returned by one request. */
export class ResponseSize {
  bytes = 0;
  private readonly landing: (() => void)[] = [];
  add(name: string, value: unknown): void {
    this.bytes += utf8Length(name) + utf8Length(JSON.stringify(value) ?? "null") + 4;
  }
  /** What a load or a result gets once the response arrives: nothing when the request fails (as in Excel). */
  land(apply: () => void): void {
    this.landing.push(apply);
  }
  _arrived(): void {
    for (const apply of this.landing.splice(0)) apply();
  }
}

interface Op {
  obj: FakeObject;
  kind: "set" | "call" | "load" | "path";
  name: string;
  args: unknown[];
  run: (response: ResponseSize) => void;
}

export interface Prop {
  get: () => unknown;
  set?: (value: unknown) => void;
}

/** A path as Office.js would send it: parent object, creating method, arguments. */
export abstract class FakeObject {
  readonly _id: number;
  readonly _bornAt: number;
  _isNull = false;
  /** An *OrNullObject proxy: whether it is null is known only once a response carrying it arrives. */
  private _nullable = false;
  private _landed = false;
  protected readonly _loaded = new Map<string, unknown>();

  constructor(
    readonly _ctx: FakeContext,
    readonly _parent: FakeObject | undefined,
    readonly _method: string,
    readonly _args: unknown[],
  ) {
    this._id = _ctx._newId();
    this._bornAt = _ctx._syncCount;
  }

  abstract readonly _type: string;

  /** Scalar properties, evaluated against the document when the request runs. */
  protected _props(): Record<string, Prop> {
    return {};
  }
  /** Child objects reachable in load paths ("format/fill/color"). */
  protected _navs(): Record<string, FakeObject> {
    return {};
  }

  get isNullObject(): boolean {
    if (this._ctx._syncCount <= this._bornAt) throw notLoaded("isNullObject", this._type);
    // An *OrNullObject proxy is known only from a response that arrived: Office.js reads it from the
    // response's results, so after a refused request it is still unknown.
    if (this._nullable && !this._landed) throw notLoaded("isNullObject", this._type);
    return this._isNull;
  }

  protected _get<T>(name: string): T {
    if (!this._loaded.has(name)) throw notLoaded(name, this._type);
    return this._loaded.get(name) as T;
  }

  protected _set(name: string, value: unknown): void {
    this._ctx._enqueue({
      obj: this,
      kind: "set",
      name,
      args: [value],
      run: () => {
        this._usable();
        const prop = this._props()[name];
        if (!prop?.set) throw new FakeOfficeError("InvalidArgument", `The property '${name}' is read-only.`, this._type);
        prop.set(value);
      },
    });
  }

  protected _call(name: string, args: unknown[], run: () => void): void {
    this._ctx._enqueue({
      obj: this,
      kind: "call",
      name,
      args,
      run: () => {
        this._usable();
        run();
      },
    });
  }

  /** Queue resolution of an *OrNullObject proxy so `isNullObject` is known after the next sync. */
  protected _resolveLater(exists: () => boolean): void {
    this._nullable = true;
    this._ctx._enqueue({
      obj: this,
      kind: "path",
      name: "",
      args: [],
      run: (response) => {
        // Known at once to the request's later operations (an operation on a null object fails there).
        this._isNull = !exists();
        response.land(() => (this._landed = true));
      },
    });
  }

  protected _usable(): void {
    if (this._isNull) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", this._type);
  }

  load(names?: string | string[]): this {
    const list = names === undefined ? [] : Array.isArray(names) ? names : names.split(",");
    const paths = list.map((n) => n.trim()).filter((n) => n !== "").map((n) => n.split("/"));
    this._ctx._enqueue({ obj: this, kind: "load", name: "load", args: [list], run: (res) => this._load(paths, res) });
    return this;
  }

  /** Run a load: empty paths means every scalar property. */
  _load(paths: string[][], res: ResponseSize): void {
    if (this._isNull) return;
    const props = this._props();
    const navs = this._navs();
    const wanted = paths.length === 0 ? Object.keys(props).map((k) => [k]) : paths;
    const sub = new Map<string, string[][]>();
    for (const [head, ...rest] of wanted) {
      if (head in props) {
        const value = props[head].get();
        const loaded = copy(value);
        res.land(() => this._loaded.set(head, loaded));
        res.add(head, value);
      } else if (head in navs) {
        const list = sub.get(head) ?? [];
        if (rest.length) list.push(rest);
        sub.set(head, list);
      } else {
        throw new FakeOfficeError("InvalidArgument", `Cannot load '${head}' on ${this._type} (not in the fake).`, this._type);
      }
    }
    for (const [head, list] of sub) navs[head]._load(list, res);
  }
}

/** A collection: `items` is readable after a load, each item bound to its document object. */
export abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  private _items: T[] | undefined;

  protected abstract _list(): T[];

  get items(): T[] {
    if (!this._items) throw notLoaded("items", this._type);
    return this._items;
  }

  override _load(paths: string[][], res: ResponseSize): void {
    this._usable();
    const itemPaths = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length > 0);
    const items = this._list();
    res.land(() => (this._items = items));
    for (const item of items) item._load(itemPaths, res);
  }
}

export class FakeClientResult<T> {
  private _value: { v: T } | undefined;
  get value(): T {
    if (!this._value) throw new FakeOfficeError("ValueNotLoaded", "The value of the result object has not been loaded yet. Before reading the value property, call \"context.sync()\" on the associated request context.");
    return this._value.v;
  }
  _resolve(v: T): void {
    this._value = { v };
  }
}

function copy<T>(value: T): T {
  return value !== null && typeof value === "object" ? (JSON.parse(JSON.stringify(value)) as T) : value;
}

const ADDRESS_METHODS = new Set(["getRange", "getRanges"]);
/** Paths made by a method (getItem, getRange, add…) rather than a property (format, fill): sent with their arguments. */
const METHOD_PATH = /^(get[A-Z]|add$|_item$)/;
const ADDRESS_ARGS = new Set(["copyFrom"]);

export class FakeContext {
  _syncCount = 0;
  /** Set when the run that made this context has finished: its objects can no longer be used. */
  _closed = false;
  private _queue: Op[] = [];
  private _ids = 0;

  constructor(
    readonly _state: WorkbookState,
    private readonly _stats: FakeStats,
    private readonly _limits: FakeLimits,
  ) {}

  _newId(): number {
    return ++this._ids;
  }

  _enqueue(op: Op): void {
    if (this._closed) {
      throw new FakeOfficeError("InvalidRequestContext", "Cannot use the object across different request contexts (its Excel.run has finished).");
    }
    this._queue.push(op);
  }

  get _pending(): number {
    return this._queue.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this._closed) throw new FakeOfficeError("InvalidRequestContext", "This request context's Excel.run has finished.");
    const ops = this._queue;
    this._queue = [];
    const stat = this._measure(ops);
    this._stats.requests.push(stat);
    try {
      if (stat.bytes > this._limits.requestBytes) {
        throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${stat.bytes} bytes).`);
      }
      if (stat.maxAddressChars > this._limits.addressChars) {
        throw new FakeOfficeError("InvalidArgument", `The address is longer than ${this._limits.addressChars} characters (${stat.maxAddressChars}).`);
      }
      const response = new ResponseSize();
      this._state.events.beginRequest();
      try {
        for (const op of ops) op.run(response);
      } finally {
        // What the request changed before it ended (or failed) is raised as the add-in's own changes.
        this._state.events.flush();
      }
      stat.responseBytes = response.bytes;
      if (response.bytes > this._limits.responseBytes) {
        throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${response.bytes} bytes).`);
      }
      response._arrived();
    } catch (e) {
      stat.failed = e instanceof FakeOfficeError ? e.code : "GeneralException";
      throw e;
    } finally {
      this._syncCount++;
    }
    await Promise.resolve();
    return passThroughValue as T;
  }

  /**
   * Size the request as Office.js sends it (ClientRequestBase.buildRequestMessageBodyAndRequestFlags in
   * @microsoft/office-js's excel-web-16.00.debug.js): every object path it uses, with its type, name,
   * parent and arguments, an Instantiate action for each path below the root
   * (ensureInstantiateObjectPath), and the queued actions with their arguments. A request of many
   * small operations is mostly paths and instantiations: counted short, it passed where Excel refuses it.
   */
  private _measure(ops: Op[]): RequestStats {
    const paths = new Map<number, FakeObject>();
    const visit = (o: FakeObject | undefined): void => {
      for (let p = o; p && !paths.has(p._id); p = p._parent) paths.set(p._id, p);
    };
    ops.forEach((op) => visit(op.obj));
    let maxAddressChars = 0;
    for (const p of paths.values()) {
      const a = p._args[0];
      if (ADDRESS_METHODS.has(p._method) && typeof a === "string") maxAddressChars = Math.max(maxAddressChars, a.length);
    }
    // An address given as an argument (copyFrom's source) is held to the same limit.
    for (const op of ops) if (ADDRESS_ARGS.has(op.name) && typeof op.args[0] === "string") maxAddressChars = Math.max(maxAddressChars, op.args[0].length);
    const name = (n: string): string => (n ? n[0].toUpperCase() + n.slice(1) : n);
    // Office.js numbers paths and actions from one counter.
    let nextId = this._ids;
    const objectPaths: Record<number, unknown> = {};
    const actions: unknown[] = [];
    for (const p of paths.values()) {
      if (!p._parent) {
        objectPaths[p._id] = { Id: p._id, ObjectPathType: 1, Name: "" };
        continue;
      }
      const method = p._args.length > 0 || METHOD_PATH.test(p._method);
      objectPaths[p._id] = method
        ? { Id: p._id, ObjectPathType: 3, Name: name(p._method), ParentObjectPathId: p._parent._id, ArgumentInfo: { Arguments: p._args } }
        : { Id: p._id, ObjectPathType: 4, Name: name(p._method), ParentObjectPathId: p._parent._id };
      actions.push({ Id: nextId++, ActionType: 1, Name: "", ObjectPathId: p._id });
    }
    let counted = 0;
    for (const op of ops) {
      if (op.kind === "path") continue;
      counted++;
      if (op.kind === "load") actions.push({ Id: nextId++, ActionType: 2, Name: "", ObjectPathId: op.obj._id, QueryInfo: { Select: op.args[0], Expand: [] } });
      else actions.push({ Id: nextId++, ActionType: op.kind === "set" ? 4 : 3, Name: name(op.name), ObjectPathId: op.obj._id, ArgumentInfo: { Arguments: op.args } });
    }
    const body = JSON.stringify({ AutoKeepReference: false, Actions: actions, ObjectPaths: objectPaths });
    return { ops: counted, bytes: utf8Length(body), responseBytes: 0, maxAddressChars };
  }

}
