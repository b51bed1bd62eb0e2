#!/usr/bin/env bash
# `trunk build --release --public-url PUBLIC_URL` into DIST, as every make target that builds
# the app runs it; skipped when nothing trunk and its post-build hook read has changed since
# they last built for that public URL.
#
# Trunk builds into target/web-pipeline/trunk/<public URL>/ (its output before prerendering),
# and DIST becomes a fresh copy of that, as trunk itself would replace it: whether trunk ran or
# not, the prerendering that follows starts from the same files. What trunk reads is hashed
# (the crates, index.html, style/, public/, the bundled dataset, the Cargo, Trunk and npm manifests, this
# directory, the Rust and wasm tools, and the environment that changes a cargo build); the
# hash is kept next to the output, and a build whose hash matches is skipped.
#
# Usage (from the repository's root): tools/web-pipeline/trunk-build.sh PUBLIC_URL DIST
set -euo pipefail
public_url=${1:?usage: tools/web-pipeline/trunk-build.sh PUBLIC_URL DIST}
dist=${2:?usage: tools/web-pipeline/trunk-build.sh PUBLIC_URL DIST}
began=$EPOCHREALTIME

# DIST is replaced: never the repository or a folder above it.
absolute=$(realpath -m -- "$dist")
case "$(pwd)/" in
  "${absolute%/}"/*) echo "web-pipeline: will not replace $dist (it holds the repository)" >&2; exit 2 ;;
esac

slug=$(printf '%s' "$public_url" | sed -E 's#[^A-Za-z0-9._]+#-#g; s#^-+|-+$##g')
out=${CARGO_TARGET_DIR:-target}/web-pipeline/trunk/${slug:-root}
stamp=$out.inputs

inputs() {
  printf 'public url %s\n' "$public_url"
  env | grep -E '^(RUSTFLAGS|CARGO_ENCODED_RUSTFLAGS|CARGO_BUILD_|CARGO_PROFILE_|CARGO_TARGET_DIR|TRUNK_)' | sort || true
  rustc -vV
  trunk --version
  local tool path
  for tool in wasm-bindgen wasm-split-cli wasm-opt node; do
    path=$(command -v "$tool") || { echo "web-pipeline: $tool is not on PATH (run 'make setup')" >&2; return 1; }
    stat -L -c "$tool %s %Y" "$path"
  done
  find crates index.html style public target/bundle Trunk.toml Cargo.toml Cargo.lock .cargo package-lock.json tools/web-pipeline \
    -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
}
key=$(inputs | sha256sum | cut -c1-64)

elapsed() { awk -v from="$began" -v to="$EPOCHREALTIME" 'BEGIN { printf "%.1f s", to - from }'; }
if [ -f "$out/index.html" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$key" ]; then
  echo "web-pipeline: trunk skipped, nothing it reads changed since its last build for $public_url (key ${key:0:12})"
else
  rm -f "$stamp"
  trunk build --release --public-url "$public_url" --dist "$out"
  echo "$key" > "$stamp"
fi
rm -rf -- "$dist"
mkdir -p -- "$(dirname -- "$dist")"
cp -R -- "$out" "$dist"
echo "web-pipeline: $dist/ is the build for $public_url ($(elapsed) in all)"
