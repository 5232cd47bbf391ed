#!/usr/bin/env bash
# The Action's install step: `cargo install` of this checkout into $CHARTER_INSTALL_ROOT, unless a
# cached binary of the same version is already there. Needs only the Rust toolchain (GitHub's
# runners have it).
set -euo pipefail
root=${CHARTER_INSTALL_ROOT:?CHARTER_INSTALL_ROOT is the install directory}
source=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}
want=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$source/Cargo.toml" | head -1)
if [ -x "$root/bin/charter" ] && [ "$("$root/bin/charter" --version)" = "charter $want" ]; then
  echo "charter $want: cached"
else
  cargo install --locked --quiet --path "$source" --root "$root"
  echo "charter $want: built"
fi
echo "$root/bin" >> "${GITHUB_PATH:-/dev/null}"
