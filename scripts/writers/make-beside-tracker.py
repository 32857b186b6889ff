#!/usr/bin/env python3
"""Trackers with an officer's cells right of the table that read as empty (helper-79), where our status
column must not go:

  libreoffice-helper-formulas.xlsx  a helper column G with no heading, its formulas =IF(B4="","Name missing","")
                                    giving "" this quarter: written by openpyxl, calculated and saved by LibreOffice
  xlsxwriter-merged-commentary.xlsx KPI 2's commentary merged over F5:H5 (the Commentary heading in F3 alone)
  xlsxwriter-merged-commentary-all.xlsx  every record's commentary merged over F:G
  xlsxwriter-button-beside-tracker.xlsx  a form button (VML) over G3:J10, where our status column goes

Usage: /usr/bin/python3 scripts/writers/make-beside-tracker.py <output folder> [file names to make; default all]
Needs openpyxl and XlsxWriter (Debian: python3-openpyxl python3-xlsxwriter) and LibreOffice's soffice.
"""
import os
import subprocess
import sys
import tempfile

import openpyxl
import xlsxwriter

OUT = sys.argv[1] if len(sys.argv) > 1 else "."
TITLE = "Performance Report Quarter 3 (October - December 2024)"
HEADER = ["Ref", "Indicator", "Polarity", "Target", "Actual", "Commentary"]
ROWS = [
    ["KPI 1", "Percentage of rent collected", "High is good", 0.97, 0.982, "Ahead of profile"],
    ["KPI 2", "Average days to re-let council homes", "Low is good", 30, 41, "Voids backlog after storm damage; 40 properties awaiting roof repairs, contractor appointed in November"],
    ["KPI 3", "Percentage of household waste recycled", "High is good", 0.50, 0.489, "Seasonal dip"],
    ["KPI 4", "Households in temporary accommodation", "Low is good", 120, 118, ""],
    ["KPI 5", "Complaints answered within 10 days (%)", "High is good", 0.90, 0.80, "Staff vacancies"],
]
HEADER_ROW = 2  # zero-based: row 3


def helper_formulas():
    tmp = tempfile.mkdtemp(prefix="rag-beside-")
    src = os.path.join(tmp, "libreoffice-helper-formulas.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Indicators"
    ws["A1"] = TITLE
    for j, h in enumerate(HEADER):
        ws.cell(HEADER_ROW + 1, j + 1, h)
    for i, r in enumerate(ROWS):
        row = HEADER_ROW + 2 + i
        for j, v in enumerate(r):
            if v != "":
                ws.cell(row, j + 1, v)
        ws.cell(row, 7, f'=IF(B{row}="","Name missing","")')
    wb.save(src)
    # LibreOffice calculates on opening and saves each result: "" as <v></v> in a t="str" cell, as Excel does.
    out = os.path.join(tmp, "out")
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, src], check=True, capture_output=True, timeout=300)
    os.replace(os.path.join(out, "libreoffice-helper-formulas.xlsx"), os.path.join(OUT, "libreoffice-helper-formulas.xlsx"))


def merged_commentary(name, every):
    wb = xlsxwriter.Workbook(os.path.join(OUT, name))
    ws = wb.add_worksheet("Indicators")
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    ws.write(0, 0, TITLE)
    ws.write_row(HEADER_ROW, 0, HEADER)
    for i, r in enumerate(ROWS):
        row = HEADER_ROW + 1 + i
        for j, v in enumerate(r[:5]):
            ws.write(row, j, v)
        if every:
            ws.merge_range(row, 5, row, 6, r[5], wrap)
        elif i == 1:
            ws.merge_range(row, 5, row, 7, r[5], wrap)
        elif r[5]:
            ws.write(row, 5, r[5])
    ws.set_column(1, 1, 40)
    ws.set_column(5, 5, 30)
    wb.close()


def button_beside():
    wb = xlsxwriter.Workbook(os.path.join(OUT, "xlsxwriter-button-beside-tracker.xlsx"))
    ws = wb.add_worksheet("Indicators")
    ws.write(0, 0, TITLE)
    ws.write_row(HEADER_ROW, 0, HEADER)
    for i, r in enumerate(ROWS):
        for j, v in enumerate(r):
            if v != "":
                ws.write(HEADER_ROW + 1 + i, j, v)
    ws.set_column(1, 1, 40)
    ws.set_column(5, 5, 30)
    ws.insert_button("G3", {"caption": "Send to committee clerk", "width": 200, "height": 160})
    wb.close()


MAKERS = {
    "libreoffice-helper-formulas.xlsx": helper_formulas,
    "xlsxwriter-merged-commentary.xlsx": lambda: merged_commentary("xlsxwriter-merged-commentary.xlsx", every=False),
    "xlsxwriter-merged-commentary-all.xlsx": lambda: merged_commentary("xlsxwriter-merged-commentary-all.xlsx", every=True),
    "xlsxwriter-button-beside-tracker.xlsx": button_beside,
}

os.makedirs(OUT, exist_ok=True)
wanted = sys.argv[2:] or list(MAKERS)
for name in wanted:
    MAKERS[name]()
print(f"Wrote {len(wanted)} files to {OUT}")
