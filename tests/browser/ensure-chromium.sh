#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing (the browser tests drive /usr/bin/chromium; nothing is downloaded
# by a test tool). Needs root, as CI and the development machines run.
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  exit 0
fi
echo "installing chromium (apt-get)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
"${CHROMIUM_PATH:-/usr/bin/chromium}" --version
