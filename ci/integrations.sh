#!/usr/bin/env bash
# What a user of the Action and of the pre-commit hooks runs, run for real (called by .ci/run):
#  - the Action's steps (action.yml), as a runner runs them: install (then again, from the cache),
#    then validate with the inputs a workflow passes: valid charters pass, a broken one fails,
#    --strict fails on warnings;
#  - `pre-commit try-repo` of this repository on a scratch git repository: charter-validate passes
#    on a good charter and fails on a bad one; charter-fmt passes on a formatted charter.
# Both build charter in release mode; they share one target directory, so deps build once.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$repo/target/integrations"

expect() { # expect CODE COMMAND...: runs it and fails unless it exits with CODE
  local want=$1 got=0
  shift
  "$@" >"$work/out" 2>&1 || got=$?
  if [ "$got" != "$want" ]; then
    echo "FAILED: '$*' exited $got, expected $want:" >&2
    cat "$work/out" >&2
    exit 1
  fi
}

echo "the Action: install, install from cache, validate"
export GITHUB_ACTION_PATH=$repo CHARTER_INSTALL_ROOT=$work/install GITHUB_PATH=$work/github_path
"$repo/ci/action/install.sh" | grep -q "built"
"$repo/ci/action/install.sh" | grep -q "cached"
grep -qx "$work/install/bin" "$work/github_path"
cd "$repo"
INPUT_PATHS="charters/ tests/fixtures/valid" INPUT_STRICT=false expect 0 ci/action/validate.sh
# The spelling warning stands on the line of the slip (তাৎক্ষনিক), wherever edits move it.
slip=$(grep -n "^time_limit = \"তাৎক্ষনিক" charters/kawkhali-ict.toml | head -1 | cut -d: -f1)
grep -q "^::warning file=charters/kawkhali-ict.toml,line=$slip," "$work/out"
INPUT_PATHS=charters/ INPUT_STRICT=true expect 1 ci/action/validate.sh
INPUT_PATHS="charters/ tests/fixtures/broken/every-rule.toml" INPUT_STRICT=false expect 1 ci/action/validate.sh
grep -q "^::error file=tests/fixtures/broken/every-rule.toml" "$work/out"
INPUT_PATHS=charters/ INPUT_STRICT=maybe expect 2 ci/action/validate.sh

echo "pre-commit: try-repo on a scratch repository"
command -v pre-commit >/dev/null || python3 -m pip install --quiet pre-commit
export PRE_COMMIT_HOME=$work/pre-commit-home
mkdir -p "$work/office/charters"
cd "$work/office"
git init --quiet
git config user.email ci@example.org
git config user.name ci
cp "$repo/charters/kawkhali-ict.toml" charters/
cp "$repo/Cargo.toml" .   # not under charters/: the hooks leave it alone
git add . && git commit --quiet -m "a good charter"
expect 0 pre-commit try-repo "$repo" charter-validate --all-files
expect 0 pre-commit try-repo "$repo" charter-fmt --all-files
cp "$repo/tests/fixtures/broken/every-rule.toml" charters/bad.toml
git add . && git commit --quiet -m "a bad charter"
expect 1 pre-commit try-repo "$repo" charter-validate --all-files
grep -q "error\[" "$work/out"
echo "integrations: ok"
