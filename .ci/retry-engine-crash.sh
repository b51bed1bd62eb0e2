#!/usr/bin/env bash
# Runs a browser test command; if it fails because the browser engine itself crashed (WebKitGTK's
# web process sometimes dies at start-up under Xvfb: "getauxval () failed: Interrupted system
# call", then "WebProcess CRASHED"), runs it once more. Any other failure fails at once.
#
# Usage: .ci/retry-engine-crash.sh COMMAND [ARGS...]
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for attempt in 1 2; do
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  [ "$status" -eq 0 ] && exit 0
  if [ "$attempt" -eq 1 ] && grep -q 'WebProcess CRASHED' "$log"; then
    echo "retry-engine-crash: the browser engine crashed (not a test failure); running once more" >&2
    continue
  fi
  exit "$status"
done
