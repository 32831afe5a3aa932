#!/usr/bin/env bash
# Run HERE (with .NET): builds everything the GPU machine needs into tools/gpu/bundle/ (ignored by git), which is
# carried to it beside the repository: a trimmed self-contained publish of the twin CLI (no .NET there). The libtorch
# shim is not in it: tools/gpu/run.sh builds it there, against that machine's PyTorch. See tools/gpu/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bundle="$root/tools/gpu/bundle"
limit_mib=60

case "${1:-}" in
  -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) echo "prepare.sh: unknown argument '$1' (it takes none; --help says what it does)" >&2; exit 2 ;;
esac

rm -rf "$bundle"
mkdir -p "$bundle"
echo "prepare: publishing the twin CLI (linux-x64, self-contained, trimmed) into $bundle/twin ..."
# Invariant globalization: the GPU machine may have no libicu. Trimming warnings are reported, not fatal: the
# trimmed app is checked below by running the commands tools/gpu/run.sh uses.
if ! log=$(dotnet publish "$root/tools/TwinWorld.Cli/TwinWorld.Cli.csproj" -c Release -r linux-x64 --self-contained \
    -p:PublishTrimmed=true -p:TrimMode=partial -p:InvariantGlobalization=true -p:SuppressTrimAnalysisWarnings=true \
    -p:DebugType=none -p:GenerateDocumentationFile=false -o "$bundle/twin" --nologo -tl:off 2>&1); then
  echo "$log" >&2
  exit 1
fi
# The shim built here is linked against this machine's libtorch; the GPU machine builds its own.
rm -f "$bundle/twin/libtwinworld_torch.so"
git -C "$root" rev-parse HEAD > "$bundle/COMMIT"

"$bundle/twin/twin" model-bench --help > /dev/null
size_mib=$(( $(du -sk "$bundle" | cut -f1) / 1024 ))
echo "prepare: $bundle is $size_mib MiB (commit $(cut -c1-12 "$bundle/COMMIT"))."
if (( size_mib > limit_mib )); then
  echo "prepare: that is over the $limit_mib MiB the device machine takes" >&2
  exit 1
fi
echo "prepare: carry tools/gpu/bundle and run 'bash tools/gpu/run.sh' on the GPU machine."
