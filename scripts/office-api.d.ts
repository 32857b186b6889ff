// Types for scripts/office-api.js, so TypeScript tests can import it.

export interface RequirementSet {
  name: string;
  version: string;
  text: string;
  /** Set only applies when this parameter is passed. */
  param?: string;
}

export interface OfficeApiRow {
  /** "Excel.Worksheet.tabColor", or with the overload's parameters: "Excel.run(options, batch)". */
  key: string;
  receiver: string;
  name: string;
  kind: "class" | "interface" | "namespace" | "enum";
  area: string;
  declKey: string;
  files: string[];
  sets: RequirementSet[];
  doc: { sets: RequirementSet[]; from: string; conditions: string[]; line: number };
  check: { above: { set: RequirementSet; via: string }[]; unguarded: { set: string; at: string }[]; guards: string[] };
  /** modelled: null for Office common API members, outside the Excel fake. */
  fake: { modelled: boolean | null; text: string };
}

export interface OfficeApiAnalysis {
  rows: OfficeApiRow[];
  manifest: { sets: Map<string, string>; defaultMinVersion: string };
  officeVersion: string;
  scope: { host: string[]; fake: string[] };
  allowed: { aboveManifest: Record<string, string>; unmodelled: Record<string, string> };
  findings: {
    aboveUnguarded: { member: string; sites: { set: string; at: string }[] }[];
    unmodelled: { member: string; why: string }[];
    /** Host subset-type members the Office.js type they stand for lacks. */
    notInOffice: { member: string; standsFor: string; at: string[] }[];
  };
}

/** `sources`: extra host files (path relative to the root -> text), for probes. */
export function analyse(options?: { root?: string; sources?: Record<string, string> }): OfficeApiAnalysis;
export function render(analysis: OfficeApiAnalysis): string;
export const DOC: string;
export const ALLOWED: OfficeApiAnalysis["allowed"];

/** Requirement sets named in a raw doc comment (comment markers stripped). */
export function requirementSets(comment: string): RequirementSet[];
/** The comment's sentences that name a null, an error or a limit. */
export function conditions(comment: string): string[];
