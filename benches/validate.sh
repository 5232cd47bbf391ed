#!/usr/bin/env bash
# Validation throughput: `charter validate DIR` against `taplo check --schema` on the same
# 2,000 generated charters (~9 KB each), in one hyperfine run. Needs hyperfine (Debian) and taplo
# (PyPI: pip install taplo). Prints files per second for each and the ratio.
#
#     benches/validate.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
python3 benches/gen_charters.py "$work/charters" "$n"
./target/release/charter schema > "$work/charter.schema.json"
echo "$n charters, $(du -sk "$work/charters" | cut -f1) KiB; $(nproc) cores"

# Both must agree that the files are valid before their speed means anything.
./target/release/charter validate --strict "$work/charters" | tail -1
taplo check --schema "file://$work/charter.schema.json" "$work/charters"/*.toml 2>/dev/null

hyperfine --warmup 2 --runs 10 --export-json "$work/times.json" \
  -n charter "./target/release/charter validate --strict $work/charters" \
  -n taplo "taplo check --schema file://$work/charter.schema.json $work/charters/*.toml" \
  >/dev/null

python3 - "$work/times.json" "$n" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
n = int(sys.argv[2])
for name, r in results.items():
    print(f"{name:8} {r['mean']*1000:8.1f} ms ± {r['stddev']*1000:5.1f}  {n / r['mean']:9.0f} files/s")
print(f"charter is {results['taplo']['mean'] / results['charter']['mean']:.1f}x taplo")
PY
