#!/usr/bin/env bash
# Installs the runtimes of the runtime matrix (scripts/runtimes/matrix.mjs): Node 22 and 24, Deno, Bun and
# workerd, with the esbuild that bundles the worker, exactly as scripts/runtimes/package-lock.json says, into
# scripts/runtimes/node_modules (gitignored). They are Linux x64 binaries shipped as npm packages, so they are
# installed here, by CI's own step, and never by the root `npm ci`, which stays lean and works on any platform.
# npm skips their install scripts; the binaries run without them.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "scripts/runtimes/install.sh: the matrix's runtimes are Linux x64 binaries; this is $(uname -s) $(uname -m)" >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
