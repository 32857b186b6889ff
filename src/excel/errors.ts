// Errors the user can act on. Thrown before anything is written, so the workbook is never half-changed.

export type HostErrorKind = "protected" | "workbookProtected" | "missingSheet" | "tooLarge" | "badPlan" | "refused" | "committee";

export class ExcelHostError extends Error {
  constructor(
    readonly kind: HostErrorKind,
    message: string,
    /** The sheet the message is about, when there is one. */
    readonly sheet?: string,
  ) {
    super(message);
    this.name = "ExcelHostError";
  }
}

const n = (x: number): string => x.toLocaleString("en-GB");

export function protectedSheet(sheet: string): ExcelHostError {
  return new ExcelHostError(
    "protected",
    `The sheet "${sheet}" is protected, so nothing was changed. Unprotect it (Review > Unprotect Sheet) and try again.`,
    sheet,
  );
}

export function protectedWorkbook(): ExcelHostError {
  return new ExcelHostError(
    "workbookProtected",
    "The workbook's structure is protected, so sheets cannot be added or removed. Nothing was changed. Unprotect the workbook (Review > Protect Workbook) and try again.",
  );
}

export function missingSheet(sheet: string): ExcelHostError {
  return new ExcelHostError(
    "missingSheet",
    `The sheet "${sheet}" was not found: it may have been renamed or deleted. Nothing was changed. Read the workbook again and retry.`,
    sheet,
  );
}

export function tooLarge(total: number, limit: number, sheet: string, cells: number, address: string): ExcelHostError {
  return new ExcelHostError(
    "tooLarge",
    `This workbook has ${n(total)} cells in use, more than the ${n(limit)} the add-in can read. ` +
      `The largest sheet is "${sheet}" (${address}, ${n(cells)} cells). Delete unused rows and columns there, or split the workbook.`,
    sheet,
  );
}

/** The committee asked for names none in the workbook (the engine's sentence names the nearest ones). */
export function unknownCommittee(message: string): ExcelHostError {
  return new ExcelHostError("committee", `${message.charAt(0).toUpperCase()}${message.slice(1).replace(/\.?$/, ".")} Nothing was changed.`);
}

export function badPlan(sheet: string, why: string): ExcelHostError {
  return new ExcelHostError("badPlan", `Internal error: the plan for "${sheet}" ${why}.`, sheet);
}

/**
 * An error Excel raised while writing (Excel names no sheet or cell: "Cannot copy part of a merged cell."),
 * as one line naming the sheets edited and the cells each plan touches. Our own errors pass unchanged.
 */
export function refusedWrite(error: unknown, edits: { sheet: string; cells: string }[]): unknown {
  if (error instanceof ExcelHostError || !(error instanceof Error) || !edits.length) return error;
  const where = edits.map((e) => `"${e.sheet}" (${e.cells})`).join(", ");
  const said = error.message.trim().replace(/\s+/g, " ");
  const hint = /merged/i.test(said) ? " Unmerge or move the merged cells there, then try again; Remove colours still works." : "";
  const wrapped = new ExcelHostError("refused", `Excel refused a change on ${where}: ${said}${hint}`, edits[0].sheet);
  return Object.assign(wrapped, { cause: error });
}
