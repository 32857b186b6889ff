// Builds the output package from the input package: every part copied as it is stored, but for the
// few we patch (tracker sheets, styles, the parts that list sheets) and our own sheets, rendered from
// their plans. Written to a temporary file beside the output, then renamed: never half-written.
import { rmSync } from "fs";
import { rename } from "fs/promises";
import * as nodePath from "path";
import type { Problem } from "../engine/vocab/types";
import type { SheetPlan } from "../engine/vocab/plan";
import type { RowKey } from "../engine/trackers/row-keys";
import { InputError, OutputError, outputFailure } from "./errors";
import { CONTENT_TYPES_PART, MACRO_WORKBOOK_TYPE, contentTypeOf } from "./package/content-types";
import { REL } from "./package/types";
import type { ZipEntryInfo } from "./package/types";
import type { PackageRead } from "./read-package";
import { contentTypeOfOverride, editAppXml, editContentTypes, editRels, freshRelIds, setOverrideType } from "./patch/package-edits";
import { layoutPackage, WORKSHEET_REL, WORKSHEET_TYPE, type HistoryContinued, type PackageLayout, type PatchedSheet } from "./patch/package-layout";
import { staleCalcChain } from "./patch/calc-chain";
import { planChartParts } from "./patch/chart-parts";
import { canCopyRaw } from "./patch/raw-copy";
import { SheetPatcher, type XfResolver } from "./patch/sheet-patch";
import { FormatsReplaced, recordBuild, recordColumn, withChanges, type PatchedRecord, type StaleCells } from "./patch/record-backups";
import { sheetEdits } from "./patch/sheet-edits";
import { emptySheetPlan } from "../engine/vocab/plan";
import { ByteSink } from "./patch/byte-sink";
import { PIECE } from "./patch/deflate-chunks";
import { renderSheet } from "./patch/sheet-render";
import { StylesPart } from "./patch/styles-append";
import { editWorkbookXml } from "./patch/workbook-edit";
import { PackageZipWriter } from "./patch/zip-writer";
import { firstLine, isNotUtf8, parseXml, utf8Decoder, utf8Failure } from "./package/xml";

const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const APP_PART = "docProps/app.xml";

/** Bytes of a file's name most file systems allow. */
const MAX_NAME_BYTES = 255;

/**
 * A temporary file beside `path`, renamed to it once complete, so nothing is ever half-written. Named
 * after it where that fits (a 250-byte output name is valid; its temporary name must be too).
 */
export function tempPathBeside(path: string, kind = "tmp"): string {
  const target = nodePath.resolve(path);
  const name = nodePath.basename(target);
  // The extension stays whole, so two long names that differ only there ("….xlsx", "….json") stay apart.
  const ext = nodePath.extname(name).slice(0, 16);
  const tail = `${ext}.${process.pid}.${kind}`;
  let base = name.slice(0, name.length - ext.length);
  while (Buffer.byteLength(`.${base}${tail}`) > MAX_NAME_BYTES) base = base.slice(0, -1);
  return nodePath.join(nodePath.dirname(target), `.${base}${tail}`);
}

/** Removes a temporary file if it is there; a folder that is not one (ENOTDIR) has nothing to remove. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing was made there
  }
}

const MACRO_TEMPLATE_TYPE = "application/vnd.ms-excel.template.macroEnabled.main+xml";

/** True when the input is a macro-enabled workbook or template (its output must be an .xlsm). */
export function isMacroEnabled(read: PackageRead): boolean {
  const type = contentTypeOf(read.contentTypes, read.workbook.partName);
  return type === MACRO_WORKBOOK_TYPE || type === MACRO_TEMPLATE_TYPE;
}

/**
 * A template's workbook part made a workbook's (.xltx to .xlsx, .xltm to .xlsm): Excel refuses an
 * .xlsx or .xlsm whose main part has a template's content type.
 */
const TEMPLATE_TYPES: Record<string, string> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  [MACRO_TEMPLATE_TYPE]: MACRO_WORKBOOK_TYPE,
};

function workbookAsDocument(xml: string, workbookPart: string): string {
  const now = contentTypeOfOverride(xml, workbookPart);
  return now !== undefined && TEMPLATE_TYPES[now] ? setOverrideType(xml, workbookPart, TEMPLATE_TYPES[now]) : xml;
}

export interface PackageBuildReport {
  /** One line each: protected sheets left uncoloured, records not trusted. */
  notes: string[];
  /** What could not be written as the plans asked, naming sheet and cell. */
  problems: Problem[];
}

/** A part, inflated and patched as it streams, as whole deflate pieces of bytes (sheet-data.ts's way). */
async function* patchedPart(read: PackageRead, part: string, patcher: SheetPatcher): AsyncGenerator<Buffer> {
  yield* patchedText(decoded(await read.pkg.openStream(part), read.pkg.file, part), patcher);
}

async function* decoded(chunks: AsyncIterable<unknown>, file: string, part: string): AsyncGenerator<string> {
  const decoder = utf8Decoder();
  try {
    for await (const chunk of chunks) yield decoder.decode(chunk as Buffer, { stream: true });
    yield decoder.decode();
  } catch (e) {
    throw isNotUtf8(e) ? utf8Failure(file, part) : e;
  }
}

async function* patchedText(texts: AsyncIterable<string> | Iterable<string>, patcher: SheetPatcher): AsyncGenerator<Buffer> {
  const sink = new ByteSink(PIECE);
  const write = (piece: string): void => sink.utf8(piece);
  for await (const text of texts) {
    patcher.push(text, write);
    if (sink.ready) yield* sink.takeFull();
  }
  patcher.end(write);
  yield* sink.take();
}

/**
 * The record sheet, made once every officer's sheet is patched: the add-in's memory gains what the build
 * wrote and the formats it replaced (record-backups.ts), column A is written again only if it changed
 * (a rebuild gives the same part), and the backups go in from column C.
 */
async function* recordPart(read: PackageRead, layout: PackageLayout, sheets: PatchedRecord[], xfFor: XfResolver, problems: Problem[]): AsyncGenerator<string | Buffer> {
  const { record } = layout;
  const update = recordBuild(read.saved, sheets, record.clears);
  const column = update.changed || !record.existing ? recordColumn(record.a1, read.saved, read.recordRows) : [record.a1];
  const plan = { ...emptySheetPlan(record.name, "edit"), blocks: [{ row: 0, col: 0, values: column.map((v) => [v]) }] };
  // A new record sheet has no cells: a backup of the default format needs none there.
  const backups = record.existing ? update.backups : update.backups.filter((b) => b.xf !== 0);
  const patcher = new SheetPatcher(withChanges(sheetEdits(plan, problems, false), backups), xfFor, record.name);
  if (record.existing) {
    yield* patchedPart(read, record.part, patcher);
    return;
  }
  const empty = renderSheet(emptySheetPlan(record.name, "create"), xfFor, problems);
  yield* patchedText([...empty].map((piece) => (typeof piece === "string" ? piece : piece.toString("utf8"))), patcher);
}

/** The small parts that list the sheets, edited; the styles part is made last (sheets add to it). */
async function editedParts(read: PackageRead, layout: PackageLayout, stylesMissing: boolean, dropRels: Set<string>, addTypes: { part: string; type: string }[] = []): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const { pkg, workbook } = read;
  out.set(workbook.partName, editWorkbookXml(workbook.xml, layout.workbookEdit));
  const relsAdd = layout.newParts.map((p) => ({ id: p.relId, type: WORKSHEET_REL, target: p.target }));
  if (stylesMissing) relsAdd.push({ id: freshRelIds([...workbook.rels.list.map((r) => r.id), ...relsAdd.map((r) => r.id)], 1)[0], type: REL.styles, target: "styles.xml" });
  out.set(workbook.rels.partName, editRels(workbook.rels.xml, dropRels, relsAdd));
  const types = [...layout.newParts.map((p) => ({ part: p.part, type: WORKSHEET_TYPE })), ...addTypes];
  if (stylesMissing) types.push({ part: stylesPartFor(read), type: STYLES_TYPE });
  out.set(pkg.entryName(CONTENT_TYPES_PART) ?? CONTENT_TYPES_PART, workbookAsDocument(editContentTypes(read.contentTypes.xml, layout.dropped, types), workbook.partName));
  const app = pkg.entryName(APP_PART);
  if (app) {
    const xml = await pkg.readText(app);
    // Checked as every part we read is (a DOCTYPE refused, well-formed) before it is edited as text.
    parseXml(pkg.file, app, xml, {});
    const edited = editAppXml(xml, layout.worksheetNames.before, layout.worksheetNames.after);
    if (edited !== xml) out.set(app, edited);
  }
  return out;
}

function stylesPartFor(read: PackageRead): string {
  return read.stylesPart ? (read.pkg.entryName(read.stylesPart) ?? read.stylesPart) : `${read.workbook.partName.slice(0, read.workbook.partName.lastIndexOf("/") + 1)}styles.xml`;
}

function copyEntry(writer: PackageZipWriter, read: PackageRead, e: ZipEntryInfo): void {
  const open = () => read.pkg.openRaw(e.name);
  if (e.compressionMethod === 0 || canCopyRaw()) {
    // A stored part's raw bytes are the part itself; both kinds are checked on the way, naming the part.
    writer.addRaw({ name: e.name, method: e.compressionMethod, crc32: e.crc32, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize, mtime: e.lastModified, open });
  } else writer.addStream(e.name, () => read.pkg.openStream(e.name), e.lastModified);
}

/**
 * Writes `plans` into a copy of the package read, at `output`; `stale` (record-backups.ts staleCells) puts
 * back what an earlier run left that these plans no longer write. Throws OutputError when the output
 * cannot be written, InputError when a part of the input fails to read while it is copied.
 */
export async function writePatchedPackage(
  read: PackageRead,
  plans: SheetPlan[],
  output: string,
  stale?: Map<string, StaleCells>,
  history?: HistoryContinued,
  /** Puts the finished temporary file in place (the command line puts its --json report in place with it). */
  commit: (temp: string) => Promise<void> = (temp) => rename(temp, output),
  /** The key of each record by row, by tracker sheet (row-keys.ts sheetRowKeys): kept in the record for the rows backed up. */
  rowKeys?: ReadonlyMap<string, ReadonlyMap<number, RowKey>>,
): Promise<PackageBuildReport> {
  const problems: Problem[] = [];
  const layout = await layoutPackage(read, plans, problems, stale, history);
  const stylesName = stylesPartFor(read);
  const stylesMissing = !read.stylesPart || !read.pkg.has(read.stylesPart);
  const stylesBytes = stylesMissing ? undefined : await read.pkg.readBuffer(stylesName);
  const styles = stylesBytes ? StylesPart.parse(await read.pkg.readText(stylesName)) : StylesPart.empty();
  const bom = stylesBytes && stylesBytes[0] === 0xef && stylesBytes[1] === 0xbb && stylesBytes[2] === 0xbf ? "\ufeff" : "";
  const xfFor: XfResolver = (base, list, count = list.length) => {
    let id = base;
    for (let i = 0; i < count; i++) id = styles.xfFor(id, list[i]);
    return id;
  };
  // A calc chain naming a formula the build takes away would make Excel repair the file: it goes.
  const calcChain = await staleCalcChain(read, layout);
  if (calcChain) layout.dropped.add(calcChain.entry);
  const charts = planChartParts(read, layout.rendered, layout.dropped, problems);
  for (const stray of charts.replaces) layout.dropped.add(stray);
  const edited = await editedParts(read, layout, stylesMissing, new Set(calcChain ? [calcChain.relId] : []), charts.contentTypes);
  const patched = new Map(layout.patched.map((p) => [p.part.toLowerCase(), p]));
  // Each officer's sheet's patcher, and what it replaces: the record sheet is made from them once they have run.
  const patchers = new Map<PatchedSheet, { patcher: SheetPatcher; replaced: FormatsReplaced }>();
  const recordLower = layout.record.part.toLowerCase();
  const rendered = new Map(layout.rendered.map((r) => [r.part.toLowerCase(), r]));
  const continued = new Map(layout.continued.map((c) => [c.part.toLowerCase(), c]));

  const temp = tempPathBeside(output);
  let writer: PackageZipWriter | undefined;
  try {
    writer = new PackageZipWriter(temp);
    for (const e of read.pkg.entries) {
      const lower = e.name.toLowerCase();
      // The styles part and the record sheet are written last (below).
      if (e.isDirectory || layout.dropped.has(e.name) || lower === stylesName.toLowerCase() || lower === recordLower) continue;
      const text = edited.get(e.name);
      const patch = patched.get(lower);
      const render = rendered.get(lower);
      const cont = continued.get(lower);
      if (text !== undefined) writer.addBuffer(e.name, Buffer.from(text, "utf8"), e.lastModified);
      else if (render) writer.addText(e.name, () => renderSheet(render.plan, xfFor, problems, charts.drawingRelFor.get(lower)));
      else if (cont) writer.addText(e.name, () => patchedPart(read, e.name, new SheetPatcher(cont.edits, xfFor, cont.name)));
      else if (patch) {
        const replaced = new FormatsReplaced();
        const patcher = new SheetPatcher(patch.edits, xfFor, patch.name, replaced.add, (backup, current, keep) => styles.xfKeeping(backup, current, keep));
        patchers.set(patch, { patcher, replaced });
        writer.addText(e.name, () => patchedPart(read, e.name, patcher));
      }
      else copyEntry(writer, read, e);
    }
    for (const p of layout.newParts) {
      const render = rendered.get(p.part.toLowerCase());
      if (render) writer.addText(p.part, () => renderSheet(render.plan, xfFor, problems, charts.drawingRelFor.get(p.part.toLowerCase())));
    }
    for (const c of charts.entries) writer.addBuffer(c.name, Buffer.from(c.text, "utf8"));
    // After the officers' sheets (yazl writes one entry at a time, in order), whose patches it records.
    const patchedSheets = (): PatchedRecord[] =>
      layout.patched.map((p) => ({ name: p.name, plan: p.plan, replaced: patchers.get(p)?.replaced ?? new FormatsReplaced(), widths: patchers.get(p)?.patcher.widthsBefore ?? new Map<number, number>(), ours: p.ours, widthsPutBack: [...(p.edits.widthsBack?.keys() ?? []), ...(p.widthsGone ?? [])], keys: rowKeys?.get(p.name) }));
    writer.addText(layout.record.part, () => recordPart(read, layout, patchedSheets(), xfFor, problems));
    // Last, once every sheet has asked for its formats.
    writer.addText(stylesName, function* () {
      // Unchanged (nothing appended), the part's own bytes go back as they were.
      yield styles.changed || !stylesBytes ? bom + styles.toXml() : stylesBytes;
    });
    await writer.finish();
    await commit(temp);
  } catch (e) {
    // The temporary file may be opened only now (the stream opens it after the first part is queued): waited for, then removed.
    await writer?.abort();
    removeQuietly(temp);
    if (e instanceof OutputError) throw e;
    if ((e as { fromOutput?: boolean }).fromOutput || (e as NodeJS.ErrnoException).syscall === "rename") throw outputFailure(output, e);
    if (e instanceof InputError) throw e;
    throw new InputError(`${read.pkg.file} is corrupt: ${firstLine(e instanceof Error ? e.message : String(e))}`);
  }
  return { notes: layout.notes, problems };
}

export { isMacroEnabled as inputIsMacroEnabled };
