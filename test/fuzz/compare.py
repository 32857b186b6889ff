#!/usr/bin/env python3
"""helper-137: reads each input and its build with openpyxl (a reader independent of the file host) and
lists what changed on the officers' sheets beyond what the build may change.

python3 test/fuzz/compare.py INDIR OUTDIR [name...]

Allowed: on a rated row, the rating cell's fill, font colour and bold; new cells in columns the build
adds (cells the input did not have, or had with no value). Everything else (values, formulas, number
formats, fonts, borders, alignment, merged areas, hidden rows and columns, validations, conditional
formats, comments, hyperlinks, panes, print settings, defined names) must read the same.
"""
import json
import os
import sys
import warnings

import openpyxl

warnings.filterwarnings("ignore")


def style_of(c, skip_colour):
    f = c.font
    font = (f.name, f.sz, f.i, f.u, f.strike, f.vertAlign) + (() if skip_colour else (f.b, str(f.color.rgb if f.color else None)))
    fill = () if skip_colour else (c.fill.fill_type, str(c.fill.fgColor.rgb), str(c.fill.bgColor.rgb))
    b = c.border
    border = tuple((s.style, str(s.color.rgb if s.color else None)) for s in (b.left, b.right, b.top, b.bottom, b.diagonal)) + (b.diagonalUp, b.diagonalDown)
    a = c.alignment
    return (c.number_format, font, fill, border, (a.horizontal, a.vertical, a.wrap_text, a.indent, a.text_rotation), (c.protection.locked, c.protection.hidden))


def val(v):
    if hasattr(v, "text") and not isinstance(v, str):
        return ("formula-obj", str(getattr(v, "text", v)), str(getattr(v, "ref", "")))
    if type(v).__name__ == "CellRichText":
        return ("rich", str(v))
    return v


def sheet_facts(ws):
    return {
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "hidden_rows": sorted(r for r, d in ws.row_dimensions.items() if d.hidden),
        "row_heights": sorted((r, d.height) for r, d in ws.row_dimensions.items() if d.height),
        "validations": sorted((str(dv.sqref), dv.type, str(dv.formula1)) for dv in ws.data_validations.dataValidation),
        "cf": sorted((str(rng.sqref), len(rules)) for rng, rules in ws.conditional_formatting._cf_rules.items()),
        "freeze": str(ws.freeze_panes),
        "print_area": str(ws.print_area),
        "print_titles": str(ws.print_title_rows),
        "autofilter": str(ws.auto_filter.ref),
        "protection": ws.protection.sheet,
        "tables": sorted((t.name, t.ref) for t in ws.tables.values()),
    }


def hidden_cols(ws):
    out = set()
    for k, d in ws.column_dimensions.items():
        if d.hidden:
            for c in range(d.min or 0, (d.max or 0) + 1):
                out.add(c)
    return out


def compare(inp, out, report):
    problems = []
    a = openpyxl.load_workbook(inp, rich_text=True)
    b = openpyxl.load_workbook(out, rich_text=True)
    rated = {}
    for r in report["records"]:
        rated.setdefault(r["sheet"], set()).add(r["row"])
    if a.epoch != b.epoch:
        problems.append(f"date system {a.epoch} became {b.epoch}")
    an = {n: str(d.value) for n, d in a.defined_names.items()}
    bn = {n: str(d.value) for n, d in b.defined_names.items()}
    for n, v in an.items():
        if bn.get(n) != v:
            problems.append(f"defined name {n}={v} became {bn.get(n)}")
    for ws in a.worksheets:
        if ws.title not in b.sheetnames:
            problems.append(f"sheet {ws.title} gone")
            continue
        wo = b[ws.title]
        fa, fb = sheet_facts(ws), sheet_facts(wo)
        for k in fa:
            if fa[k] != fb[k]:
                problems.append(f"{ws.title}: {k} {fa[k]} became {fb[k]}"[:300])
        hc = hidden_cols(ws) - hidden_cols(wo)
        if hc:
            problems.append(f"{ws.title}: hidden columns shown: {sorted(hc)[:10]}")
        rows = rated.get(ws.title, set())
        for row in ws.iter_rows():
            for c in row:
                if type(c).__name__ == "MergedCell":
                    continue
                d = wo.cell(c.row, c.column)
                empty = c.value is None or c.value == ""
                if empty and d.value not in (None, ""):
                    continue  # a cell of ours written in an empty cell
                if val(c.value) != val(d.value):
                    problems.append(f"{ws.title}!{c.coordinate}: value {val(c.value)!r:.80} became {val(d.value)!r:.80}")
                if c.hyperlink and (not d.hyperlink or c.hyperlink.target != d.hyperlink.target):
                    problems.append(f"{ws.title}!{c.coordinate}: hyperlink lost")
                if c.comment and (not d.comment or c.comment.text != d.comment.text):
                    problems.append(f"{ws.title}!{c.coordinate}: comment lost")
                if empty:
                    continue
                skip = c.row in rows
                if style_of(c, skip) != style_of(d, skip):
                    problems.append(f"{ws.title}!{c.coordinate}: style {style_of(c, skip)} became {style_of(d, skip)}"[:400])
    return problems


def main():
    ind, outd = sys.argv[1], sys.argv[2]
    only = sys.argv[3:]
    res = {}
    for f in sorted(os.listdir(ind)):
        if not f.endswith(".xlsx"):
            continue
        n = f[:-5]
        if only and n not in only:
            continue
        o = os.path.join(outd, n + ".out.xlsx")
        if not os.path.exists(o):
            continue
        report = json.load(open(os.path.join(outd, n + ".json")))
        try:
            p = compare(os.path.join(ind, f), o, report)
        except Exception as e:  # noqa: BLE001
            p = [f"openpyxl failed: {type(e).__name__}: {e}"]
        try:
            openpyxl.load_workbook(os.path.join(outd, n + ".again.xlsx"))
        except FileNotFoundError:
            pass
        except Exception as e:  # noqa: BLE001
            p.append(f"openpyxl failed on the rebuild: {e}")
        res[n] = p
        if p:
            print(n)
            for x in p[:12]:
                print("   ", x)
    json.dump(res, open(os.path.join(outd, "openpyxl.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
