#!/usr/bin/env bash
# Installs what is missing, builds everything (benchmarks included), and runs the whole test suite.
# Ends with one line "tests: N passed, N failed, N skipped"; exit code 0 only if nothing failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tools/setup.sh
echo "run-tests: building..."
# Quiet when it works; the whole build log when it does not.
if ! build_log=$(dotnet build TwinWorld.sln -c Release --nologo -tl:off 2>&1); then echo "$build_log" >&2; exit 1; fi
results="$root/.test-results"
rm -rf "$results"
status=0
for project in tests/*.Tests/*.csproj; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=$?
done
# The world-model training code (Python, Debian's torch): one line per test, "... ok", "... FAIL" or "... ERROR".
echo "run-tests: tools/train (Python)..."
train_log=$(cd tools/train && /usr/bin/python3 -m unittest -v test_train 2>&1) || status=$?
echo "$train_log" | tail -n 3
passed=$(echo "$train_log" | grep -c ' \.\.\. ok$' || true)
failed=$(echo "$train_log" | grep -cE ' \.\.\. (FAIL|ERROR)$' || true)
skipped=$(echo "$train_log" | grep -c ' \.\.\. skipped' || true)
# The web viewer's type check (TypeScript over the wire code generated from protocol/*.proto): one test.
echo "run-tests: the web viewer's type check..."
if (cd src/TwinWorld.Server/front-end && npm run --silent check); then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); status=1
fi
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  count() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed)))
  skipped=$((skipped + $(count total) - $(count executed)))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "run-tests: no test ran" >&2
  exit 1
fi
exit "$status"
