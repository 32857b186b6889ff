// Identity of a record across periods (issue 14): its ref, else its name, with its kind. Never the
// sheet or row, so a row moving, a table re-ordered or a sheet renamed keeps the record's history.
import type { RecordKind } from "../vocab/types";

/** Text as compared for identity: Unicode-normalised, trimmed, spaces collapsed, case-folded. */
export function identityText(text: string): string {
  // Most refs and names are printable ASCII words with single spaces: NFKC and the spacing leave them
  // as they are, and each record's text is compared several times a run.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Printable ASCII words, one space between them, none at either end. */
const PLAIN_ASCII = /^(?:[!-~]+(?: [!-~]+)*)?$/;

/**
 * "indicator|ref:ni 195" or "activity|name:open the new library"; "" when the record has neither a
 * ref nor a name (it cannot be followed across periods, so it is not recorded).
 */
export function recordKey(record: { kind: RecordKind; ref: string; name: string }): string {
  const ref = identityText(record.ref ?? "");
  if (ref) return `${record.kind}|ref:${ref}`;
  const name = identityText(record.name ?? "");
  return name ? `${record.kind}|name:${name}` : "";
}
