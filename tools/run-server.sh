#!/usr/bin/env bash
# Installs what is missing, builds, and runs the TwinWorld server in the foreground.
# Extra arguments go to the server, e.g. --Tick:RateHz=30. Ctrl+C stops it (exit code 0).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/tools/setup.sh"
echo "run-server: building..."
# Quiet when it works; the whole build log when it does not.
if ! build_log=$(dotnet build "$root/src/TwinWorld.Server/TwinWorld.Server.csproj" -c Release --nologo -tl:off 2>&1); then echo "$build_log" >&2; exit 1; fi
# exec, so Ctrl+C reaches the server itself and its exit code is ours.
exec dotnet "$root/src/TwinWorld.Server/bin/Release/net10.0/TwinWorld.Server.dll" "$@"
