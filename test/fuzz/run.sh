#!/bin/bash
# helper-137: builds every workbook in $1 with the CLI (twice: the output built again), into $2.
# Prints one line per file: name, exit codes, and any stack trace or multi-line failure.
IN=$1; OUT=$2; shift 2
mkdir -p "$OUT"
cd "$(dirname "$0")/../.."
for f in "$IN"/*.xlsx; do
  n=$(basename "$f" .xlsx)
  node bin/rag-scorecard.js build "$f" -o "$OUT/$n.out.xlsx" --json "$OUT/$n.json" --preset rag --report-date 2024-03-31 "$@" >"$OUT/$n.stdout" 2>"$OUT/$n.stderr"
  c1=$?
  c2=-
  if [ $c1 = 0 ]; then
    node bin/rag-scorecard.js build "$OUT/$n.out.xlsx" -o "$OUT/$n.again.xlsx" --json "$OUT/$n.again.json" --preset rag --report-date 2024-03-31 "$@" >"$OUT/$n.again.stdout" 2>"$OUT/$n.again.stderr"
    c2=$?
  fi
  stack=$(cat "$OUT/$n.stderr" "$OUT/$n.stdout" | grep -cE '^\s+at .+(\(|:[0-9]+:[0-9]+)')
  errl=$(grep -c . "$OUT/$n.stderr")
  echo "$n first=$c1 again=$c2 stack=$stack errlines=$errl"
done
