#!/usr/bin/env bash
# Sets up a fresh machine for govreport: pnpm 12.4.2, the workspace's dependencies, and (for the
# browser tests) Debian's chromium with CJK fonts. Safe to run again: each step is skipped when done.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null
fi

# The end-to-end tests drive Debian's chromium (never a downloaded browser); CJK fonts make the
# screenshots show Chinese instead of boxes. Skipped when present, or when we cannot install.
if [ "${GOVREPORT_SKIP_BROWSER:-}" != "1" ]; then
  if ! [ -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installing chromium and fonts-noto-cjk (Debian packages)"
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
    else
      echo "setup: chromium or fonts-noto-cjk missing; install them (apt-get install chromium fonts-noto-cjk) to run the browser tests" >&2
    fi
  fi
fi

export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile
