#!/usr/bin/env bash
# Bounded work on hostile input (issue 13). Prints, in one run:
#  - time to validate (as JSON) a 144 KB file of 16,000 `"a" "b"` pairs and a 437 KB file of
#    `kN = bare` lines, both nothing but syntax errors, against a valid charter of the same size
#    validated in the same run: the ratio shows the work is linear in the input, not in the errors;
#  - peak memory validating 20,000 charters that all have findings, in every report format,
#    against validating one of them;
#  - peak memory rendering the bundled charter as a PDF, against rendering it as HTML.
# Needs hyperfine and GNU time (Debian: hyperfine, time).
#
#     benches/hostile.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
bin=./target/release/charter

python3 - "$work" <<'PY'
import sys, pathlib
work = pathlib.Path(sys.argv[1])
(work / "comma.toml").write_text("x = [" + '"a" "b" ' * 16000 + "  ]\n" + "#" * 15990 + "\n")
(work / "bare.toml").write_text("".join(f"k{i} = bare\n" for i in range(32000)))
# Valid files of the same sizes: the bundled charter's comment lines, repeated.
for name in ("comma", "bare"):
    size = (work / f"{name}.toml").stat().st_size
    text = pathlib.Path("charters/kawkhali-ict.toml").read_text()
    pad = "# " + "ক" * 40 + "\n"
    (work / f"{name}-valid.toml").write_text(text + pad * ((size - len(text.encode())) // len(pad.encode())))
PY
for name in comma bare; do
  echo "$name: $(du -k "$work/$name.toml" | cut -f1) KiB, $($bin validate --format json "$work/$name.toml" | grep -c '"code"') findings"
done
hyperfine --warmup 2 --runs 20 -N --export-json "$work/times.json" \
  -n comma "$bin validate --format json $work/comma.toml" \
  -n comma-valid "$bin validate --format json $work/comma-valid.toml" \
  -n bare "$bin validate --format json $work/bare.toml" \
  -n bare-valid "$bin validate --format json $work/bare-valid.toml" \
  -i >/dev/null
python3 - "$work/times.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] * 1000 for x in json.load(open(sys.argv[1]))["results"]}
for name in ("comma", "bare"):
    print(f"{name:6} {r[name]:6.1f} ms; a valid file of its size {r[name + '-valid']:6.1f} ms: {r[name] / r[name + '-valid']:.2f}x")
PY

mkdir "$work/many"
for i in $(seq 1 "$n"); do cp charters/kawkhali-ict.toml "$work/many/c$i.toml"; done
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
one=$(peak $bin validate --format json charters/kawkhali-ict.toml)
echo "validate, one charter with findings: peak $((one / 1024)) MiB"
for format in human json github sarif; do
  kb=$(peak $bin validate --format $format "$work/many")
  echo "validate $n charters, $format: peak $((kb / 1024)) MiB ($(python3 -c "print(f'{$kb/$one:.2f}')")x one)"
done

html=$(peak $bin render -f html charters/kawkhali-ict.toml -o "$work/k.html")
pdf=$(peak $bin render -f pdf charters/kawkhali-ict.toml -o "$work/k.pdf")
echo "render the bundled charter: HTML peak $((html / 1024)) MiB, PDF peak $((pdf / 1024)) MiB ($(python3 -c "print(f'{$pdf/$html:.2f}')")x)"

# Every command's peak memory and time on a charter of about 6.8 MB (the bundled one with its
# first service repeated under new ids), beside the bound of issue 21: 10x the input plus 60 MB.
python3 - "$work" <<'PY'
import pathlib, re, sys
work = pathlib.Path(sys.argv[1])
text = pathlib.Path("charters/kawkhali-ict.toml").read_text()
block = re.search(r"\n\[\[services\.citizen\]\]\n.*?(?=\n\[\[|\n\[(?!\[)|\Z)", text, re.S).group(0)
first = re.search(r'id = "([^"]+)"', block).group(1)
blocks, size, n = [], 0, 0
while size < 6_800_000:
    b = block.replace(f'id = "{first}"', f'id = "svc-{n}"')
    blocks.append(b)
    size += len(b.encode())
    n += 1
big = text + "".join(blocks)
(work / "big.toml").write_text(big)
(work / "big2.toml").write_text(big.replace('id = "svc-100"', 'id = "svc-100b"', 1))
(work / "big-set.toml").write_text(big)
print(f"big.toml: {n} services, {len(big.encode()) / 1e6:.1f} MB")
PY
size=$(stat -c %s "$work/big.toml")
bound=$(( (10 * size) / 1024 + 60 * 1024 ))
measure() {
  local name=$1; shift
  local out
  out=$( (/usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null || true) | tail -1)
  local secs=${out% *} kb=${out#* }
  local verdict=within
  [ "$kb" -gt "$bound" ] && verdict=OVER
  printf '%-22s %6.2f s %6d MiB  (%s the bound of %d MiB)\n' "$name" "$secs" $((kb / 1024)) "$verdict" $((bound / 1024))
}
measure "validate" $bin validate "$work/big.toml"
measure "validate --format json" $bin validate --format json "$work/big.toml"
measure "fmt --check" $bin fmt --check "$work/big.toml"
measure "set" $bin set "$work/big-set.toml" vision "নতুন ভিশন"
measure "diff" $bin diff "$work/big.toml" "$work/big2.toml"
measure "fix --check" $bin fix --check "$work/big.toml"
for format in table markdown html json pdf; do
  measure "render -f $format" $bin render -f $format "$work/big.toml" -o "$work/big.$format"
done

# Charters of many small services, where what each service costs counts most: 6.8 MB of about
# 33,000 services of 200 bytes, and 8.3 MB (just under the 8 MiB cap) of about 55,000 of the
# smallest valid services (150 bytes). Each command against the bound for its own input.
python3 - "$work" <<'PY'
import pathlib, re, sys
work = pathlib.Path(sys.argv[1])
text = pathlib.Path("charters/kawkhali-ict.toml").read_text()
officer = re.search(r'officer = "([^"]+)"', text).group(1)
def services(name, limit, make):
    blocks, size, n = [], len(text.encode()), 0
    while size < limit:
        b = make(n)
        blocks.append(b)
        size += len(b.encode())
        n += 1
    whole = text + "".join(blocks)
    (work / f"{name}.toml").write_text(whole)
    (work / f"{name}-set.toml").write_text(whole)
    (work / f"{name}2.toml").write_text(whole.replace('id = "t100"', 'id = "t100b"', 1).replace('id="t100"', 'id="t100b"', 1))
    print(f"{name}.toml: {n} services, {size / 1e6:.1f} MB")
services("small", 6_800_000, lambda n: f'\n[[services.citizen]]\nid = "t{n}"\nname = "সেবা {n}"\nmethods = ["ক"]\ndocuments = ["খ"]\nfee = "বিনামূল্যে"\ntime_limit = "১ দিন"\nofficer = "{officer}"\n')
services("tiny", 8_300_000, lambda n: f'[[services.citizen]]\nid="t{n}"\nname="ক{n}"\nmethods=["ক"]\ndocuments=["খ"]\nfee="০"\ntime_limit="১ দিন"\nofficer="{officer}"\n')
# Files of 8.3 MB built to cost the most per byte: one array of four million numbers, a million
# tables of one header line, inline tables, and a large charter with one slip at its end.
i = text.index("methods = [")
j = text.index("]", i)
fill = lambda unit: unit * ((8_300_000 - len(text.encode())) // len(unit.encode()))
(work / "ints.toml").write_text(text[:i] + "methods = [" + fill("1,") + '"x"' + text[j:])
(work / "headers.toml").write_text(text + fill("[[x]]\n"))
(work / "inline.toml").write_text(text + fill("[[x]]\ny={a=1,b=2,c=3}\n"))
(work / "slip.toml").write_text((work / "tiny.toml").read_text() + "x = = 1\n")
PY
for name in small tiny; do
  size=$(stat -c %s "$work/$name.toml")
  bound=$(( (10 * size) / 1024 + 60 * 1024 ))
  measure "validate ($name)" $bin validate "$work/$name.toml"
  measure "fmt --check ($name)" $bin fmt --check "$work/$name.toml"
  measure "set ($name)" $bin set "$work/$name-set.toml" vision "নতুন ভিশন"
  measure "fix --check ($name)" $bin fix --check "$work/$name.toml"
  measure "diff ($name)" $bin diff "$work/$name.toml" "$work/${name}2.toml"
  for format in table markdown html json pdf; do
    measure "render -f $format ($name)" $bin render -f $format "$work/$name.toml" -o "$work/$name.$format"
  done
done
for name in ints headers inline slip; do
  size=$(stat -c %s "$work/$name.toml")
  bound=$(( (10 * size) / 1024 + 60 * 1024 ))
  measure "validate ($name)" $bin validate "$work/$name.toml"
  measure "fix --check ($name)" $bin fix --check "$work/$name.toml"
done
