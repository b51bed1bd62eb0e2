#!/usr/bin/env bash
# The weight of a build: raw, gzip (-9) and brotli (-q 11) sizes of every file, the first load of
# the timeline, of a release page (prerendered HTML + JS + main wasm + the lazy parts' loader +
# CSS + the parts fetched before the app adopts the page; the bundled dataset is inside the wasm)
# and of an embed, the lazily loaded parts fetched later, where the main wasm's bytes go, and a
# check against the size limit.
#
# Usage: .ci/size.sh [dist]     Environment: SIZE_LIMIT (bytes, brotli, enforced),
#                                SIZE_TARGET (bytes, brotli, reported), NAMED_WASM (optional).
set -euo pipefail
dir=${1:-dist}
limit=${SIZE_LIMIT:-300000}
target=${SIZE_TARGET:-150000}
[ -d "$dir" ] || { echo "no $dir/: run 'make build' first" >&2; exit 1; }

# Each file is compressed once (brotli -q 11 takes seconds on the wasm): the table below fills
# this, and the sums after it read it.
declare -A brotli_size
br() { [ -n "${brotli_size[$1]:-}" ] || brotli_size[$1]=$(brotli -q 11 -c "$1" | wc -c); echo "${brotli_size[$1]}"; }
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0
while IFS= read -r file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br "$file" >/dev/null  # fills brotli_size here, not in the $(…) subshell
  b=${brotli_size[$file]}
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + b))
  printf '%-44s %10d %10d %10d\n' "${file#"$dir"/}" "$raw" "$gz" "$b"
done < <(find "$dir" -type f ! -name '*.gz' ! -name '*.br' | sort)
printf '%-44s %10d %10d %10d\n' 'TOTAL (every file)' "$total_raw" "$total_gz" "$total_br"

one() { find "$dir" -maxdepth 1 -name "$1" | head -1; }
all() { find "$dir" -maxdepth 1 -name "$1" ! -name '*.gz' ! -name '*.br' | sort; }
js=$(one 'pressline-app-*[0-9a-f].js'); wasm=$(one 'pressline-app-*_bg.wasm')
loader=$(one 'wasm-split-*.js')
[ -n "$loader" ] || { echo "no wasm-split-*.js in $dir/: the wasm was not split" >&2; exit 1; }
# Everything the browser fetches until the first view is complete and the app has adopted it:
# the prerendered page, the app's code, and the lazily loaded parts fetched before adoption
# (the shared chunks counted whole, an upper bound).
app_files=("$(one 'boot-*.js')" "$js" "$wasm" "$loader" "$(one 'main-*.css')")
mapfile -t chunks < <(all 'chunk-*.wasm')
mapfile -t timeline_parts < <(all 'split-histogram-part-*.wasm'; all 'split-filter-controls-part-*.wasm'; all 'split-embed-dialog-part-*.wasm')
mapfile -t release_parts < <(all 'split-release-page-part-*.wasm')
release_page=$(find "$dir/releases" -name index.html 2>/dev/null | sort | head -1)
[ -n "$release_page" ] || { echo "no releases/*/index.html in $dir/: the build was not prerendered" >&2; exit 1; }
embed_files=("$dir/embed.js" "$js" "$wasm" "$loader" "$(one 'embed-*.css')")
sum() { local total=0 f; for f in "$@"; do total=$((total + $(br "$f"))); done; echo "$total"; }
page=$(sum "$dir/index.html" "${app_files[@]}" "${timeline_parts[@]}" "${chunks[@]}")
release=$(sum "$release_page" "${app_files[@]}" "${release_parts[@]}" "${chunks[@]}")
embed=$(sum "${embed_files[@]}")
echo
echo "First load until adopted, brotli: timeline $page bytes (its HTML $(br "$dir/index.html")), release page $release bytes (its HTML $(br "$release_page")); embed $embed bytes; wasm alone $(br "$wasm")."
echo
echo "Fetched on first use, brotli (each part; the small chunks some parts share are listed last):"
for part in "$dir"/split-*.wasm; do
  name=${part#"$dir"/split-}; name=${name%-*}
  printf '  %-28s %8d\n' "$name" "$(br "$part")"
done
printf '  %-28s %8d\n' "shared chunks (all)" "$(sum "$dir"/chunk-*.wasm)"

named=${NAMED_WASM:-}
if [ -n "$named" ] && [ -f "$named" ] && command -v twiggy >/dev/null; then
  echo
  echo "Where the wasm's bytes go (optimized, before compression):"
  "$(dirname "$0")/wasm-breakdown.py" "$named" --items 12
fi

heaviest=$(( page > embed ? page : embed ))
heaviest=$(( release > heaviest ? release : heaviest ))
echo
if [ "$heaviest" -gt "$target" ]; then
  echo "Target $target bytes: missed by $((heaviest - target)) bytes."
else
  echo "Target $target bytes: met, with $((target - heaviest)) to spare."
fi
if [ "$heaviest" -gt "$limit" ]; then
  echo "FAIL: the first load is $heaviest bytes brotli, over the limit of $limit." >&2
  exit 1
fi
echo "Limit $limit bytes: within it by $((limit - heaviest))."
