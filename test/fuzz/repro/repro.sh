#!/bin/bash
# helper-137: the commands behind each finding (run from the repository root after npm run build:cli).
set -u
R="node bin/rag-scorecard.js build"
T=$(mktemp -d)
D=test/fuzz/repro
echo "== 1 tracker ending at XFD / XFC (fixed in e8db61d): the record must name no cell past XFD"
for n in tracker-ends-at-xfd tracker-ends-at-xfc-with-check; do
  $R $D/$n.xlsx -o $T/$n.xlsx --json $T/$n.json --preset rag --report-date 2024-03-31 | grep -i "problems"
  unzip -p $T/$n.xlsx xl/worksheets/sheet4.xml | grep -o '"v":"[^"]*"'
done
echo "== 2 one fill in styles.xml (fixed in b6d52d2): fills 0 and 1 must be none and gray125"
$R $D/styles-with-one-fill.xlsx -o $T/one.xlsx --preset rag --report-date 2024-03-31 >/dev/null
unzip -p $T/one.xlsx xl/styles.xml | grep -o '<fills count="[0-9]*"><fill>.\{0,120\}'
echo "== 3 a number in the header row: exit 3"
$R $D/header-row-with-a-number.xlsx -o $T/h.xlsx --preset rag --report-date 2024-03-31; echo "exit $?"
echo "== 4 tracker on the sheet's last rows: exit 3, the 'not read' warning not shown"
$R $D/tracker-at-last-rows.xlsx -o $T/b.xlsx --preset rag --report-date 2024-03-31; echo "exit $?"
echo "== 5 tracker on a sheet named Scorecard Rules: exit 3, message says every sheet was looked at"
$R $D/tracker-sheet-named-scorecard-rules.xlsx -o $T/s.xlsx --preset rag --report-date 2024-03-31; echo "exit $?"
echo "== 6 --all-committees, then one committee emptied: its Q3 summary stays beside the Q4 ones"
$R $D/committees-three.xlsx -o $T/c1.xlsx --preset rag --period "Q3 2024/25" --all-committees >/dev/null
python3 -c "
import openpyxl; wb = openpyxl.load_workbook('$T/c1.xlsx'); wb['KPIs']['G3'] = 'Housing'; wb.save('$T/c2.xlsx')"
$R $T/c2.xlsx -o $T/c3.xlsx --preset rag --period "Q4 2024/25" --all-committees | grep -v "^  [A-Z]" 
python3 -c "
import openpyxl; wb = openpyxl.load_workbook('$T/c3.xlsx')
for n in wb.sheetnames:
    if n.startswith('Summary'): print(n, '|', wb[n]['A1'].value)"
echo "== 7 a stray rels part named like a new sheet's: taken over by it, then deleted by the rebuild"
$R $D/stray-rels-part.xlsx -o $T/r1.xlsx --preset rag --report-date 2024-03-31 >/dev/null
$R $T/r1.xlsx -o $T/r2.xlsx --preset rag --report-date 2024-03-31 >/dev/null
for f in $D/stray-rels-part.xlsx $T/r1.xlsx $T/r2.xlsx; do echo "$f: $(unzip -l $f | grep -o 'xl/worksheets/_rels/[^ ]*' | tr '\n' ' ')"; done
rm -rf "$T"
