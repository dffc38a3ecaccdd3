#!/usr/bin/env bash
# Prints the raw and gzip (-9) size of every file in dist/ and fails when the gzip total is over
# the budget given in KB (1 KB = 1000 bytes), which the Makefile keeps in one visible place.
set -euo pipefail
budget_kb=${1:?usage: scripts/size.sh BUDGET_KB}
cd "$(dirname "$0")/../dist" 2>/dev/null || { echo "dist/ is missing: run 'make dist' first" >&2; exit 1; }
total_raw=0; total_gz=0
printf '%-48s %12s %12s\n' file bytes gzip
while IFS= read -r f; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-48s %12d %12d\n' "${f#./}" "$raw" "$gz"
done < <(find . -type f | sort)
printf '%-48s %12d %12d\n' TOTAL "$total_raw" "$total_gz"
if [ "$total_gz" -gt $((budget_kb * 1000)) ]; then
  echo "size budget exceeded: $total_gz gzip bytes > ${budget_kb} KB" >&2
  exit 1
fi
echo "within budget: $total_gz of $((budget_kb * 1000)) gzip bytes"
