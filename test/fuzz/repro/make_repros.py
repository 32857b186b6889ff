#!/usr/bin/env python3
"""helper-137: remakes the repro inputs in this folder that are not made by gen.py / gen2.py.

python3 test/fuzz/repro/make_repros.py   (writes beside this file)
"""
import os
import openpyxl
import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["Ref", "Indicator", "Target", "Actual", "Polarity", "RAG"]


def edge(name, left, rows):
    wb = xlsxwriter.Workbook(os.path.join(HERE, name))
    ws = wb.add_worksheet("KPIs")
    ws.write_row(0, left, HEADER, wb.add_format({"bold": True}))
    for i, r in enumerate(rows):
        ws.write_row(i + 1, left, r)
    wb.close()


# Bug 1: a tracker ending at XFD (status column would be XFE), and at XFC with a check (check at XFE).
edge("tracker-ends-at-xfd.xlsx", 16384 - 6, [["HE 1", "Rent collected", 97, 98.2, "Higher is better", "Red"], ["HE 2", "Days to re-let", 30, 41, "Lower is better", "Red"]])
edge("tracker-ends-at-xfc-with-check.xlsx", 16384 - 7, [["HE 1", "Rent collected", 97, 98.2, "Higher is better", "Red"], ["HE 2", "Days to re-let", 30, 41, "Lower is better", "Red"]])

# A number in the header row, right of the table: the whole tracker is not recognised (exit 3).
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "KPIs"
ws.append(HEADER + [None, "As at", 30])
ws.append(["HE 1", "Rent", 97, 98.2, "Higher is better", "Green"])
ws.append(["HE 2", "Relet", 30, 41, "Lower is better", "Red"])
wb.save(os.path.join(HERE, "header-row-with-a-number.xlsx"))

# --all-committees, then a committee emptied: its old summary stays, a quarter out of date.
wb = xlsxwriter.Workbook(os.path.join(HERE, "committees-three.xlsx"))
ws = wb.add_worksheet("KPIs")
ws.write_row(0, 0, HEADER + ["Committee"])
for i, r in enumerate([["HE 1", "Rent collected", 97, 98.2, "Higher is better", "Green", "Housing"], ["HE 2", "Days to re-let", 30, 41, "Lower is better", "Red", "Planning"], ["HE 3", "Recycling", 50, 48.9, "Higher is better", "Amber", "Waste"]]):
    ws.write_row(i + 1, 0, r)
wb.close()
