#!/usr/bin/env bash
# Makes sure redis-server (7, Debian's package) is installed: the Redis tests (C# fixtures, tests/replicas) start their own
# on a free loopback port. Installs it with apt-get when missing and running as root; otherwise says what to run.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "redis-server is not installed and this is not root: run 'sudo apt-get install -y redis-server' (Redis 7) and retry." >&2
  exit 1
fi
echo "installing redis-server (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends redis-server >&2
command -v redis-server >/dev/null 2>&1 || { echo "apt-get did not install redis-server" >&2; exit 1; }
