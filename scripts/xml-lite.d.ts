// Types for scripts/xml-lite.js, so TypeScript tests can import it.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

export class XmlError extends Error {
  line: number;
}

export function parseXml(input: string): { root: XmlElement };
export function localName(name: string): string;
export function allElements(root: XmlElement): XmlElement[];
