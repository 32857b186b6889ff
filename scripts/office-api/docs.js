// What @types/office-js says about one declaration: its requirement sets and the sentences of its
// doc comment that state a null, an error or a limit. Read from the raw comment text, so nothing
// depends on how TypeScript renders JSDoc.
"use strict";

const ts = require("typescript");
const { ownerOf, ownerName } = require("./program");

/** Sets that only concern other Office applications. */
const OTHER_APPS = /^(Mailbox|WordApi|PowerPointApi|OneNoteApi|Visio|Outlook)/;

/** Sentences worth a reader's attention before they call the member. */
const CONDITION = /\bnull\b|NullObject|\bthrows?\b|\berrors?\b|exception|\blimit|maximum|minimum|at most|no more than|exceed|out of range|\binvalid|must not|mustn't|cannot|can't|not supported|isn't supported|unsupported|\bfails?\b|\bfailure\b/i;

/** Remarks that concern Outlook alone. */
const OUTLOOK_ONLY = /Outlook|permission level/;

function rawComment(decl) {
  const sf = decl.getSourceFile();
  const trivia = sf.text.slice(decl.getFullStart(), decl.getStart());
  const blocks = trivia.match(/\/\*\*[\s\S]*?\*\//g);
  if (!blocks) return "";
  return blocks[blocks.length - 1]
    .replace(/^\/\*\*|\*\/$/g, "")
    .split("\n")
    .map((l) => l.replace(/^\s*\*\s?/, ""))
    .join("\n");
}

/** Plain text: links become their text, HTML goes, whitespace collapses. */
function plain(text) {
  return text
    .replace(/\{@link\s+[^|}]*\|\s*([^}]*)\}/g, "$1")
    .replace(/\{@link\s+([^}]*)\}/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/\*\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const versionParts = (v) => v.split(".").map(Number);
function compareVersions(a, b) {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * Requirement sets named in a comment. "[Api set: ExcelApi 1.1 for get, 1.8 for set]" counts as its
 * highest version (the member may be written); "**Requirement sets**: DialogApi" without a version is 1.1.
 */
function requirementSets(comment) {
  const sets = [];
  for (const m of comment.matchAll(/\[Api set:\s*([A-Za-z]+)\s+([^\]]*)\]/g)) {
    const versions = [...m[2].matchAll(/\b\d+\.\d+\b/g)].map((v) => v[0]).sort(compareVersions);
    if (versions.length) sets.push({ name: m[1], version: versions[versions.length - 1], text: plain(`${m[1]} ${m[2]}`) });
  }
  for (const m of comment.matchAll(/\*\*Requirement sets?\*\*:([\s\S]*?)(?=\n\s*\n(?!\s*-)|\n@|$)/g)) {
    for (const line of m[1].split(/\n\s*-\s+/)) {
      // "If the `messageOptions` parameter is used, DialogOrigin 1.1 is also required."
      const param = /If the `(\w+)` parameter is used/.exec(line)?.[1];
      for (const l of line.matchAll(/\{@link [^|}]*\|\s*([A-Za-z]+)(?:\s+(\d+(?:\.\d+)*))?\s*\}/g)) {
        const text = `${l[1]} ${l[2] ?? "1.1"}${param ? ` when \`${param}\` is passed` : ""}`;
        sets.push({ name: l[1], version: l[2] ?? "1.1", text, param });
      }
    }
  }
  const seen = new Set();
  return sets.filter((s) => !OTHER_APPS.test(s.name) && !seen.has(s.text) && seen.add(s.text));
}

/** Sentences about null, errors and limits; the requirement-set and "Applications" lines are left out. */
function conditions(comment) {
  const text = comment
    .replace(/\[Api set:[^\]]*\]/g, "")
    .replace(/\*\*Requirement sets?\*\*:[\s\S]*?(?=\n\s*\n(?!\s*-)|\n@|$)/g, "")
    .replace(/\*\*Applications\*\*:.*$/gm, "")
    .replace(/^@(remarks|returns|param\s+\S+)\s*-?\s*/gm, "")
    .replace(/^@\w+.*$/gm, "");
  // Paragraphs and list items first (a list item may lack a full stop), then sentences.
  const sentences = text
    .split(/\n\s*\n|\n\s*-\s+/)
    .flatMap((p) => plain(p).replace(/^- /, "").split(/(?<=[.!?])\s+(?=[A-Z`"(])/))
    .filter((s) => s !== "");
  return sentences.filter((s) => CONDITION.test(s) && !OUTLOOK_ONLY.test(s));
}

/** Requirement sets and conditions for a member; a member stating no set inherits its class's. */
function describe(decl) {
  const comment = rawComment(decl);
  let sets = requirementSets(comment);
  let from = "";
  if (!sets.length) {
    const owner = ownerOf(decl);
    if (owner && !ts.isModuleDeclaration(owner)) {
      sets = requirementSets(rawComment(owner));
      if (sets.length) from = ownerName(owner);
    }
  }
  const line = decl.getSourceFile().getLineAndCharacterOfPosition(decl.getStart()).line + 1;
  return { sets, from, conditions: conditions(comment), line };
}

module.exports = { describe, compareVersions, requirementSets, conditions, plain };
