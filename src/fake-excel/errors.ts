// Errors shaped like OfficeExtension.Error: `code` is what callers branch on.

export type FakeErrorCode =
  | "GeneralException"
  | "PropertyNotLoaded"
  | "ValueNotLoaded"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "InvalidArgument"
  | "InvalidReference"
  | "InvalidOperation"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "AccessDenied"
  | "NotImplemented"
  | "ApiNotFound"
  | "InvalidOperationInCellEditMode"
  | "InvalidObjectPath"
  | "InvalidRequestContext";

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function notLoaded(what: string, owner: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${owner}.${what}`,
  );
}
