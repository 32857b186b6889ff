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

/** The output cannot be written (folder missing, not writable, disk full, file locked): exit 4. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
    Object.setPrototypeOf(this, OutputError.prototype);
  }
}

/** A mistake in what the user asked for, found only once the input is read (an .xlsm written as .xlsx): exit 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
    Object.setPrototypeOf(this, UsageError.prototype);
  }
}

const OUTPUT_REASONS: Record<string, string> = {
  ENOENT: "its folder does not exist",
  ENOTDIR: "a folder on its path is a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the drive is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EBUSY: "the file is locked (is it open in Excel?)",
  ETXTBSY: "the file is locked (is it open in Excel?)",
  EISDIR: "it is a folder",
  EEXIST: "a temporary file of the same name is in the way",
  EMFILE: "too many files are open",
  EIO: "the drive reported an input/output error",
};

/** An error from writing or renaming the output, as one line naming the file. */
export function outputFailure(path: string, e: unknown): OutputError {
  if (e instanceof OutputError) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? "";
  const reason = OUTPUT_REASONS[code] ?? (e instanceof Error ? e.message.split(/\r?\n/)[0] : String(e));
  return new OutputError(`cannot write ${path}: ${reason}`);
}
