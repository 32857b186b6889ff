// Errors about the input file itself: the CLI turns these into exit code 2 with a one-line reason.

/** The input cannot be read as an .xlsx workbook (not a zip, corrupt, password-protected, or we refuse to write over it). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
    // Keep `instanceof` working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, InputError.prototype);
  }
}
