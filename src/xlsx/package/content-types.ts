// [Content_Types].xml: the content type of each part, by override or by extension.
import type { ContentTypes } from "./types";
import type { ZipPackage } from "./zip-reader";
import { InputError } from "../errors";
import { attr, parseXml } from "./xml";

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export function parseContentTypes(file: string, xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  parseXml(file, CONTENT_TYPES_PART, xml, {
    open(tag, local) {
      const type = attr(tag, "ContentType");
      if (type === undefined) return;
      if (local === "Default") {
        const ext = attr(tag, "Extension");
        if (ext !== undefined) defaults.set(ext.toLowerCase(), type);
      } else if (local === "Override") {
        const name = attr(tag, "PartName");
        if (name !== undefined) overrides.set(name.replace(/^\//, "").toLowerCase(), type);
      }
    },
  });
  return { xml, defaults, overrides };
}

export async function readContentTypes(pkg: ZipPackage): Promise<ContentTypes> {
  const xml = await pkg.readTextIfPresent(CONTENT_TYPES_PART);
  if (xml === undefined) {
    // An OpenDocument file (LibreOffice's .ods, or one renamed .xlsx) names itself in its first entry (helper-119).
    const mimetype = await pkg.readTextIfPresent("mimetype", 200).then((t) => t?.trim(), () => undefined);
    if (mimetype?.startsWith("application/vnd.oasis.opendocument.")) {
      throw new InputError(`${pkg.file} is not an Excel .xlsx file (it is an OpenDocument file, as LibreOffice saves one: save it as .xlsx)`);
    }
    throw new InputError(`${pkg.file} is corrupt: it has no ${CONTENT_TYPES_PART}`);
  }
  return parseContentTypes(pkg.file, xml);
}

/** A part's content type ("xl/workbook.xml"), by override else by its extension. */
export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const bare = part.replace(/^\//, "").toLowerCase();
  const override = types.overrides.get(bare);
  if (override !== undefined) return override;
  const dot = bare.lastIndexOf(".");
  return dot < 0 || dot < bare.lastIndexOf("/") ? undefined : types.defaults.get(bare.slice(dot + 1));
}

/** The macro-enabled workbook's main content type: its output must stay .xlsm. */
export const MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
