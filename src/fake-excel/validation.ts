// Data validation (ExcelApi 1.8), per cell as Excel keeps it. Strict where the documentation is:
// - a rule holds exactly one kind of criteria ("You can only use one of them at a time");
// - a list's source given as text is at most 255 characters (Excel's limit for a typed list);
// - `type` is "None" with no validation, the rule's kind when every cell shares one rule, else "Inconsistent";
// - reading `rule`, `errorAlert` or `prompt` over cells that differ gives null;
// - setting a rule over cells holding a different rule is refused: clear() first (as Microsoft's samples do).
import type { XlDataValidation } from "../excel/live/api";
import type { Areas } from "./cells";
import { guard } from "./cells";
import type { Prop } from "./context";
import { FakeObject } from "./context";
import { FakeOfficeError } from "./errors";
import { versionAtMost } from "./version";

export interface CellValidation {
  /** Undefined: "Any value" (an input message may still be shown, as Excel's dialog allows). */
  rule?: Excel.DataValidationRule;
  errorAlert: Excel.DataValidationErrorAlert;
  prompt: Excel.DataValidationPrompt;
}

const KINDS: Record<string, Excel.DataValidation["type"]> = { wholeNumber: "WholeNumber", decimal: "Decimal", list: "List", date: "Date", time: "Time", textLength: "TextLength", custom: "Custom" };
const DEFAULT_ALERT: Excel.DataValidationErrorAlert = { message: "", showAlert: true, style: "Stop", title: "" };
const DEFAULT_PROMPT: Excel.DataValidationPrompt = { message: "", showPrompt: false, title: "" };

const key = (row: number, col: number): number => row * 16384 + col;

function checkRule(rule: unknown): Excel.DataValidationRule {
  if (typeof rule !== "object" || rule === null) throw new FakeOfficeError("InvalidArgument", "A data validation rule must be an object.", "DataValidation.rule");
  const kinds = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1 || !KINDS[kinds[0]]) throw new FakeOfficeError("InvalidArgument", "A data validation rule needs exactly one kind of criteria.", "DataValidation.rule");
  const list = (rule as Excel.DataValidationRule).list;
  if (list) {
    if (list.inCellDropDown !== undefined && typeof list.inCellDropDown !== "boolean") throw new FakeOfficeError("InvalidArgument", "inCellDropDown must be true or false.", "DataValidation.rule");
    if (typeof list.source !== "string") throw new FakeOfficeError("NotImplemented", "A list source other than text is not in the fake.", "DataValidation.rule");
    if (list.source.length === 0 || list.source.length > 255) throw new FakeOfficeError("InvalidArgument", "A data validation list typed as text must be 1 to 255 characters.", "DataValidation.rule");
  }
  return JSON.parse(JSON.stringify(rule)) as Excel.DataValidationRule;
}

function cellsOf(a: Areas): number[] {
  const out: number[] = [];
  for (const r of a.rects) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(key(row, col));
  return out;
}

/** One value when every cell agrees, else null. */
function shared<T>(values: T[]): T | null {
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? values[0] : null;
}

export class FakeDataValidation extends FakeObject implements XlDataValidation {
  readonly _type = "DataValidation";
  constructor(
    parent: FakeObject,
    private readonly _areasOf: () => Areas,
  ) {
    super(parent._ctx, parent, "dataValidation", []);
  }

  private _areas(): Areas {
    if (!versionAtMost("1.8", this._ctx._state.apiVersion)) throw new FakeOfficeError("ApiNotFound", "Range.dataValidation needs ExcelApi 1.8.", "Range.dataValidation");
    return this._areasOf();
  }

  private _each(): (CellValidation | undefined)[] {
    const a = this._areas();
    return cellsOf(a).map((k) => a.sheet.validation.get(k));
  }

  private _write(change: (cur: CellValidation | undefined) => CellValidation | undefined): void {
    const a = this._areas();
    guard(a.sheet);
    for (const k of cellsOf(a)) {
      const next = change(a.sheet.validation.get(k));
      if (next) a.sheet.validation.set(k, next);
      else a.sheet.validation.delete(k);
    }
  }

  protected override _props(): Record<string, Prop> {
    return {
      type: {
        get: () => {
          const kinds = this._each().map((v) => (v?.rule ? KINDS[Object.keys(v.rule)[0]] : "None"));
          return shared(kinds) ?? "Inconsistent";
        },
      },
      rule: {
        get: () => shared(this._each().map((v) => v?.rule ?? {})),
        set: (rule) => {
          const r = checkRule(rule);
          this._write((cur) => {
            if (cur?.rule && JSON.stringify(cur.rule) !== JSON.stringify(r)) throw new FakeOfficeError("InvalidOperation", "The range already has a different data validation rule: clear it first.", "DataValidation.rule");
            return { rule: r, errorAlert: cur?.errorAlert ?? DEFAULT_ALERT, prompt: cur?.prompt ?? DEFAULT_PROMPT };
          });
        },
      },
      errorAlert: {
        get: () => shared(this._each().map((v) => v?.errorAlert ?? DEFAULT_ALERT)),
        set: (alert) => {
          const a = alert as Partial<Excel.DataValidationErrorAlert>;
          if (a.style !== undefined && !["Stop", "Warning", "Information"].includes(a.style)) throw new FakeOfficeError("InvalidArgument", `Unknown alert style ${JSON.stringify(a.style)}.`, "DataValidation.errorAlert");
          this._write((cur) => ({ rule: cur?.rule, prompt: cur?.prompt ?? DEFAULT_PROMPT, errorAlert: { ...(cur?.errorAlert ?? DEFAULT_ALERT), ...a } }));
        },
      },
      prompt: {
        get: () => shared(this._each().map((v) => v?.prompt ?? DEFAULT_PROMPT)),
        set: (prompt) => {
          const p = prompt as Partial<Excel.DataValidationPrompt>;
          if (p.title !== undefined && p.title.length > 32) throw new FakeOfficeError("InvalidArgument", "An input message title is at most 32 characters.", "DataValidation.prompt");
          if (p.message !== undefined && p.message.length > 255) throw new FakeOfficeError("InvalidArgument", "An input message is at most 255 characters.", "DataValidation.prompt");
          this._write((cur) => ({ rule: cur?.rule, errorAlert: cur?.errorAlert ?? DEFAULT_ALERT, prompt: { ...(cur?.prompt ?? DEFAULT_PROMPT), ...p } }));
        },
      },
    };
  }

  get type(): Excel.DataValidation["type"] {
    return this._get("type");
  }
  get rule(): Excel.DataValidationRule {
    return this._get("rule");
  }
  set rule(v: Excel.DataValidationRule) {
    this._set("rule", v);
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this._get("errorAlert");
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this._set("errorAlert", v);
  }
  get prompt(): Excel.DataValidationPrompt {
    return this._get("prompt");
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this._set("prompt", v);
  }
  clear(): void {
    this._call("clear", [], () => this._write(() => undefined));
  }
}
