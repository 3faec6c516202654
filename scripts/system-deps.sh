#!/usr/bin/env bash
# Installs the Debian packages the tests use when they are missing: Chromium (browser tests of
# the HTML report and the explorer, driven by playwright-core — no browser download) and
# PostgreSQL 15 (the PostgreSQL projection backend and its streaming replica); util-linux's
# `script` (bsdutils, Essential in Debian: the rollback prompt's pseudo-terminal test).
# Idempotent; needs root (CI runs as root) or passwordless sudo, and says so when it has
# neither. `npm test` runs it first, so a fresh machine needs only `npm ci && npm test`.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then need+=(postgresql); fi
command -v script >/dev/null 2>&1 || need+=(bsdutils)
if [ ${#need[@]} -eq 0 ]; then
  echo "system-deps: chromium, postgresql and script already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if ! sudo -n true >/dev/null 2>&1; then
    echo "system-deps: missing Debian packages: ${need[*]}; installing needs root or passwordless sudo." >&2
    echo "system-deps: install them (apt-get install -y ${need[*]}), then run the tests again." >&2
    exit 1
  fi
  SUDO="sudo -n"
fi
echo "system-deps: installing ${need[*]} from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "system-deps: installed ${need[*]}"
