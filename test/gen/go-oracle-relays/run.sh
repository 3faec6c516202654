#!/usr/bin/env bash
# Cross-checks test/vectors/{msi,sessions}.json against pocket-core's own relay code.
# Optional developer tool (Go ≥ 1.19, a pocket-core checkout at 29f421ca and a golang.org/x/crypto
# checkout at 089bfa567519); CI does not run it. Nothing of either is stored in this repository:
# the lines are cut from the checkouts at run time (see README.md).
set -euo pipefail
pocket_core="${1:?usage: run.sh /path/to/pocket-core /path/to/golang-crypto}"
x_crypto="${2:?usage: run.sh /path/to/pocket-core /path/to/golang-crypto}"
here="$(cd "$(dirname "$0")" && pwd)"
vectors="$here/../../vectors"
expected=29f421cae6086af4a06e2e65280afd044f653361
actual="$(git -C "$pocket_core" rev-parse HEAD 2>/dev/null || echo unknown)"
[ "$actual" = "$expected" ] || echo "warning: pocket-core is at $actual; the line ranges were taken at $expected" >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/types" "$work/xcrypto"
cp -r "$here/shim/sdk" "$here/shim/exported" "$work/"
cp "$here"/shim/types/*.go "$work/types/"
cp -r "$here/check" "$work/check"
cp -r "$x_crypto/blake2b" "$x_crypto/sha3" "$work/xcrypto/"
rm -f "$work"/xcrypto/*/*_test.go
printf 'module golang.org/x/crypto\n\ngo 1.17\n' > "$work/xcrypto/go.mod"
printf 'module oracle\n\ngo 1.19\n\nrequire golang.org/x/crypto v0.0.0\n\nreplace golang.org/x/crypto => ./xcrypto\n' > "$work/go.mod"
t="$pocket_core/x/pocketcore/types"
{
  echo 'package types'
  echo
  echo 'import ('
  echo '  "encoding/hex"'
  echo '  "encoding/json"'
  echo '  "fmt"'
  echo '  "log"'
  echo '  "math/big"'
  echo '  "oracle/exported"'
  echo '  sdk "oracle/sdk"'
  echo ')'
  echo 'var _ = big.NewInt'
  sed -n '28,32p;321,329p;442,447p;482,486p;522,525p;560,563p' "$t/pocket.pb.go"
  sed -n '108p;111,172p;187,204p;206p;209,213p;264,283p;297,306p' "$t/session.go"
  sed -n '125,137p' "$t/crypto.go"
  sed -n '158,185p' "$t/proof.go"
  sed -n '49,73p' "$t/aat.go"
  sed -n '219,223p' "$pocket_core/x/pocketcore/keeper/proof.go"
} > "$work/types/cut.go"
sed -e 's/^package types/package types/' "$t/merkle.go" > "$work/types/merkle.go"
(cd "$work" && go build -tags purego -o check/check ./check)
status=0
"$work/check/check" "$vectors/msi.json" msi || status=1
"$work/check/check" "$vectors/sessions.json" sessions || status=1
exit $status
