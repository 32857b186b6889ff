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
  // At a whole word where that fits once "&" is doubled ("… 2015/16 PDP…", not "… PDP Performan…").
  const atWord = cutAtWord(text, HEADER_PART - 1 - (escaped.length - text.length)).replace(/…$/, "");
  if (atWord.length > 0 && atWord.length < text.length) return `${atWord.replace(/&/g, "&&")}…`;
  let cut = escaped.slice(0, HEADER_PART - 1);
  if (/(^|[^&])(&&)*&$/.test(cut)) cut = cut.slice(0, -1);
  return cut + "…";
}

/** A cut losing more than this many characters to reach a word boundary is a hard cut instead. */
const LONG_WORD = 15;
/** Words a cut title must not end on: "Summary – Community Safety and" reads as a mistake. */
const DANGLING = new Set(["and", "or", "of", "&", "+", "the", "a", "an", "for", "on", "in", "to", "with", "at", "by", "from", "–", "-", "—", "/"]);

/**
 * A name cut to `max` characters at a word boundary, never ending on a connecting word ("and", "of",
 * "&") or a dash: "Summary – Community Safety and Community Services" → "Summary – Community Safety".
 * A single word longer than `max` is cut with an ellipsis.
 */
export function cutAtWord(name: string, max: number): string {
  if (name.length <= max) return name;
  const words = name.slice(0, max + 1).split(" ");
  words.pop(); // cut mid-word, or the space after a whole one: either way that last piece goes
  while (words.length > 1 && (DANGLING.has(words[words.length - 1].toLowerCase()) || words[words.length - 1] === "")) words.pop();
  const kept = words.join(" ").replace(/[\s'’,;:–—-]+$/, "");
  // A cut that would lose more than a long word's worth is a hard cut, marked as one.
  return kept.length >= max - LONG_WORD ? kept : `${name.slice(0, max - 1).trimEnd()}…`;
}

/** One section of a header or footer ("L", "C" or "R") in Arial 9; `codes` is already in Excel's header language. */
export function headerSection(where: "L" | "C" | "R", codes: string): string {
  return codes ? `&${where}${HEADER_FONT}${codes}` : "";
}
