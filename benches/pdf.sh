#!/usr/bin/env bash
# PDF speed and size: the bundled charter and a 40-service charter (time and size), and 100
# charters rendered in parallel against LibreOffice converting one equivalent HTML page, all in
# one run. Needs hyperfine and LibreOffice (Debian: hyperfine, libreoffice-writer-nogui).
#
#     benches/pdf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
charter=./target/release/charter

# A 40-service charter: the bundled one's services, repeated with new ids.
python3 - "$work/forty.toml" <<'PY'
import re, sys
text = open("charters/kawkhali-ict.toml", encoding="utf-8").read()
head, _, rest = text.partition("[[services.citizen]]")
blocks = ["[[services.citizen]]" + b for b in ("[[services.citizen]]" + rest).split("[[services.citizen]]")[1:]]
services = re.split(r"(?=\n\[\[services\.)", "\n".join(blocks))
out, n = [head], 0
while n < 40:
    for block in services:
        if n == 40: break
        out.append(re.sub(r'id = "([a-z0-9-]+)"', lambda m: f'id = "{m.group(1)}-{n}"', block, count=1))
        n += 1
open(sys.argv[1], "w", encoding="utf-8").write("".join(out))
PY
$charter validate "$work/forty.toml" >/dev/null
echo "services in the big charter: $($charter render "$work/forty.toml" -f json | grep -c '"serial_text"')"

mkdir -p "$work/many"
for i in $(seq 1 100); do cp charters/kawkhali-ict.toml "$work/many/c$i.toml"; done
$charter render charters/kawkhali-ict.toml -f html -o "$work/kawkhali.html"

hyperfine --warmup 2 --runs 10 --export-json "$work/times.json" \
  -n bundled "$charter render charters/kawkhali-ict.toml -f pdf -o $work/k.pdf" \
  -n forty "$charter render $work/forty.toml -f pdf -o $work/forty.pdf" \
  -n hundred-parallel "ls $work/many/*.toml | xargs -P $(nproc) -I{} $charter render {} -f pdf -o {}.pdf" \
  -n libreoffice-one-html "libreoffice --headless --convert-to pdf --outdir $work/lo $work/kawkhali.html" \
  >/dev/null
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
r = {x["command"]: x["mean"] for x in json.load(open(f"{work}/times.json"))["results"]}
size = lambda p: os.path.getsize(os.path.join(work, p)) / 1024
print(f"bundled charter      {r['bundled']*1000:7.1f} ms  {size('k.pdf'):6.1f} KiB")
print(f"40-service charter   {r['forty']*1000:7.1f} ms  {size('forty.pdf'):6.1f} KiB")
print(f"100 in parallel      {r['hundred-parallel']*1000:7.1f} ms")
print(f"LibreOffice, 1 HTML  {r['libreoffice-one-html']*1000:7.1f} ms  {size('lo/kawkhali.pdf'):6.1f} KiB")
print(f"100 charters take {r['hundred-parallel'] / r['libreoffice-one-html']:.2f}x LibreOffice's time for one")
PY
