#!/usr/bin/env bash
# Machine setup for tests and CI: Debian packages the project needs (Redis, Chromium for the
# browser tests, the accounting peers), and the local PostgreSQL and Redis servers running.
# Idempotent and quick when everything is in place. usage: bash tools/setup.sh
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "$0")/.."

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
SUDO=''
[ "$(id -u)" -eq 0 ] || SUDO='sudo -E'

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
[ -x /usr/bin/chromium ] || installed chromium || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

bash tools/peers/install.sh

# PostgreSQL on 127.0.0.1:5432 for integration tests (TEST_DATABASE_URL overrides).
if [ -z "${TEST_DATABASE_URL:-}" ] && ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if ls /etc/postgresql >/dev/null 2>&1; then
    echo "setup: starting the local PostgreSQL cluster"
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
  pg_isready -q -h 127.0.0.1 -p 5432 || { echo "setup: PostgreSQL is not answering on 127.0.0.1:5432. Install it with: sudo apt-get install -y postgresql, or set TEST_DATABASE_URL" >&2; exit 1; }
fi

# Redis on 127.0.0.1:6379 for integration tests (TEST_REDIS_URL overrides).
if [ -z "${TEST_REDIS_URL:-}" ] && ! (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && head -c5 <&3 | grep -q PONG) 2>/dev/null; then
  echo "setup: starting redis-server on 127.0.0.1:6379"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  sleep 0.5
fi
echo "setup: ok"
