#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each, seeded from fuzz/corpus/<target> (kept in the repo);
# new inputs go to target/fuzz-corpus/<target>, so a run never dirties the checkout. Prints
# each target's executions, and fails with the crashing input's path (and, when small, the
# input itself in base64, so a CI log is enough to reproduce it) if any target crashed.
# Usage: .ci/fuzz.sh SECONDS [target...]
# With FUZZ_RUNS=N set, each target instead runs N inputs from a fixed seed: the same checkout
# then explores the same inputs on every machine (what `make test` uses, so CI is repeatable).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: .ci/fuzz.sh SECONDS [target...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dataset formats search_query url_state markdown content)

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
  if [ -n "${FUZZ_RUNS:-}" ]; then
    budget=(-runs="$FUZZ_RUNS" -seed=1)
  else
    budget=(-max_total_time="$seconds")
  fi
  if (cd fuzz && cargo +nightly fuzz run -O "$target" "../$scratch" "corpus/$target" -- \
        "${budget[@]}" -timeout=5 -rss_limit_mb=2048 -max_len=131072 \
        -print_final_stats=1) >"$log" 2>&1; then
    result=ok
  else
    artifact=$(grep -Eo 'Test unit written to [^ ]+' "$log" | tail -n 1 | sed 's#Test unit written to ##' || true)
    case $artifact in /*|"") ;; *) artifact=fuzz/$artifact ;; esac
    result="FAILED: ${artifact:-no input saved} (log: $log)"
    failed=1
    # A CI log is all there is after a CI run: show the end of the report and the input.
    tail -n 40 "$log" >&2
    if [ -n "$artifact" ] && [ -f "$artifact" ] && [ "$(wc -c <"$artifact")" -le 4096 ]; then
      echo "input ($target), base64: $(base64 -w0 "$artifact")" >&2
    fi
  fi
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n 1 || true)
  secs=$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -Eo 'in [0-9]+' | grep -Eo '[0-9]+' | tail -n 1 || true)
  runs=${runs:-0}; secs=${secs:-$seconds}
  printf '%-14s %12s %8s %12s %s\n' "$target" "$runs" "$secs" "$(( runs / (secs > 0 ? secs : 1) ))" "$result"
done
exit $failed
