#!/usr/bin/env python3
"""helper-137: varied small workbooks with a tracker in them, made by openpyxl and XlsxWriter.

python3 test/fuzz/gen.py OUTDIR [--random N]

Each case is one function; the file is OUTDIR/<case>.xlsx. `--random N` adds N workbooks mixing
features at random (seeded, so the same N gives the same files).
"""
import datetime
import os
import random
import sys
import zipfile

import openpyxl
import xlsxwriter
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule, FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

HEADER = ["Ref", "Indicator", "Target", "Actual", "Polarity", "RAG"]
ROWS = [
    ["HE 1", "Percentage of rent collected", 97, 98.2, "Higher is better", "Green"],
    ["HE 2", "Average days to re-let council homes", 30, 41, "Lower is better", "Red"],
    ["HE 3", "Percentage of household waste recycled", 50, 48.9, "Higher is better", "Amber"],
    ["HE 4", "Households in temporary accommodation", 120, 118, "Lower is better", "Green"],
]

OUT = sys.argv[1] if len(sys.argv) > 1 else "gen"
CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def op_tracker(ws, top=1, left=1, rows=ROWS, header=HEADER):
    for j, h in enumerate(header):
        ws.cell(top, left + j, h)
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            ws.cell(top + 1 + i, left + j, v)
    return top + len(rows)


def xw_tracker(ws, top=0, left=0, rows=ROWS, header=HEADER, fmt=None):
    ws.write_row(top, left, header, fmt)
    for i, r in enumerate(rows):
        ws.write_row(top + 1 + i, left, r)
    return top + len(rows)


# ---------------------------------------------------------------- openpyxl cases
@case
def op_plain(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws)
    wb.save(path)


@case
def op_title_sections_repeated_header(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    ws["A1"] = "Housing performance Q3 2010/11"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:F1")
    r = 3
    for sec in ["Housing", "Waste"]:
        for j, h in enumerate(HEADER):
            ws.cell(r, 1 + j, h).font = Font(bold=True)
        r += 1
        ws.cell(r, 1, sec).fill = PatternFill("solid", fgColor="DDDDDD")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        r += 1
        for row in ROWS[:2] if sec == "Housing" else ROWS[2:]:
            for j, v in enumerate(row):
                ws.cell(r, 1 + j, v)
            r += 1
        r += 1
    wb.save(path)


@case
def op_table_header_totals(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws)
    ws.cell(6, 1, "Total")
    ws.cell(6, 3, "=SUBTOTAL(109,C2:C5)")
    t = Table(displayName="Tracker", ref="A1:F6", totalsRowCount=1)
    t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    ws.add_table(t)
    wb.save(path)


@case
def op_hidden_rows_cols(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws)
    ws.row_dimensions[3].hidden = True
    ws.column_dimensions["E"].hidden = True
    ws.column_dimensions["G"].hidden = True
    ws.column_dimensions["H"].hidden = True
    wb.save(path)


@case
def op_merged_over_status_column(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws)
    # An officer's commentary merged over G:H on row 3 only, and a note merged down G4:G5.
    ws["G3"] = "Commentary here"
    ws.merge_cells("G3:H3")
    ws["G4"] = None
    ws.merge_cells("G4:G5")
    wb.save(path)


@case
def op_rich_text(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws)
    ws["B2"] = CellRichText(["Percentage of ", TextBlock(InlineFont(b=True), "rent"), " collected"])
    ws["F3"] = CellRichText([TextBlock(InlineFont(color="FF0000"), "Red")])
    wb.save(path)


@case
def op_control_chars_and_escapes(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    rows = [list(r) for r in ROWS]
    rows[0][1] = "Rent _x0041_ collected _x005F_x0042_ and _xD83D_"
    rows[1][1] = "Tab\there, CR\r\nLF, bell?"  # openpyxl refuses \x07
    rows[2][1] = "Emoji 🏠📈 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☂"
    rows[3][1] = "x" * 32000
    op_tracker(ws, rows=rows)
    wb.save(path)


@case
def op_numbers_as_text(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    rows = [[r[0], r[1], str(r[2]), str(r[3]), r[4], r[5]] for r in ROWS]
    op_tracker(ws, rows=rows)
    wb.save(path)


@case
def op_percent_and_dates(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    header = ["Ref", "Indicator", "Target", "Actual", "Polarity", "RAG", "Last updated"]
    rows = [[r[0], r[1], r[2] / 100, r[3] / 100, r[4], r[5], datetime.date(2011, 1, 10 + i)] for i, r in enumerate(ROWS)]
    op_tracker(ws, header=header, rows=rows)
    for i in range(2, 6):
        ws.cell(i, 3).number_format = "0.0%"
        ws.cell(i, 4).number_format = "0.0%"
        ws.cell(i, 7).number_format = "dd/mm/yyyy"
    wb.save(path)


@case
def op_1904(path):
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Activities"
    ws.append(["Ref", "Action", "Due date", "Progress", "Status"])
    ws.append(["A1", "Review the allocations policy", datetime.date(2024, 6, 30), "Drafting", "On track"])
    ws.append(["A2", "Open the new depot", datetime.date(2023, 12, 31), "Delayed by contractor", "Behind"])
    ws.append(["A3", "Consult on the budget", datetime.date(2024, 1, 31), "Done", "Completed"])
    for i in range(2, 5):
        ws.cell(i, 3).number_format = "dd/mm/yyyy"
    wb.save(path)


@case
def op_formulas_no_cache(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws)
    ws["G1"] = "Variance"
    for i in range(2, 6):
        ws.cell(i, 4).value = f"={ROWS[i-2][3]}+0"
        ws.cell(i, 7).value = f"=D{i}-C{i}"
    wb.save(path)


@case
def op_validation_cf_comments_links_names(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws)
    dv = DataValidation(type="list", formula1='"Red,Amber,Green"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add("F2:F100")
    dv2 = DataValidation(type="whole", operator="between", formula1="0", formula2="100")
    ws.add_data_validation(dv2)
    dv2.add("G2:G100")
    ws.conditional_formatting.add("F2:F100", CellIsRule(operator="equal", formula=['"Red"'], fill=PatternFill("solid", bgColor="FFC7CE")))
    ws.conditional_formatting.add("D2:D5", ColorScaleRule(start_type="min", start_color="FFFFFF", end_type="max", end_color="63BE7B"))
    ws["B2"].comment = Comment("Checked by finance", "Officer")
    ws["A3"].hyperlink = "https://example.org/he2"
    ws["A3"].style = "Hyperlink"
    wb.defined_names["KPIRange"] = DefinedName("KPIRange", attr_text="KPIs!$A$1:$F$5")
    ws.freeze_panes = "C2"
    wb.save(path)


@case
def op_protected(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws)
    ws.protection.sheet = True
    ws.protection.password = "x"
    wb.save(path)


@case
def op_names_like_ours(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws)
    for n in ["Summary", "Scorecard Rules", "RagScorecardState", "Summary (2)", "Scorecard History"]:
        s = wb.create_sheet(n)
        s["A1"] = f"The officer's own {n}"
    wb.save(path)


@case
def op_multiple_trackers(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Housing"
    op_tracker(ws, rows=ROWS[:2])
    ws2 = wb.create_sheet("Waste")
    op_tracker(ws2, top=3, left=2, rows=ROWS[2:])
    ws3 = wb.create_sheet("Both")
    op_tracker(ws3, rows=ROWS[:2])
    op_tracker(ws3, top=10, rows=[[r[0].replace("HE", "WA")] + r[1:] for r in ROWS[2:]])
    wb.save(path)


@case
def op_column_style_spanning(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws)
    for col in "GHIJ":
        ws.column_dimensions[col].fill = PatternFill("solid", fgColor="FFFF00")
        ws.column_dimensions[col].width = 5
    ws.column_dimensions.group("G", "J", hidden=False, outline_level=1)
    wb.save(path)


@case
def op_far_edges(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    # Tracker whose last column is XFD and whose last row is 1048576.
    op_tracker(ws, top=1048576 - len(ROWS), left=16384 - len(HEADER) + 1)
    wb.save(path)


@case
def op_far_right(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws, left=16384 - len(HEADER) + 1)
    wb.save(path)


@case
def op_far_bottom(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws, top=1048576 - len(ROWS))
    wb.save(path)


@case
def op_freeze_and_print(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws)
    ws.freeze_panes = "B2"
    ws.print_area = "A1:F5"
    ws.print_title_rows = "1:1"
    ws.auto_filter.ref = "A1:F5"
    wb.save(path)


@case
def op_print_area_wide(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    op_tracker(ws)
    ws.print_area = "A1:K20"
    wb.save(path)


# ---------------------------------------------------------------- XlsxWriter cases
def xw(path, **opts):
    return xlsxwriter.Workbook(path, opts)


@case
def xw_plain(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    wb.close()


@case
def xw_table_no_header(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    ws.write_row(0, 0, HEADER)
    ws.add_table(1, 0, 4, 5, {"header_row": False, "data": ROWS})
    wb.close()


@case
def xw_table_totals(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    cols = [{"header": h} for h in HEADER]
    cols[0]["total_string"] = "Totals"
    cols[2]["total_function"] = "sum"
    cols[3]["total_function"] = "average"
    ws.add_table(2, 1, 7, 6, {"data": ROWS, "columns": cols, "total_row": True, "name": "KPITable"})
    ws.write(0, 1, "Quarter 3 2010/11")
    wb.close()


@case
def xw_table_with_neighbour_table(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    ws.add_table(0, 0, 4, 5, {"data": ROWS, "columns": [{"header": h} for h in HEADER]})
    # Another table right next to the status column's place.
    ws.add_table(0, 7, 2, 8, {"data": [["a", 1], ["b", 2]], "columns": [{"header": "Key"}, {"header": "Val"}]})
    wb.close()


@case
def xw_table_adjacent_g(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    ws.add_table(0, 0, 4, 5, {"data": ROWS, "columns": [{"header": h} for h in HEADER]})
    # A table starting in column G, right where our column would go, but with blank cells.
    ws.add_table(6, 6, 8, 7, {"data": [["a", 1], ["b", 2]], "columns": [{"header": "Key"}, {"header": "Val"}]})
    wb.close()


@case
def xw_rich_strings(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    bold = wb.add_format({"bold": True})
    red = wb.add_format({"font_color": "red"})
    ws.write_rich_string(1, 1, "Percentage of ", bold, "rent", " collected")
    ws.write_rich_string(2, 5, red, "Red", " (", bold, "late", ")")
    wb.close()


@case
def xw_1904(path):
    wb = xw(path, date_1904=True)
    ws = wb.add_worksheet("Activities")
    d = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_row(0, 0, ["Ref", "Action", "Due date", "Progress", "Status"])
    data = [
        ["A1", "Review the allocations policy", datetime.date(2024, 6, 30), "Drafting", "On track"],
        ["A2", "Open the new depot", datetime.date(2023, 12, 31), "Delayed by contractor", "Behind"],
        ["A3", "Consult on the budget", datetime.date(2024, 1, 31), "Done", "Completed"],
    ]
    for i, r in enumerate(data):
        ws.write_row(i + 1, 0, r[:2])
        ws.write_datetime(i + 1, 2, datetime.datetime.combine(r[2], datetime.time()), d)
        ws.write_row(i + 1, 3, r[3:])
    wb.close()


@case
def xw_formulas_cached(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    ws.write(0, 6, "Variance")
    for i in range(4):
        ws.write_formula(i + 1, 3, f"={ROWS[i][3]}*1", None, ROWS[i][3])
        ws.write_formula(i + 1, 6, f"=D{i+2}-C{i+2}", None, round(ROWS[i][3] - ROWS[i][2], 1))
    ws.write_formula(1, 5, '=IF(D2>=C2,"Green","Red")', None, "Green")
    wb.close()


@case
def xw_array_formulas(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    ws.write_array_formula(1, 3, 4, 3, "{=C2:C5*1.01}", None, 98.2)
    ws.write_dynamic_array_formula(0, 9, 3, 9, "=SORT(C2:C5)", None, 30)
    wb.close()


@case
def xw_array_formula_in_g(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    # An array formula whose range covers G2:G5, giving "" (a helper column): not free.
    ws.write_array_formula(1, 6, 4, 6, '{=IF(C2:C5>0,"","x")}', None, "")
    wb.close()


@case
def xw_validation_cf_comments(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    ws.data_validation(1, 5, 100, 5, {"validate": "list", "source": ["Red", "Amber", "Green"]})
    ws.data_validation(0, 6, 1048575, 6, {"validate": "integer", "criteria": ">", "value": 0})
    ws.conditional_format(1, 0, 4, 10, {"type": "formula", "criteria": "=$F2=\"Red\"", "format": wb.add_format({"bg_color": "#FFC7CE"})})
    ws.conditional_format(1, 3, 4, 3, {"type": "data_bar"})
    ws.write_comment(1, 1, "Checked by finance")
    ws.write_comment(1, 6, "A note on the empty cell where our status goes")
    ws.write_url(2, 0, "https://example.org/he2", string="HE 2")
    ws.freeze_panes(1, 2)
    wb.define_name("KPIRange", "=KPIs!$A$1:$F$5")
    wb.define_name("KPIs!Local", "=KPIs!$G$1")
    wb.close()


@case
def xw_comment_where_status_goes(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    ws.write_comment(2, 6, "A note on G3")
    wb.close()


@case
def xw_hyperlink_in_g(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    # A hyperlink on an empty cell: xlsxwriter writes a blank-ish cell? Use write_url with empty string.
    ws.write_url(2, 6, "https://example.org/", string="")
    wb.close()


@case
def xw_protected_with_unlocked(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    ws.protect("pw", {"format_cells": True})
    wb.close()


@case
def xw_column_formats(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    yellow = wb.add_format({"bg_color": "#FFFF00", "num_format": "0.00%"})
    ws.set_column(5, 20, 12, yellow)
    ws.set_column(21, 16383, None, None, {"hidden": True})
    xw_tracker(ws)
    wb.close()


@case
def xw_row_formats(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    blue = wb.add_format({"bg_color": "#DDEBF7", "italic": True})
    xw_tracker(ws)
    ws.set_row(2, 30, blue)
    ws.set_row(3, None, blue, {"hidden": True})
    ws.set_row(10, None, blue)
    wb.close()


@case
def xw_merged_rating(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    m = wb.add_format({"align": "center"})
    ws.merge_range(1, 5, 2, 5, "Green", m)  # rating merged down two rows
    ws.merge_range(3, 6, 3, 8, "Note across G:I", m)
    wb.close()


@case
def xw_numbers_as_text_and_formats(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    txt = wb.add_format({"num_format": "@"})
    pct = wb.add_format({"num_format": "0%"})
    ws.write_row(0, 0, HEADER)
    for i, r in enumerate(ROWS):
        ws.write_string(i + 1, 0, r[0])
        ws.write_string(i + 1, 1, r[1])
        ws.write_string(i + 1, 2, f"{r[2]}%", txt)
        ws.write_number(i + 1, 3, r[3] / 100, pct)
        ws.write_string(i + 1, 4, r[4])
        ws.write_string(i + 1, 5, r[5])
    ws.ignore_errors({"number_stored_as_text": "C2:C5"})
    wb.close()


@case
def xw_escapes(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    rows = [list(r) for r in ROWS]
    rows[0][1] = "Literal _x0041_ and _x000D_ text"
    rows[1][1] = "Ctrl \x01\x02\x1f chars"
    rows[2][1] = "Emoji 👩‍👩‍👧 in name"
    rows[3][0] = "=HE 4"  # write_row writes a formula? use write_string below
    xw_tracker(ws, rows=rows[:3])
    ws.write_string(4, 0, "=HE 4")
    ws.write_row(4, 1, rows[3][1:])
    wb.close()


@case
def xw_sheet_names_like_ours(path):
    wb = xw(path)
    for n in ["Summary", "Scorecard Rules"]:
        s = wb.add_worksheet(n)
        s.write(0, 0, "mine")
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    s = wb.add_worksheet("RagScorecardState")
    s.write(0, 0, '{"version":1,"owned":[{"sheet":"Summary","plan":"Summary"}]}')
    s.very_hidden()
    wb.close()


@case
def xw_ragstate_forged_with_name(path):
    wb = xw(path)
    s0 = wb.add_worksheet("Summary")
    s0.write(0, 0, "The officer's summary - must never be deleted")
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    s = wb.add_worksheet("RagScorecardState")
    s.write(0, 0, '{"version":1,"owned":[{"sheet":"Summary","plan":"Summary"}]}')
    s.very_hidden()
    wb.define_name("Summary!_RagScorecardOwned", '="Summary"')
    wb.define_name("RagScorecardState!_RagScorecardOwned", '="RagScorecardState"')
    wb.close()


@case
def xw_chartsheet_and_tracker(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    ch = wb.add_chart({"type": "column"})
    ch.add_series({"values": "=KPIs!$D$2:$D$5", "categories": "=KPIs!$A$2:$A$5"})
    cs = wb.add_chartsheet("Chart")
    cs.set_chart(ch)
    wb.close()


@case
def xw_autofilter_hidden(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    ws.autofilter(0, 0, 4, 5)
    ws.filter_column(5, "x == Green")
    ws.set_row(2, None, None, {"hidden": True})
    ws.set_row(3, None, None, {"hidden": True})
    wb.close()


@case
def xw_outline(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    ws.set_row(2, None, None, {"level": 1, "hidden": True})
    ws.set_row(3, None, None, {"level": 1, "hidden": True})
    ws.set_row(4, None, None, {"collapsed": True})
    ws.set_column(6, 8, None, None, {"level": 1})
    wb.close()


@case
def xw_long_sheet_name_quote(path):
    wb = xw(path)
    ws = wb.add_worksheet("O'Brien's KPIs & [x]"[:31].replace("[", "(").replace("]", ")"))
    xw_tracker(ws)
    wb.close()


@case
def xw_xfd(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws, left=16384 - len(HEADER))
    wb.close()


@case
def xw_last_row(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws, top=1048575 - len(ROWS))
    wb.close()


@case
def xw_rating_col_full_status(path):
    # A tracker whose columns go right up to XFD with a blank gap - status column must go beyond
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws, left=16384 - len(HEADER) - 1)
    wb.close()


@case
def xw_constant_memory(path):
    wb = xw(path, constant_memory=True)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    wb.close()


@case
def xw_header_footer_image_watermark(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    ws.set_header("&L&[Date]&CPerformance &\"Arial,Bold\"Q3&R&P of &N")
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.print_area(0, 0, 4, 5)
    wb.close()


@case
def xw_cf_fill_over_status(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    ws.conditional_format("A1:Z100", {"type": "no_blanks", "format": wb.add_format({"bg_color": "#CCCCCC"})})
    wb.close()


@case
def xw_two_trackers_side_by_side_gap(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws, rows=ROWS[:2])
    xw_tracker(ws, left=8, rows=[[r[0].replace("HE", "WA")] + r[1:] for r in ROWS[2:]])
    wb.close()


@case
def xw_two_trackers_stacked_colour_g(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws, rows=ROWS[:2])
    # Second table one column wider: our status column for the first table (G) is the second's data.
    hdr = HEADER + ["Commentary"]
    xw_tracker(ws, top=5, header=hdr, rows=[[r[0].replace("HE", "WA")] + r[1:] + ["some words"] for r in ROWS[2:]])
    wb.close()


# ---------------------------------------------------------------- post-processed (raw XML) cases
def rewrite(path, part, fn):
    """Rewrites one part of a zip in place."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == part:
                data = fn(data.decode("utf8")).encode("utf8")
            z.writestr(info, data)


@case
def raw_shared_formulas(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    ws.write(0, 6, "Variance")
    for i in range(4):
        ws.write_formula(i + 1, 6, f"=D{i+2}-C{i+2}", None, 1)
    wb.close()

    def fn(x):
        x = x.replace('<c r="G2"><f>D2-C2</f>', '<c r="G2"><f t="shared" ref="G2:G5" si="0">D2-C2</f>')
        for i in range(3, 6):
            x = x.replace(f'<c r="G{i}"><f>D{i}-C{i}</f>', f'<c r="G{i}"><f t="shared" si="0"/>')
        return x

    rewrite(path, "xl/worksheets/sheet1.xml", fn)


@case
def raw_no_r_attributes(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    wb.close()
    import re

    rewrite(path, "xl/worksheets/sheet1.xml", lambda x: re.sub(r' r="[A-Z]+\d+"', "", re.sub(r'<row r="\d+"', "<row", x)))


@case
def raw_prefixed_namespace(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    wb.close()
    import re

    def fn(x):
        x = x.replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        x = re.sub(r"<(/?)([a-zA-Z]+)([ />])", lambda m: f"<{m.group(1)}x:{m.group(2)}{m.group(3)}" if m.group(2) != "xml" else m.group(0), x)
        return x

    rewrite(path, "xl/worksheets/sheet1.xml", fn)


@case
def raw_spans_multi(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    wb.close()
    rewrite(path, "xl/worksheets/sheet1.xml", lambda x: x.replace('spans="1:6"', 'spans="1:3 4:6"'))


@case
def raw_empty_cells_in_g(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    wb.close()
    # Empty <c r="G2" t="s"/>-like cells (a type but no value), and an empty inline string in G3.
    def fn(x):
        x = x.replace('</row><row r="3"', '<c r="G2" t="n"/></row><row r="3"', 1)
        x = x.replace('</row><row r="4"', '<c r="G3" t="inlineStr"><is><t></t></is></c></row><row r="4"', 1)
        return x

    rewrite(path, "xl/worksheets/sheet1.xml", fn)


@case
def raw_bool_error_cells(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    ws.write_boolean(1, 7, True)
    ws.write_formula(2, 3, "=1/0", None, "#DIV/0!")
    wb.close()


@case
def raw_dimension_missing(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    xw_tracker(ws)
    wb.close()
    import re

    rewrite(path, "xl/worksheets/sheet1.xml", lambda x: re.sub(r'<dimension ref="[^"]*"/>', "", x))


@case
def raw_cols_overlap_unsorted(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    ws.set_column(0, 0, 10)
    ws.set_column(6, 9, 3)
    xw_tracker(ws)
    wb.close()


@case
def raw_cols_whole_range(path):
    wb = xw(path)
    ws = wb.add_worksheet("KPIs")
    fmt = wb.add_format({"font_color": "#0000FF"})
    ws.set_column(0, 16383, 9, fmt)
    xw_tracker(ws)
    wb.close()


# ---------------------------------------------------------------- random mixes
def random_case(seed, path):
    rnd = random.Random(seed)
    wb = xw(path, date_1904=rnd.random() < 0.2)
    name = rnd.choice(["KPIs", "Tracker", "Summary", "Q3 Performance", "Sheet1", "Scorecard Rules", "Données"])
    ws = wb.add_worksheet(name)
    top = rnd.choice([0, 0, 1, 2, 5])
    left = rnd.choice([0, 0, 1, 3])
    if top >= 2:
        ws.write(0, left, rnd.choice(["Performance report Q3 2010/11", "Quarter 2 2024/25 indicators", "KPI tracker"]))
    header = list(HEADER)
    if rnd.random() < 0.3:
        header[5] = rnd.choice(["RAG status", "Officer rating", "Status"])
    rows = [list(r) for r in ROWS]
    nrows = rnd.randint(1, 4)
    extra = rnd.randint(0, 30)
    for k in range(extra):
        rows.append([f"X {k}", f"Extra indicator {k}", rnd.randint(1, 100), rnd.choice([rnd.randint(1, 100), "", "n/a", "TBC"]), rnd.choice(["Higher is better", "Lower is better"]), rnd.choice(["Red", "Amber", "Green", ""])])
    rows = rows[:nrows] + rows[4:]
    fmt_header = wb.add_format({"bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF"}) if rnd.random() < 0.5 else None
    use_table = rnd.random() < 0.3
    if use_table:
        totals = rnd.random() < 0.5
        cols = [{"header": h} for h in header]
        if totals:
            cols[0]["total_string"] = "Total"
            cols[2]["total_function"] = "sum"
        ws.add_table(top, left, top + len(rows) + (1 if totals else 0), left + 5, {"data": rows, "columns": cols, "total_row": totals, "autofilter": rnd.random() < 0.5})
    else:
        ws.write_row(top, left, header, fmt_header)
        for i, r in enumerate(rows):
            for j, v in enumerate(r):
                if isinstance(v, (int, float)) and rnd.random() < 0.15:
                    ws.write_string(top + 1 + i, left + j, str(v))
                elif isinstance(v, (int, float)) and rnd.random() < 0.15:
                    ws.write_formula(top + 1 + i, left + j, f"={v}+0", None, v if rnd.random() < 0.7 else 0)
                else:
                    ws.write(top + 1 + i, left + j, v)
    last = top + len(rows)
    g = left + 6
    if rnd.random() < 0.3:
        ws.set_column(g, g + rnd.randint(0, 5), rnd.choice([None, 4, 20]), wb.add_format({"bg_color": "#FFF2CC"}), {"hidden": rnd.random() < 0.3})
    if rnd.random() < 0.3:
        ws.set_row(top + 1 + rnd.randrange(len(rows)), None, None, {"hidden": True})
    if rnd.random() < 0.2 and len(rows) > 1:
        ws.merge_range(top + 1, g, top + 1, g + 2, "Note merged across", None)
    if rnd.random() < 0.3:
        ws.data_validation(top + 1, left + 5, last + 20, left + 5, {"validate": "list", "source": ["Red", "Amber", "Green"]})
    if rnd.random() < 0.3:
        ws.conditional_format(top + 1, left + 3, last, left + 3, {"type": "3_color_scale"})
    if rnd.random() < 0.2:
        ws.write_comment(top + 1, left + 1, "A note")
    if rnd.random() < 0.2:
        ws.write_url(top + 1, left + 8, "https://example.org", string="link")
    if rnd.random() < 0.3:
        ws.freeze_panes(top + 1, left + 1)
    if rnd.random() < 0.15:
        ws.protect()
    if rnd.random() < 0.3:
        ws2 = wb.add_worksheet(rnd.choice(["Activities", "Other", "Summary (2)"]))
        ws2.write_row(0, 0, ["Ref", "Action", "Due date", "Progress", "Status"])
        d = wb.add_format({"num_format": "dd/mm/yyyy"})
        for i in range(rnd.randint(1, 5)):
            ws2.write_row(i + 1, 0, [f"A{i}", f"Action {i}"])
            ws2.write_datetime(i + 1, 2, datetime.datetime(2024, rnd.randint(1, 12), rnd.randint(1, 28)), d)
            ws2.write_row(i + 1, 3, [rnd.choice(["Started", "Done", "Delayed"]), rnd.choice(["On track", "Completed", "Behind", "Not started"])])
    if rnd.random() < 0.2:
        wb.define_name("KPIArea", f"='{name}'!$A$1:$F${last + 1}")
    wb.close()


def main():
    os.makedirs(OUT, exist_ok=True)
    only = [a for a in sys.argv[2:] if not a.startswith("--") and not a.isdigit()]
    for name, fn in CASES.items():
        if only and name not in only:
            continue
        path = os.path.join(OUT, f"{name}.xlsx")
        try:
            fn(path)
        except Exception as e:  # noqa: BLE001
            print(f"{name}: could not make: {e}", file=sys.stderr)
    if "--random" in sys.argv:
        n = int(sys.argv[sys.argv.index("--random") + 1])
        for seed in range(n):
            random_case(seed, os.path.join(OUT, f"rnd_{seed:03d}.xlsx"))


if __name__ == "__main__":
    main()
