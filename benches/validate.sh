#!/usr/bin/env bash
# Validation throughput: `charter validate DIR` against `taplo check --schema` on the same
# 2,000 generated charters (~9 KB each). Needs hyperfine (Debian) and taplo (PyPI: pip install
# taplo). Prints files per second for each and the ratio. The machine's speed drifts over tens of
# seconds (a shared 2-core VM), so the two are timed in turns: five hyperfine rounds of four runs
# each, every round timing both, and the figures are over all 20 runs.
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

for round in 1 2 3 4 5; do
  hyperfine --warmup 1 --runs 4 --export-json "$work/round$round.json" \
    -n charter "./target/release/charter validate --strict $work/charters" \
    -n taplo "taplo check --schema file://$work/charter.schema.json $work/charters/*.toml" \
    >/dev/null
done

python3 - "$n" "$work"/round*.json <<'PY'
import json, statistics, sys
n = int(sys.argv[1])
times = {}
for path in sys.argv[2:]:
    for r in json.load(open(path))["results"]:
        times.setdefault(r["command"], []).extend(r["times"])
mean = {name: statistics.mean(t) for name, t in times.items()}
for name, t in times.items():
    print(f"{name:8} {mean[name]*1000:8.1f} ms ± {statistics.stdev(t)*1000:5.1f}  {n / mean[name]:9.0f} files/s  ({len(t)} runs)")
print(f"charter is {mean['taplo'] / mean['charter']:.1f}x taplo")
PY
