// Header and footer text in Excel's header language, shared by the summary and the rules sheet.

const HEADER_PART = 80;
/**
 * Each section opens with its size and font: a header with no font prints in the host's default,
 * which differs between Excel and LibreOffice. Size first: "&9" followed by text starting "2010"
 * would read as size 92010.
 */
const HEADER_FONT = '&9&"Arial,Regular"';

/**
 * Literal text for a header: "&" starts a code in Excel's header language, so it is doubled; long text is
 * cut after doubling (never between the two "&"), so a section stays short and a header of two or three
 * sections within Excel's 255 characters.
 */
export function headerText(text: string): string {
  const escaped = text.replace(/&/g, "&&");
  if (escaped.length <= HEADER_PART) return escaped;
  let cut = escaped.slice(0, HEADER_PART - 1);
  if (/(^|[^&])(&&)*&$/.test(cut)) cut = cut.slice(0, -1);
  return cut + "…";
}

/** One section of a header or footer ("L", "C" or "R") in Arial 9; `codes` is already in Excel's header language. */
export function headerSection(where: "L" | "C" | "R", codes: string): string {
  return codes ? `&${where}${HEADER_FONT}${codes}` : "";
}
