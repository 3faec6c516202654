#!/usr/bin/env bash
# Cross-checks test/vectors/{bigdec,pip22,max-relays}.json against pocket-core's own BigDec code.
# Optional developer tool (needs Go ≥ 1.19 and a pocket-core checkout); CI does not run it.
# Usage: test/gen/go-oracle/run.sh /path/to/pocket-core
# It compiles pocket-core's types/decimal.go (lines cut from the checkout at run time, nothing of
# pocket-core is stored in this repository) with the shim in ./shim, then runs ./check on each file.
set -euo pipefail
pocket_core="${1:?usage: run.sh /path/to/pocket-core}"
here="$(cd "$(dirname "$0")" && pwd)"
vectors="$here/../../vectors"
expected_commit=29f421cae6086af4a06e2e65280afd044f653361
actual_commit="$(git -C "$pocket_core" rev-parse HEAD 2>/dev/null || echo unknown)"
if [ "$actual_commit" != "$expected_commit" ]; then
  echo "warning: pocket-core is at $actual_commit; the line ranges below were taken at $expected_commit" >&2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bigdec" "$work/check"
# decimal.go without its protobuf/amino/JSON plumbing and the codec/testing imports:
# 1-13 package+imports, 17-21 the BigDec type, 46-696 arithmetic/ApproxRoot/Power/FracPow/String/
# rounding, 803-835 helpers.
sed -n '1,13p;17,21p;46,696p;803,835p' "$pocket_core/types/decimal.go" \
  | sed -e '/"encoding\/json"/d' -e '/pocket-core\/codec"/d' -e '/"testing"/d' -e 's/^package types/package bigdec/' \
  > "$work/bigdec/decimal.go"
cp "$here"/shim/*.go "$work/bigdec/"
cp "$here"/check/*.go "$work/check/"
printf 'module oracle\n\ngo 1.19\n' > "$work/go.mod"
(cd "$work" && go build -o check/check ./check)
status=0
for kind in bigdec pip22 max-relays; do
  "$work/check/check" "$vectors/$kind.json" "$kind" | tail -n 30 || status=1
done
exit $status
