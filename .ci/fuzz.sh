#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each, seeded from fuzz/corpus/<target> (kept in the repo);
# new inputs go to target/fuzz-corpus/<target>, so a run never dirties the checkout. Prints
# each target's executions, and fails with the crashing input's path if any target crashed.
# Usage: .ci/fuzz.sh SECONDS [target...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: .ci/fuzz.sh SECONDS [target...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dataset formats search_query url_state markdown)

(cd fuzz && cargo +nightly fuzz build -O) >&2
mkdir -p target/fuzz-logs
failed=0
printf '%-14s %12s %8s %12s %s\n' target executions seconds "execs/s" result
for target in "${targets[@]}"; do
  scratch=target/fuzz-corpus/$target
  mkdir -p "$scratch" "fuzz/artifacts/$target"
  log=target/fuzz-logs/$target.log
  # -timeout: an input taking over 5 s counts as a hang (a quadratic parser is a bug too);
  # -rss_limit_mb: memory must stay bounded whatever the input.
  if (cd fuzz && cargo +nightly fuzz run -O "$target" "../$scratch" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=131072 \
        -print_final_stats=1) >"$log" 2>&1; then
    result=ok
  else
    result="FAILED: $(grep -Eo 'Test unit written to [^ ]+' "$log" | tail -n 1 | sed 's#Test unit written to #fuzz/#') (log: $log)"
    failed=1
  fi
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n 1 || true)
  secs=$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -Eo 'in [0-9]+' | grep -Eo '[0-9]+' | tail -n 1 || true)
  runs=${runs:-0}; secs=${secs:-$seconds}
  printf '%-14s %12s %8s %12s %s\n' "$target" "$runs" "$secs" "$(( runs / (secs > 0 ? secs : 1) ))" "$result"
done
exit $failed
