#!/usr/bin/env bash
# Prints raw, gzip (-9) and brotli (-q 11) sizes of every file in a build directory, and totals.
set -euo pipefail
dir=${1:-dist}
[ -d "$dir" ] || { echo "no $dir/: run 'make build' first" >&2; exit 1; }
printf '%-52s %10s %10s %10s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0
while IFS= read -r file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$(brotli -q 11 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  printf '%-52s %10d %10d %10d\n' "${file#"$dir"/}" "$raw" "$gz" "$br"
done < <(find "$dir" -type f ! -name '*.gz' ! -name '*.br' | sort)
printf '%-52s %10d %10d %10d\n' TOTAL "$total_raw" "$total_gz" "$total_br"
echo "brotli total: $total_br bytes ($(awk -v b="$total_br" 'BEGIN { printf "%.1f", b / 1024 }') KiB)"
