#!/usr/bin/env python3
"""helper-137: spot-checks --json against the sheet read by openpyxl (cached values): each indicator's
actual and target in its reason are the cells' values, and its status is what RULES.md gives for the
default rag scheme (higher/lower is better, 5% tolerance of the target).

python3 test/fuzz/statuses.py INDIR OUTDIR
"""
import json, os, re, sys, warnings
import openpyxl
warnings.filterwarnings("ignore")

def num(v):
    if isinstance(v, bool) or v is None: return None
    if isinstance(v, (int, float)): return float(v)
    s = str(v).strip().rstrip("%")
    try: return float(s)
    except ValueError: return None

def main():
    ind, outd = sys.argv[1], sys.argv[2]
    bad = 0
    for f in sorted(os.listdir(ind)):
        n = f[:-5]
        jp = os.path.join(outd, n + ".json")
        if not f.endswith(".xlsx") or not os.path.exists(jp): continue
        rep = json.load(open(jp))
        wb = openpyxl.load_workbook(os.path.join(ind, f), data_only=True)
        for r in rep["records"]:
            if r["kind"] != "indicator": continue
            ws = wb[r["sheet"]]
            # header: the nearest row above with "Target" and "Actual"
            hdr = None
            for rr in range(r["row"] - 1, 0, -1):
                vals = {str(c.value).strip(): c.column for c in ws[rr] if c.value is not None}
                if "Target" in vals and "Actual" in vals: hdr = vals; break
            if not hdr: continue
            t = num(ws.cell(r["row"], hdr["Target"]).value); a = num(ws.cell(r["row"], hdr["Actual"]).value)
            pol = ws.cell(r["row"], hdr.get("Polarity", 1)).value if "Polarity" in hdr else "Higher is better"
            m = re.match(r"([\d.,]+)%? against a target of ([\d.,]+)%?", r["reason"])
            probs = []
            if m:
                ra, rt = float(m.group(1).replace(",", "")), float(m.group(2).replace(",", ""))
                fmt_pct = "%" in r["reason"].split(":")[0]
                sa, st = (a * 100 if fmt_pct and a is not None and a < 2 else a), (t * 100 if fmt_pct and t is not None and t < 2 else t)
                if sa is None or st is None or abs(sa - ra) > 0.051 * max(1, abs(ra)) or abs(st - rt) > 0.051 * max(1, abs(rt)):
                    probs.append(f"reason says {ra} vs {rt}, cells {a} vs {t}")
            if a is not None and t is not None and t != 0 and r["source"] == "rules" and isinstance(pol, str):
                higher = pol.lower().startswith("higher")
                short = (t - a) / abs(t) if higher else (a - t) / abs(t)
                want = "green" if short <= 0 else ("amber" if short <= 0.05 + 1e-9 else "red")
                if r["status"] != want: probs.append(f"status {r['status']}, rules give {want} ({a} vs {t}, {pol})")
            if probs:
                bad += 1
                print(f"{n} {r['sheet']}!row {r['row']} {r['ref']}: " + "; ".join(probs) + f" [{r['reason']}]")
    print("mismatches:", bad)

main()
