#!/usr/bin/env python3
"""helper-137: package-level variations of a small XlsxWriter tracker (XML spelling, zip layout, part
names, missing optional parts), and committee values for --all-committees.

python3 test/fuzz/gen2.py OUTDIR
"""
import os
import re
import sys
import zipfile

import xlsxwriter

sys.path.insert(0, os.path.dirname(__file__))
from gen import HEADER, ROWS  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else "gen2"
CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def base(path, extra=None):
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("KPIs")
    bold = wb.add_format({"bold": True})
    ws.write_row(0, 0, HEADER, bold)
    for i, r in enumerate(ROWS):
        ws.write_row(i + 1, 0, r)
    if extra:
        extra(wb, ws)
    wb.close()


def parts(path):
    with zipfile.ZipFile(path) as z:
        return [(i, z.read(i.filename)) for i in z.infolist()]


def write(path, items, compression=zipfile.ZIP_DEFLATED, comment=b""):
    with zipfile.ZipFile(path, "w", compression) as z:
        for info, data in items:
            if isinstance(info, str):
                z.writestr(info, data, compress_type=compression)
            else:
                info.compress_type = compression
                z.writestr(info, data)
        z.comment = comment


def rewrite(path, fns, **kw):
    """fns: {part: fn(text) -> text or None (drop)}; '*' applies to every xml/rels part."""
    items = []
    for info, data in parts(path):
        for key in (info.filename, "*"):
            fn = fns.get(key)
            if fn and (key != "*" or info.filename.endswith((".xml", ".rels"))):
                t = fn(data.decode("utf8"))
                if t is None:
                    data = None
                    break
                data = t.encode("utf8")
        if data is not None:
            items.append((info, data))
    write(path, items, **kw)


@case
def single_quoted_attributes(path):
    base(path)

    def fn(x):
        return re.sub(r'(\s[\w:]+)="([^"]*)"', lambda m: f"{m.group(1)}='{m.group(2)}'", x)

    rewrite(path, {"*": fn})


@case
def pretty_printed(path):
    base(path)

    def fn(x):
        return re.sub(r">\s*<", ">\n  <", x)

    rewrite(path, {"*": fn})


@case
def pretty_printed_sheet_only(path):
    base(path)
    rewrite(path, {"xl/worksheets/sheet1.xml": lambda x: re.sub(r"><", ">\r\n\t<", x)})


@case
def bom_and_crlf(path):
    base(path)
    rewrite(path, {"*": lambda x: "\ufeff" + x.replace("\n", "\r\n")})


@case
def no_styles_part(path):
    base(path)

    def ct(x):
        return re.sub(r'<Override PartName="/xl/styles.xml"[^>]*/>', "", x)

    def rels(x):
        return re.sub(r'<Relationship [^>]*Target="styles.xml"/>', "", x)

    def sheet(x):
        return re.sub(r' s="\d+"', "", x)

    rewrite(path, {"xl/styles.xml": lambda x: None, "[Content_Types].xml": ct, "xl/_rels/workbook.xml.rels": rels, "xl/worksheets/sheet1.xml": sheet})


@case
def no_docprops(path):
    base(path)

    def ct(x):
        return re.sub(r'<Override PartName="/docProps/[^"]*"[^>]*/>', "", x)

    def rels(x):
        return re.sub(r'<Relationship [^>]*Target="docProps/[^"]*"/>', "", x)

    rewrite(path, {"docProps/app.xml": lambda x: None, "docProps/core.xml": lambda x: None, "[Content_Types].xml": ct, "_rels/.rels": rels})


@case
def no_shared_strings_inline(path):
    # Every string inline (as SheetJS/POI SXSSF write them) and no sharedStrings part.
    base(path)
    items = parts(path)
    sst = next(d for i, d in items if i.filename == "xl/sharedStrings.xml").decode()
    strings = [re.sub(r"<[^>]+>", "", s) for s in re.findall(r"<si>(.*?)</si>", sst)]

    def sheet(x):
        return re.sub(r'<c r="([A-Z]+\d+)"( s="\d+")? t="s"><v>(\d+)</v></c>', lambda m: f'<c r="{m.group(1)}"{m.group(2) or ""} t="inlineStr"><is><t>{strings[int(m.group(3))]}</t></is></c>', x)

    rewrite(
        path,
        {
            "xl/sharedStrings.xml": lambda x: None,
            "xl/worksheets/sheet1.xml": sheet,
            "[Content_Types].xml": lambda x: re.sub(r'<Override PartName="/xl/sharedStrings.xml"[^>]*/>', "", x),
            "xl/_rels/workbook.xml.rels": lambda x: re.sub(r'<Relationship [^>]*Target="sharedStrings.xml"/>', "", x),
        },
    )


@case
def orphan_part_named_like_ours(path):
    # A part xl/worksheets/sheet2.xml in the zip that the workbook does not use (left by some tool).
    base(path)
    items = parts(path)
    sheet = next(d for i, d in items if i.filename == "xl/worksheets/sheet1.xml")
    items.append(("xl/worksheets/sheet2.xml", sheet))
    write(path, items)


@case
def orphan_part_other_case(path):
    base(path)
    items = parts(path)
    sheet = next(d for i, d in items if i.filename == "xl/worksheets/sheet1.xml")
    items.append(("xl/worksheets/Sheet2.xml", sheet))
    items.append(("xl/worksheets/_rels/Sheet3.xml.rels", b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'))
    write(path, items)


@case
def sheet_part_in_other_folder(path):
    base(path)
    items = []
    for info, data in parts(path):
        name = info.filename
        if name == "xl/worksheets/sheet1.xml":
            name = "xl/Worksheets/KPI Sheet.xml"
        d = data.decode()
        d = d.replace("/xl/worksheets/sheet1.xml", "/xl/Worksheets/KPI%20Sheet.xml").replace('Target="worksheets/sheet1.xml"', 'Target="Worksheets/KPI%20Sheet.xml"')
        items.append((name, d.encode()))
    write(path, items)


@case
def absolute_targets(path):
    base(path)
    rewrite(path, {"xl/_rels/workbook.xml.rels": lambda x: re.sub(r'Target="(?!/)([^"]*)"', r'Target="/xl/\1"', x)})


@case
def stored_entries_with_comment(path):
    base(path)
    write(path, parts(path), compression=zipfile.ZIP_STORED, comment=b"made by helper-137")


@case
def content_types_default_xml(path):
    # Worksheets typed by a Default for .xml, not an Override.
    base(path)

    def ct(x):
        x = re.sub(r'<Default Extension="xml" ContentType="[^"]*"/>', '<Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>', x)
        return re.sub(r'<Override PartName="/xl/worksheets/sheet1.xml"[^>]*/>', "", x)

    rewrite(path, {"[Content_Types].xml": ct})


@case
def cellxfs_count_wrong(path):
    base(path)
    rewrite(path, {"xl/styles.xml": lambda x: re.sub(r'<cellXfs count="\d+"', '<cellXfs count="1"', x)})


@case
def cellxfs_no_count(path):
    base(path)
    rewrite(path, {"xl/styles.xml": lambda x: re.sub(r'<(cellXfs|fonts|fills|borders) count="\d+"', r"<\1", x)})


@case
def no_dxfs_no_numfmts(path):
    base(path)
    rewrite(path, {"xl/styles.xml": lambda x: re.sub(r"<dxfs[^>]*/>|<dxfs.*?</dxfs>", "", x)})


@case
def styles_prefixed(path):
    base(path)

    def fn(x):
        x = x.replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:s="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        return re.sub(r"<(/?)([a-zA-Z]+)([ />])", lambda m: f"<{m.group(1)}s:{m.group(2)}{m.group(3)}" if m.group(2) != "xml" else m.group(0), x)

    rewrite(path, {"xl/styles.xml": fn})


@case
def workbook_prefixed(path):
    base(path)

    def fn(x):
        x = x.replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        return re.sub(r"<(/?)([a-zA-Z]+)([ />])", lambda m: f"<{m.group(1)}x:{m.group(2)}{m.group(3)}" if m.group(2) != "xml" else m.group(0), x)

    rewrite(path, {"xl/workbook.xml": fn})


@case
def no_bookviews(path):
    base(path)
    rewrite(path, {"xl/workbook.xml": lambda x: re.sub(r"<bookViews>.*?</bookViews>", "", x)})


@case
def sheet_name_entities(path):
    def extra(wb, ws):
        ws2 = wb.add_worksheet('R&D "KPIs" <Q3>')
        ws2.write_row(0, 0, HEADER)
        for i, r in enumerate(ROWS):
            ws2.write_row(i + 1, 0, [r[0].replace("HE", "RD")] + r[1:])
        wb.define_name("RDArea", "='R&D \"KPIs\" <Q3>'!$A$1:$F$5")

    base(path, extra)


@case
def cell_type_d(path):
    # ISO 8601 date cells (t="d"), as Excel writes them in Strict and some writers in transitional.
    def extra(wb, ws):
        ws.write_row(0, 6, ["Last updated"])
        for i in range(4):
            ws.write(i + 1, 6, 45000 + i)

    base(path, extra)
    rewrite(path, {"xl/worksheets/sheet1.xml": lambda x: re.sub(r'<c r="(G[2-5])"><v>(\d+)</v></c>', r'<c r="\1" t="d"><v>2023-03-0\2T00:00:00</v></c>'.replace("\\2", "1"), x)})


@case
def error_cells(path):
    def extra(wb, ws):
        pass

    base(path, extra)
    rewrite(path, {"xl/worksheets/sheet1.xml": lambda x: re.sub(r'<c r="D3"><v>41</v></c>', '<c r="D3" t="e"><v>#N/A</v></c>', x)})


@case
def comments_and_cdata_in_sheet(path):
    base(path)

    def fn(x):
        x = x.replace("<sheetData>", "<sheetData><!-- rows follow --><!-- </sheetData> -->", 1)
        x = x.replace('<row r="3"', '<!-- a <row r="99"> comment --><row r="3"', 1)
        x = x.replace('<c r="B2"', '<!-- <c r="G2"/> --><c r="B2"', 1)
        return x

    rewrite(path, {"xl/worksheets/sheet1.xml": fn})


@case
def processing_instruction(path):
    base(path)
    rewrite(path, {"xl/worksheets/sheet1.xml": lambda x: x.replace("<sheetData>", "<sheetData><?mso-pi something?>", 1)})


@case
def row_without_cells_and_selfclosed(path):
    base(path)
    rewrite(path, {"xl/worksheets/sheet1.xml": lambda x: x.replace('<row r="3" spans="1:6">', '<row r="3" spans="1:6" ht="30" customHeight="1">', 1).replace("</sheetData>", '<row r="7" spans="1:6"/><row r="8" s="1" customFormat="1"/></sheetData>', 1)})


@case
def mc_alternate_content_in_sheet(path):
    base(path)

    def fn(x):
        x = x.replace("<worksheet ", '<worksheet xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac" ', 1)
        x = re.sub(r'<row r="(\d+)" spans="([^"]*)"', r'<row r="\1" spans="\2" x14ac:dyDescent="0.25"', x)
        x = x.replace("<sheetFormatPr ", '<sheetFormatPr x14ac:dyDescent="0.25" ', 1)
        return x

    rewrite(path, {"xl/worksheets/sheet1.xml": fn})


@case
def status_column_has_col_spanning_whole(path):
    def extra(wb, ws):
        ws.set_column("A:XFD", 10)

    base(path, extra)


@case
def col_elements_out_of_order(path):
    def extra(wb, ws):
        ws.set_column("B:B", 30)
        ws.set_column("G:G", 7)
        ws.set_column("J:K", 5)

    base(path, extra)
    # Reverse the <col> order (not valid per the schema's intent, but files have it).
    rewrite(path, {"xl/worksheets/sheet1.xml": lambda x: re.sub(r"<cols>(.*?)</cols>", lambda m: "<cols>" + "".join(reversed(re.findall(r"<col [^>]*/>", m.group(1)))) + "</cols>", x)})


@case
def col_overlapping_status(path):
    def extra(wb, ws):
        ws.set_column("E:H", 12)

    base(path, extra)


@case
def sheet_rels_missing_for_tracker_with_table_ref(path):
    base(path)


@case
def committees(path):
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("KPIs")
    ws.write_row(0, 0, HEADER + ["Committee"])
    names = ["Housing / Planning: [Q3]?*", "A" * 40 + " long committee name", "housing", "Housing", "'Quoted'", "History", "Summary", "Scorecard Rules", "RagScorecardState", "  ", "Cabinet\u00a0\u00a0", "ÉQUIPE 🏠", "Scorecard History"]
    for i, n in enumerate(names):
        r = ROWS[i % 4]
        ws.write_row(i + 1, 0, [f"C {i}"] + r[1:] + [n])
    wb.close()


@case
def committees_similar_long(path):
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("KPIs")
    ws.write_row(0, 0, HEADER + ["Committee"])
    names = ["Overview and Scrutiny Committee for Housing", "Overview and Scrutiny Committee for Highways", "Overview and Scrutiny Committee for H", "Summary – Overview and Scrutiny Committee"]
    for i, n in enumerate(names):
        r = ROWS[i % 4]
        ws.write_row(i + 1, 0, [f"C {i}"] + r[1:] + [n])
    wb.close()


@case
def one_fill_only(path):
    # styles.xml with a single <fill> (as some writers make it): Excel reads fillId 1 as gray125 whatever it says.
    base(path)

    def fn(x):
        return re.sub(r"<fills count=\"\d+\">.*?</fills>", '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>', x, flags=re.S)

    rewrite(path, {"xl/styles.xml": fn})


@case
def spaced_equals_sparse_rows(path):
    # Attributes spelt with spaces and newlines around "=", rows sparse (a title, a gap, the header in row 4).
    def extra(wb, ws):
        pass

    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("KPIs")
    ws.write(0, 0, "Housing performance Q3 2010/11")
    ws.write_row(3, 0, HEADER)
    for i, r in enumerate(ROWS):
        ws.write_row(5 + 2 * i, 0, r)
    wb.close()

    def fn(x):
        head, rest = x.split("<sheetData>", 1)
        rest = re.sub(r'<(row|c) r="([^"]*)"', lambda m: f"<{m.group(1)}\n  r = '{m.group(2)}'", rest)
        rest = re.sub(r' s="(\d+)"', r" s\t=\t'\1'", rest)
        return head + "<sheetData>" + rest

    rewrite(path, {"xl/worksheets/sheet1.xml": fn})


@case
def million_formatted_rows(path):
    # Every row of the sheet written, formatted whole (as LibreOffice writes a column formatted to the bottom).
    base(path)

    def fn(x):
        rows = "".join(f'<row r="{r}" s="1" customFormat="1" ht="15" customHeight="1"/>' for r in range(6, 1048577))
        return x.replace("</sheetData>", rows + "</sheetData>")

    rewrite(path, {"xl/worksheets/sheet1.xml": fn})


@case
def many_cols_and_merges(path):
    base(path)

    def fn(x):
        cols = "<cols>" + "".join(f'<col min="{c}" max="{c}" width="{8 + c % 5}" customWidth="1"/>' for c in range(1, 16385)) + "</cols>"
        merges = "".join(f'<mergeCell ref="H{r}:I{r}"/>' for r in range(10, 40010))
        x = x.replace("<sheetData>", cols + "<sheetData>", 1)
        return x.replace("</sheetData>", f'</sheetData><mergeCells count="40000">{merges}</mergeCells>', 1)

    rewrite(path, {"xl/worksheets/sheet1.xml": fn})


def main():
    os.makedirs(OUT, exist_ok=True)
    only = sys.argv[2:]
    for name, fn in CASES.items():
        if only and name not in only:
            continue
        try:
            fn(os.path.join(OUT, f"{name}.xlsx"))
        except Exception as e:  # noqa: BLE001
            print(f"{name}: could not make: {type(e).__name__}: {e}", file=sys.stderr)


if __name__ == "__main__":
    main()
