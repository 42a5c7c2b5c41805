#!/usr/bin/env bash
# Install the real accounting programs that the peer integration tests start
# (Tryton server + accounting modules, hledger-web, GnuCash with its Python bindings, sqlite3).
# Idempotent: a quick no-op when every package is already installed.
# usage: bash tools/peers/install.sh        (as root, or with sudo available)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

PACKAGES=(
  tryton-server tryton-modules-account tryton-modules-account-invoice tryton-modules-party tryton-proteus
  hledger hledger-web
  gnucash python3-gnucash libdbd-sqlite3
  sqlite3
)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for p in "${PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  echo "peers: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "peers: must run as root (or have sudo) to install: ${missing[*]}" >&2; exit 1; }
  SUDO='sudo -E'
fi

echo "peers: installing ${missing[*]}"
start=$(date +%s)
$SUDO apt-get update -qq || { echo "peers: apt-get update failed" >&2; exit 1; }
if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  # Retry one at a time so the error names the package that failed.
  for p in "${missing[@]}"; do
    installed "$p" && continue
    $SUDO apt-get install -y -qq --no-install-recommends "$p" \
      || { echo "peers: failed to install Debian package '$p'" >&2; exit 1; }
  done
fi
for p in "${missing[@]}"; do
  installed "$p" || { echo "peers: Debian package '$p' is still not installed" >&2; exit 1; }
done
echo "peers: installed ${#missing[@]} packages in $(( $(date +%s) - start )) s"
