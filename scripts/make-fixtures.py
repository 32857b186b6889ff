#!/usr/bin/env python3
"""Makes the workbooks of test/fixtures/made/ and test/fixtures/bad/ (issue 11, items 5 and 6).

Run from the project root:  python3 scripts/make-fixtures.py [output folder, default test/fixtures]
Needs python3 with openpyxl and XlsxWriter (pip install openpyxl xlsxwriter), LibreOffice's
`soffice` and Gnumeric's `ssconvert` on the PATH (apt-get install libreoffice-calc-nogui gnumeric), and
the command line built (npm run build:cli). The outputs are committed: the tests
read them and need neither Python nor LibreOffice. Each file shows one thing issue 11 found lost,
changed or fatal, so a failing test names the feature. Rerunning rewrites every file; the bytes
differ (timestamps), the content does not.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# An optional argument writes made/ and bad/ into another folder (to check the script without
# touching the committed files): python3 scripts/make-fixtures.py /tmp/fixtures
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "test", "fixtures")
MADE = os.path.join(OUT, "made")
BAD = os.path.join(OUT, "bad")
EXCEL_SAVED = os.path.join(ROOT, "test", "fixtures", "excel-saved")

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, HERE)
from fixture_parts import pivot_ods, png_bytes, tracker_rows, write_bad_corpus, write_percent_names, write_threaded_comment  # noqa: E402

PNG = os.path.join(tempfile.mkdtemp(prefix="rag-fixtures-"), "square.png")
with open(PNG, "wb") as f:
    f.write(png_bytes(24, 24, (0x1F, 0x77, 0xB4)))


def made(name):
    return os.path.join(MADE, name)


# ---------------------------------------------------------------- openpyxl

def openpyxl_files():
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.packaging.custom import StringProperty
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.table import Table, TableStyleInfo

    # A table and a note: openpyxl names parts with absolute targets (/xl/tables/table1.xml).
    wb = Workbook()
    ws = wb.active
    ws.title = "Budget"
    for row in [["Service", "Budget", "Spent"], ["Parks", 120000, 98000], ["Libraries", 80000, 81500], ["Waste", 450000, 430000]]:
        ws.append(row)
    table = Table(displayName="BudgetTable", ref="A1:C4")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    ws.add_table(table)
    ws["D2"].comment = Comment("Includes the play area grant.", "Finance officer")
    wb.save(made("openpyxl-table-note.xlsx"))

    # Workbook structure protection and custom document properties.
    wb = Workbook()
    wb.active.title = "Contents"
    wb.active["A1"] = "Structure is locked: sheets cannot be added, moved or renamed in Excel."
    wb.security = WorkbookProtection(lockStructure=True)
    wb.custom_doc_props.append(StringProperty(name="Directorate", value="Place"))
    wb.save(made("openpyxl-structure-protection.xlsx"))

    # A tracker as openpyxl writes it (inline-free: shared strings, no styles beyond the default).
    wb = Workbook()
    ws = wb.active
    ws.title = "Tracker"
    for row in tracker_rows():
        ws.append(row)
    wb.save(made("openpyxl-tracker.xlsx"))

    # A tracker beside its hidden draft copy (stale figures) and a very hidden copy: the draft was counted
    # and its figures listed as exceptions (helper-119). Their records are hidden ones now, or not read.
    wb = Workbook()
    for title, state, lower in [("KPIs", "visible", 0), ("KPIs draft", "hidden", 10), ("Lookups", "veryHidden", 20)]:
        ws = wb.active if title == "KPIs" else wb.create_sheet(title)
        ws.title = title
        ws.sheet_state = state
        for r, row in enumerate(tracker_rows()):
            ws.append(row[:3] + [row[3] - lower if r else row[3]] + row[4:])
    wb.save(made("openpyxl-hidden-draft.xlsx"))


# ---------------------------------------------------------------- XlsxWriter

# Three indicators over Q2 and Q3 2010/11 (target and actual each), rated at Q3: amber, red, green.
QUARTER_KPIS = [
    ["Q 1", "Calls answered in 20 seconds", "Higher is better", 0.9, 0.91, 0.9, 0.86],
    ["Q 2", "Sickness days per FTE", "Lower is better", 4, 4.3, 6, 6.9],
    ["Q 3", "FOI requests answered in 20 days", "Higher is better", 95, 97, 95, 99],
]


def xlsxwriter_book(name, **options):
    import xlsxwriter
    from datetime import datetime

    wb = xlsxwriter.Workbook(made(name), options)
    wb.set_properties({"title": name, "author": "make-fixtures.py", "created": datetime(2024, 1, 1)})
    return wb


def xlsxwriter_files():
    wb = xlsxwriter_book("xlsxwriter-table.xlsx")
    ws = wb.add_worksheet("Projects")
    ws.add_table("B2:E6", {
        "name": "Projects",
        "columns": [{"header": "Project"}, {"header": "Lead"}, {"header": "Budget"}, {"header": "Spent", "total_function": "sum"}],
        "data": [["Leisure centre", "A. Khan", 2.5e6, 1.1e6], ["Library refit", "B. Jones", 4e5, 3.9e5], ["Cycle lanes", "C. Patel", 8e5, 1e5]],
        "total_row": True,
    })
    wb.close()

    wb = xlsxwriter_book("xlsxwriter-notes.xlsx")
    ws = wb.add_worksheet("Notes")
    ws.write("A1", "Hidden note")
    ws.write_comment("A1", "Checked by internal audit.", {"author": "Audit"})
    ws.write("A3", "Visible note")
    ws.write_comment("A3", "Figure provisional.", {"author": "Performance team", "visible": True})
    ws.write_comment("C5", "A note on an empty cell.")
    wb.close()

    wb = xlsxwriter_book("xlsxwriter-validation-whole-columns.xlsx")
    ws = wb.add_worksheet("Inputs")
    ws.write_row("A1", ["Status", "Score", "Due"])
    # A:A and B:C, then the whole sheet
    ws.data_validation(0, 0, 1048575, 0, {"validate": "list", "source": ["Red", "Amber", "Green"]})
    ws.data_validation(0, 1, 1048575, 2, {"validate": "integer", "criteria": "between", "minimum": 0, "maximum": 100})
    ws.data_validation("A1:XFD1048576", {"validate": "length", "criteria": "<", "value": 255, "ignore_blank": True})
    wb.close()

    wb = xlsxwriter_book("xlsxwriter-autofilter.xlsx")
    ws = wb.add_worksheet("Filtered")
    ws.write_row("A1", ["Region", "Item", "Volume"])
    data = [["East", "Apple", 9000], ["West", "Apple", 3000], ["East", "Pear", 5000], ["North", "Pear", 8000], ["West", "Grape", 6000]]
    for i, row in enumerate(data, start=1):
        ws.write_row(i, 0, row)
        if row[0] != "East" or row[2] <= 4000:
            ws.set_row(i, None, None, {"hidden": True})
    ws.autofilter("A1:C6")
    ws.filter_column("A", "x == East")
    ws.filter_column("C", "x > 4000")
    wb.close()

    wb = xlsxwriter_book("xlsxwriter-page-breaks.xlsx")
    ws = wb.add_worksheet("Print")
    for r in range(60):
        ws.write_row(r, 0, [f"Row {r + 1}", r * 3, r * 7])
    ws.set_h_pagebreaks([20, 40])
    ws.set_v_pagebreaks([2])
    ws.set_landscape()
    ws.repeat_rows(0)
    wb.close()

    wb = xlsxwriter_book("xlsxwriter-sparklines.xlsx")
    ws = wb.add_worksheet("Trends")
    for r, row in enumerate([[-2, 2, 3, -1, 0], [30, 20, 33, 20, 15], [1, -1, -1, 1, -1]]):
        ws.write_row(r, 0, row)
        ws.add_sparkline(r, 5, {"range": f"Trends!A{r + 1}:E{r + 1}", "type": ["line", "column", "win_loss"][r], "markers": True})
    wb.close()

    wb = xlsxwriter_book("xlsxwriter-ignored-errors.xlsx")
    ws = wb.add_worksheet("Codes")
    ws.write_string("A1", "0123")
    ws.write_string("A2", "0456")
    ws.write_formula("B1", "=1/0")
    ws.ignore_errors({"number_stored_as_text": "A1:A2", "eval_error": "B1"})
    wb.close()

    wb = xlsxwriter_book("xlsxwriter-chart.xlsx")
    ws = wb.add_worksheet("Data")
    ws.write_column("A1", ["Q1", "Q2", "Q3", "Q4"])
    ws.write_column("B1", [71, 74, 78, 80])
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"name": "Recycling %", "categories": "=Data!$A$1:$A$4", "values": "=Data!$B$1:$B$4"})
    chart.set_title({"name": "Recycling rate"})
    ws.insert_chart("D2", chart)
    sheet = wb.add_chartsheet("Chart")
    chart2 = wb.add_chart({"type": "line"})
    chart2.add_series({"categories": "=Data!$A$1:$A$4", "values": "=Data!$B$1:$B$4"})
    sheet.set_chart(chart2)
    wb.close()

    wb = xlsxwriter_book("xlsxwriter-images.xlsx")
    ws = wb.add_worksheet("Pictures")
    ws.insert_image("B2", PNG, {"description": "Council logo: a blue square", "url": "internal:Links!A1"})
    ws.insert_image("B8", PNG, {"decorative": True})
    ws.embed_image("E2", PNG, {"description": "In-cell picture"})
    ws.insert_textbox("G2", "A text box", {"width": 200, "height": 60})
    links = wb.add_worksheet("Links")
    links.write_url("A1", "internal:Pictures!A1", string="Back to the pictures")
    links.write_url("A2", "https://www.gov.uk/", string="GOV.UK")
    wb.close()

    wb = xlsxwriter_book("xlsxwriter-header-image.xlsx")
    ws = wb.add_worksheet("Header")
    ws.write("A1", "The printed header carries the logo.")
    ws.set_header("&L&G&CPerformance report&R&P of &N", {"image_left": PNG})
    ws.set_footer("&C&G", {"image_center": PNG})
    wb.close()

    wb = xlsxwriter_book("xlsxwriter-properties.xlsx")
    wb.set_custom_property("Directorate", "Resources")
    wb.set_custom_property("Approved", True)
    wb.set_custom_property("Version", 3)
    wb.add_worksheet("Sheet1").write("A1", "Custom document properties in docProps/custom.xml")
    wb.close()

    wb = xlsxwriter_book("xlsxwriter-sheet-password.xlsx")
    ws = wb.add_worksheet("Locked")
    ws.write("A1", "Protected with an old-style (16-bit hash) password")
    ws.protect("secret", {"format_cells": True})
    wb.close()

    wb = xlsxwriter_book("xlsxwriter-escapes.xlsx")
    ws = wb.add_worksheet("Text")
    ws.write_string("A1", "_x0041_ is literal text, not the letter A")
    ws.write_string("A2", "carriage\rreturn")
    ws.write_string("A3", "windows\r\nline end")
    ws.write_string("A4", "line\nfeed")
    ws.write_string("A5", "  leading and trailing spaces  ")
    ws.write_string("A6", "tab\there")
    wb.close()

    wb = xlsxwriter_book("xlsxwriter-default-font.xlsx", default_format_properties={"font_name": "Arial", "font_size": 10})
    ws = wb.add_worksheet("Arial")
    ws.write("A1", "Every unformatted cell is Arial 10")
    ws.write("A2", 42)
    wb.close()

    macro = os.path.join(EXCEL_SAVED, "macro01.xlsm")
    vba = os.path.join(os.path.dirname(PNG), "vbaProject.bin")
    with zipfile.ZipFile(macro) as z, open(vba, "wb") as f:
        f.write(z.read("xl/vbaProject.bin"))
    wb = xlsxwriter_book("xlsxwriter-macro.xlsm")
    ws = wb.add_worksheet("Macro")
    ws.write("A1", "A macro-enabled workbook: its VBA project must stay.")
    wb.add_vba_project(vba)
    wb.close()

    # A tracker on a protected sheet: rated and summarised, its formats left alone.
    wb = xlsxwriter_book("xlsxwriter-protected-tracker.xlsx")
    ws = wb.add_worksheet("Tracker")
    for r, row in enumerate(tracker_rows()):
        ws.write_row(r, 0, row)
    ws.protect("secret")
    wb.close()

    # Stray cells at the sheet's far edges, on a tracker's header row and at the last cell.
    for name, stray in [("stray-xfd1.xlsx", [(0, 16383)]), ("stray-both-edges.xlsx", [(0, 16383), (1048575, 16383)])]:
        wb = xlsxwriter_book(name)
        ws = wb.add_worksheet("Tracker")
        for r, row in enumerate(tracker_rows()):
            ws.write_row(r, 0, row)
        for r, c in stray:
            ws.write(r, c, "stray")
        wb.close()

    # Trackers laid out as officers do, each of which once built differently the second time.
    # A title merged across the tracker's columns: our column beside it made the rebuild read the title
    # as a group header over a wider table, and lose it.
    wb = xlsxwriter_book("xlsxwriter-title-merged.xlsx")
    ws = wb.add_worksheet("Tracker")
    ws.merge_range("A1:E1", "Housing indicators Q3 2010/11", wb.add_format({"bold": True}))
    for r, row in enumerate(tracker_rows()):
        ws.write_row(1 + r, 0, row)
    wb.close()
    # A note merged over two cells of the header row, a column right of the tracker: our heading went
    # into the hidden half of the merge.
    wb = xlsxwriter_book("xlsxwriter-note-beside-header.xlsx")
    ws = wb.add_worksheet("Tracker")
    for r, row in enumerate(tracker_rows()):
        ws.write_row(r, 0, row)
    ws.merge_range("G1:H1", "Figures to be audited", wb.add_format({"bold": True, "bg_color": "#FFFF00"}))
    wb.close()
    # A tracker laid out for the whole year ("2010/11" over each quarter's target and actual), reported to
    # Q3: Q4's empty actuals were rated, so every indicator had no data.
    wb = xlsxwriter_book("xlsxwriter-year-laid-out.xlsx")
    ws = wb.add_worksheet("KPIs")
    bold = wb.add_format({"bold": True})
    pct = wb.add_format({"num_format": "0%"})
    ws.write("A1", "Corporate KPIs 2010/11", bold)
    for col, name in enumerate(["Ref", "Measure", "Polarity", "Annual Target"]):
        ws.merge_range(2, col, 3, col, name, bold)
    ws.merge_range("E3:L3", "2010/11", bold)
    ws.write_row(3, 4, ["Q1 Target", "Q1 Actual", "Q2 Target", "Q2 Actual", "Q3 Target", "Q3 Actual", "Q4 Target", "Q4 Actual"], bold)
    ws.merge_range("M3:M4", "Comments", bold)
    for r, row in enumerate([
        ["Q 1", "Calls answered in 20 seconds", "Higher is better", 0.9, 0.9, 0.88, 0.9, 0.91, 0.9, 0.86, 0.9, None, "Staff shortage in December"],
        ["Q 2", "Sickness days per FTE", "Lower is better", 8, 2, 2.1, 4, 4.3, 6, 6.9, 8, None, "Flu"],
        ["Q 3", "Planning applications decided in 8 weeks", "Higher is better", "80%", "80%", "82%", "80%", "85%", "80%", "79%", "80%", None, None],
        ["Q 4", "FOI requests answered in 20 days", "Higher is better", 95, 95, 96, 95, 97, 95, 99, 95, None, None],
    ]):
        for c, v in enumerate(row):
            if v is not None:
                ws.write(4 + r, c, v, pct if isinstance(v, float) and v <= 1 else None)
    wb.close()
    # The unused columns right of the tracker hidden (G:XFD), as officers tidy a sheet: our status column,
    # the first of them, was written hidden, so no status showed. Then the same with the officer's RAG, all
    # "Green": our Check column comes too, and goes when the ratings agree with the rules; the build put back
    # neither its width nor its being hidden (helper-60).
    for name, heading, value in [("xlsxwriter-unused-columns-hidden.xlsx", "Comments", "Checked"), ("xlsxwriter-checks-columns-hidden.xlsx", "RAG", "Green")]:
        wb = xlsxwriter_book(name)
        ws = wb.add_worksheet("KPIs")
        bold = wb.add_format({"bold": True})
        ws.write_row("A1", ["Ref", "Measure", "Polarity", "Q3 Target", "Q3 Actual", heading], bold)
        for r, row in enumerate(QUARTER_KPIS):
            ws.write_row(1 + r, 0, row[:3] + row[5:] + [value])
        ws.set_column("B:B", 34)
        ws.set_column("G:XFD", None, None, {"hidden": True})
        wb.close()
    # Quarters merged over "Target | Actual" in the row that names Ref and Measure, the last quarter ending
    # the tracker: the lower row was read as a record and no column as a target, so every indicator was
    # "data only" with a "no target column" problem.
    wb = xlsxwriter_book("xlsxwriter-quarters-over-target-actual.xlsx")
    ws = wb.add_worksheet("KPIs")
    ws.write_row("A1", ["Ref", "Measure", "Polarity"], bold := wb.add_format({"bold": True, "align": "center"}))
    ws.merge_range("D1:E1", "Q2 2010/11", bold)
    ws.merge_range("F1:G1", "Q3 2010/11", bold)
    ws.write_row("D2", ["Target", "Actual", "Target", "Actual"], bold)
    for r, row in enumerate(QUARTER_KPIS):
        ws.write_row(2 + r, 0, row)
    wb.close()
    # The same, with the quarters centred across their two columns (Format Cells > Alignment > Centre
    # Across Selection), as officers do to avoid merges: no merge tells which columns a quarter spans.
    wb = xlsxwriter_book("xlsxwriter-quarters-centred-across.xlsx")
    ws = wb.add_worksheet("KPIs")
    bold = wb.add_format({"bold": True})
    across = wb.add_format({"bold": True, "center_across": True})
    ws.write_row("A1", ["Ref", "Measure", "Polarity"], bold)
    ws.write_row("D1", ["Q2 2010/11", None, "Q3 2010/11", None], across)
    ws.write_blank("E1", None, across)
    ws.write_blank("G1", None, across)
    ws.write_row("D2", ["Target", "Actual", "Target", "Actual"], bold)
    for r, row in enumerate(QUARTER_KPIS):
        ws.write_row(2 + r, 0, row)
    wb.close()
    # Quarters over "Target | Actual | RAG" (helper-57): in the row of Ref, the RAG under each quarter kept
    # the row of labels from being read (every indicator "data only"); in the row below Ref, Q1's RAG
    # was taken as the officer's rating and shown as the status.
    # Each quarter's target and actual as above, and an officer's RAG after each.
    ratings = [("Green", "Amber"), ("Amber", "Red"), ("Red", "Green")]
    kpis = [row[:5] + [q2] + row[5:] + [q3] for row, (q2, q3) in zip(QUARTER_KPIS, ratings)]
    wb = xlsxwriter_book("xlsxwriter-quarters-target-actual-rag.xlsx")
    ws = wb.add_worksheet("KPIs")
    bold = wb.add_format({"bold": True, "align": "center"})
    ws.write_row("A1", ["Ref", "Measure", "Polarity"], bold)
    ws.merge_range("D1:F1", "Q2 2010/11", bold)
    ws.merge_range("G1:I1", "Q3 2010/11", bold)
    ws.write_row("D2", ["Target", "Actual", "RAG"] * 2, bold)
    for r, row in enumerate(kpis):
        ws.write_row(2 + r, 0, row)
    wb.close()
    wb = xlsxwriter_book("xlsxwriter-quarters-below-header.xlsx")
    ws = wb.add_worksheet("KPIs")
    bold = wb.add_format({"bold": True, "align": "center"})
    ws.write_row("A1", ["Ref", "Measure", "Polarity"] + ["Target", "Actual", "RAG"] * 2, bold)
    ws.merge_range("D2:F2", "Q2 2010/11", bold)
    ws.merge_range("G2:I2", "Q3 2010/11", bold)
    for r, row in enumerate(kpis):
        ws.write_row(2 + r, 0, row)
    wb.close()
    # Quarters named by their months ("Jul - Sep 2010" over Target | Actual, helper-57): read as a year
    # with no quarter, so Q3's actual was rated against the first target.
    wb = xlsxwriter_book("xlsxwriter-quarters-as-months.xlsx")
    ws = wb.add_worksheet("KPIs")
    bold = wb.add_format({"bold": True, "align": "center"})
    ws.write_row("A1", ["Ref", "Measure", "Polarity"], bold)
    ws.merge_range("D1:E1", "Jul - Sep 2010", bold)
    ws.merge_range("F1:G1", "October to December 2010", bold)
    ws.write_row("D2", ["Target", "Actual"] * 2, bold)
    for r, row in enumerate([
        ["Q 1", "Calls answered in 20 seconds", "Higher is better", 0.8, 0.91, 0.9, 0.86],
        ["Q 2", "Sickness days per FTE", "Lower is better", 8, 4.3, 6, 6.9],
        ["Q 3", "FOI requests answered in 20 days", "Higher is better", 80, 97, 95, 99],
    ]):
        ws.write_row(2 + r, 0, row)
    wb.close()
    # The tracker as an Excel table with a totals row: the totals row was rated as an indicator.
    wb = xlsxwriter_book("xlsxwriter-table-totals-tracker.xlsx")
    ws = wb.add_worksheet("Tracker")
    header, *rows = tracker_rows()
    columns = [{"header": h} for h in header]
    columns[0]["total_string"] = "Total"
    columns[3]["total_function"] = "sum"
    ws.add_table(0, 0, len(rows) + 1, len(header) - 1, {"name": "Indicators", "columns": columns, "data": rows, "total_row": True})
    wb.close()


def xlsxwriter_chart_beside_tracker():
    """A chart placed right of the tracker, where our status column goes: every status was hidden under it (helper-67)."""
    wb = xlsxwriter_book("xlsxwriter-chart-beside-tracker.xlsx")
    ws = wb.add_worksheet("KPIs")
    for r, row in enumerate(tracker_rows()):
        ws.write_row(r, 0, row)
    ws.set_column("B:B", 40)
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"name": "Actual", "categories": "=KPIs!$A$2:$A$5", "values": "=KPIs!$D$2:$D$5"})
    chart.set_title({"name": "Housing indicators"})
    ws.insert_chart("F2", chart)
    wb.close()


# ---------------------------------------------------------------- LibreOffice

def soffice_convert(src, fmt, outdir):
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", fmt, "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    return os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + fmt.split(":")[0])


def libreoffice_files():
    from openpyxl import Workbook
    from openpyxl.comments import Comment

    tmp = tempfile.mkdtemp(prefix="rag-lo-")
    wb = Workbook()
    ws = wb.active
    ws.title = "Tracker"
    for row in tracker_rows():
        ws.append(row)
    ws.row_dimensions[1].height = 30
    ws.row_dimensions[3].height = 45
    ws.column_dimensions["B"].width = 40
    ws["F2"].comment = Comment("Checked.", "Officer")
    ws.merge_cells("A8:E8")
    ws["A8"] = "Figures are provisional until audited."
    src = os.path.join(tmp, "libreoffice-row-heights.xlsx")
    wb.save(src)
    # Through ODS and back, so every part is LibreOffice's own.
    ods = soffice_convert(src, "ods", tmp)
    os.remove(src)
    out = soffice_convert(ods, "xlsx", tmp)
    shutil.copyfile(out, made("libreoffice-row-heights.xlsx"))
    # A pivot table (DataPilot), which LibreOffice exports with its cache and records.
    pivot = os.path.join(tmp, "libreoffice-pivot.ods")
    pivot_ods(pivot)
    shutil.copyfile(soffice_convert(pivot, "xlsx", tmp), made("libreoffice-pivot.xlsx"))
    # A workbook our command line built (npm run build:cli first), opened and saved by LibreOffice, which
    # has no "very hidden": our record sheet comes back hidden, its marks kept but no longer hidden names.
    built = os.path.join(tmp, "built", "libreoffice-resaved-build.xlsx")
    os.makedirs(os.path.dirname(built))
    subprocess.run(["node", os.path.join(ROOT, "bin", "rag-scorecard.js"), "build", made("openpyxl-tracker.xlsx"), "-o", built,
                    "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"], check=True, stdout=subprocess.DEVNULL)
    shutil.copyfile(soffice_convert(built, "xlsx", tmp), made("libreoffice-resaved-build.xlsx"))
    # And by Gnumeric (ssconvert), which keeps no sheet's visibility: our record sheet comes back visible.
    subprocess.run(["ssconvert", built, made("gnumeric-resaved-build.xlsx")], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    return tmp


def libreoffice_unit_formats(tmp):
    """Figures shown with a one-letter unit ("0.0"m""), which LibreOffice saves escaped (0.0\\m): once read as dates."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Finance KPIs"
    ws.append(["Finance and resources scorecard, Quarter 2 2024/25"])
    ws.append([])
    ws.append(["Ref", "Indicator", "Target", "Actual", "Polarity", "Comment"])
    rows = [
        ("F1", "Revenue budget outturn (£m)", 42.5, 44.1, "Lower is better", '[$£-809]#,##0.0"m"'),
        ("F2", "Capital programme delivered (£m)", 18.0, 12.4, "Higher is better", '£#,##0.0"m"'),
        ("F3", "Savings delivered (£m)", 3.2, 3.3, "Higher is better", '"£"0.0"m"'),
        ("F4", "Average sickness (days)", 8.0, 7.1, "Lower is better", '0.0"d"'),
        ("F5", "Calls: average wait (seconds)", 60, 95, "Lower is better", '0"s"'),
    ]
    for r, (ref, name, target, actual, polarity, code) in enumerate(rows, start=4):
        ws.append([ref, name, target, actual, polarity, ""])
        ws[f"C{r}"].number_format = code
        ws[f"D{r}"].number_format = code
    src = os.path.join(tmp, "libreoffice-unit-formats.xlsx")
    wb.save(src)
    ods = soffice_convert(src, "ods", tmp)
    os.remove(src)
    shutil.copyfile(soffice_convert(ods, "xlsx", tmp), made("libreoffice-unit-formats.xlsx"))


def handmade_files():
    # No tool here writes threaded comments (Excel 365 only): made at the package level from Excel's own file.
    write_threaded_comment(os.path.join(EXCEL_SAVED, "comment01.xlsx"), made("handmade-threaded-comment.xlsx"))
    # Nor names parts with %-escapes: XlsxWriter's chart beside a tracker, its parts renamed.
    write_percent_names(made("xlsxwriter-chart-beside-tracker.xlsx"), made("handmade-percent-part-names.xlsx"))


def main():
    os.makedirs(MADE, exist_ok=True)
    os.makedirs(BAD, exist_ok=True)
    openpyxl_files()
    xlsxwriter_files()
    xlsxwriter_chart_beside_tracker()
    tmp = libreoffice_files()
    libreoffice_unit_formats(tmp)
    handmade_files()
    write_bad_corpus(BAD, MADE, EXCEL_SAVED, tmp)
    print(f"Wrote {len(os.listdir(MADE))} files to {MADE} and {len(os.listdir(BAD))} to {BAD}")


if __name__ == "__main__":
    main()
