#!/bin/bash
# helper-137: builds each workbook in $1 for four quarters in turn (each build's output the next one's
# input), into $2: name.q1.xlsx … name.q4.xlsx, then q4 built again as name.q4again.xlsx.
IN=$1; OUT=$2; shift 2
mkdir -p "$OUT"
cd "$(dirname "$0")/../.."
for f in "$IN"/*.xlsx; do
  n=$(basename "$f" .xlsx); prev="$f"; line="$n"
  for q in 1 2 3 4; do
    node bin/rag-scorecard.js build "$prev" -o "$OUT/$n.q$q.xlsx" --json "$OUT/$n.q$q.json" --preset rag --period "Q$q 2024/25" "$@" >"$OUT/$n.q$q.log" 2>&1
    c=$?; line="$line q$q=$c"; [ $c = 0 ] || break
    prev="$OUT/$n.q$q.xlsx"
  done
  node bin/rag-scorecard.js build "$prev" -o "$OUT/$n.q4again.xlsx" --json "$OUT/$n.q4again.json" --preset rag --period "Q4 2024/25" "$@" >"$OUT/$n.q4again.log" 2>&1
  line="$line again=$? stack=$(cat "$OUT/$n".*.log | grep -cE '^\s+at ')"
  echo "$line"
done
