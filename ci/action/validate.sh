#!/usr/bin/env bash
# The Action's validate step: `charter validate --format github` on $INPUT_PATHS, with --strict
# when $INPUT_STRICT is true. Its exit code is the step's: 0 valid, 1 findings, 2 usage or I/O.
set -euo pipefail
root=${CHARTER_INSTALL_ROOT:?CHARTER_INSTALL_ROOT is the install directory}
read -r -a paths <<< "${INPUT_PATHS:-charters/}"
args=(validate --format github)
case "${INPUT_STRICT:-false}" in
  true | True | TRUE | yes | 1) args+=(--strict) ;;
  false | False | FALSE | no | 0 | "") ;;
  *) echo "::error title=charter::strict must be true or false, not '$INPUT_STRICT'"; exit 2 ;;
esac
exec "$root/bin/charter" "${args[@]}" "${paths[@]}"
