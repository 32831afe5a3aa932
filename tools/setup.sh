#!/usr/bin/env bash
# Installs what TwinWorld needs and this machine lacks. Idempotent: what is there is skipped.
# Sourced by run-server.sh and run-tests.sh; safe to run on its own.
set -euo pipefail

# Debian packages the server and the tests load at run time (native libraries, browsers, tools):
# add them here, not by hand.
APT_PACKAGES=(
  chromium        # the comparison report's end-to-end test renders it (TwinWorld.Replay.Tests, through Playwright)
  python3-minimal # /usr/bin/python3 with zlib: an independent PNG decoder for the report's encoder tests
  libturbojpeg0   # camera frames as JPEG (TwinWorld.Generation, P/Invoke on libturbojpeg.so.0)
  libtorch-dev    # the world-model runtime: TwinWorld.Torch's native shim builds against it (CPU)
  cmake           # builds that shim
  g++             # builds that shim
  prometheus      # scrapes /metrics in TwinWorld.Server.Tests (PrometheusScrapeTests)
  python3-torch   # the world-model training code's tests (tools/train/test_train.py, run by run-tests.sh)
)
# The web viewer's build (src/TwinWorld.Server/front-end) needs Node 20 or later and npm: Debian's where none is
# installed (a preinstalled Node, e.g. NodeSource's, is kept).
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required and 'dotnet' is not on PATH." >&2
  exit 1
fi
if ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "setup: the .NET 10 SDK is required; found: $(dotnet --list-sdks | tr '\n' ' ')" >&2
  exit 1
fi

# The web viewer's npm packages (TypeScript, esbuild, protobuf-es and buf, which brings its own binary), exactly as
# package-lock.json pins them; skipped when node_modules was installed from the current lock file.
viewer="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src/TwinWorld.Server/front-end"
if [ ! "$viewer/node_modules/.package-lock.json" -nt "$viewer/package-lock.json" ]; then
  echo "setup: installing the web viewer's npm packages"
  (cd "$viewer" && npm ci --no-audit --no-fund --loglevel=error)
fi
