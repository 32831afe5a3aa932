#!/usr/bin/env bash
# The GPU check in one go, for a machine with an NVIDIA GPU and PyTorch but no .NET (see tools/gpu/README.md):
#   1. builds the libtorch shim (src/TwinWorld.Torch/native) against the PyTorch installed there,
#   2. checks the world model's CUDA frames against its CPU frames (same inputs, max abs difference per frame),
#   3. prints frames/s at 256x256 and 512x512 for batches of 1, 8 and 32, with the GPU's peak memory,
# and writes the figures to $OUT/gpu-bench.md. Without a CUDA device it runs the same on the CPU (CPU checked
# against CPU), at 256x256 (and 512x512 with --full), and says "no CUDA device".
#
# usage: bash tools/gpu/run.sh [--model M.json] [--full] [--dry-run] [--help]
#   --model M.json  the world model's manifest (default: tools/train/reference/reference-tile-256.json)
#   --full          on the CPU too, 512x512 as on the GPU
#   --dry-run       say what would be done (Python, libtorch, ABI, CUDA, bundle), build and run nothing
# Needs tools/gpu/bundle (tools/gpu/prepare.sh, run with .NET), python3 with torch, g++ (and cmake, if there).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bundle="$root/tools/gpu/bundle"
model="$root/tools/train/reference/reference-tile-256.json"
full=0
dry=0
while (( $# )); do
  case "$1" in
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --model) [[ $# -ge 2 ]] || { echo "run.sh: --model needs a manifest" >&2; exit 2; }; model="$(realpath -m "$2")"; shift ;;
    --full) full=1 ;;
    --dry-run) dry=1 ;;
    *) echo "run.sh: unknown argument '$1' (--help lists them)" >&2; exit 2 ;;
  esac
  shift
done
out="${OUT:-$root/tools/gpu/out}"
mkdir -p "$out"
log="$out/gpu-bench.md"
started=$SECONDS
say() { echo "run.sh: $*"; }

[[ -f "$model" ]] || { echo "run.sh: no model manifest at $model" >&2; exit 2; }

# The Python with torch: $PYTHON, else the first of python3 and /usr/bin/python3 that imports it.
python=""
for candidate in ${PYTHON:-} python3 /usr/bin/python3; do
  if command -v "$candidate" > /dev/null && "$candidate" -c 'import torch' 2> /dev/null; then python="$candidate"; break; fi
done
[[ -n "$python" ]] || { echo "run.sh: no python3 here imports torch (set PYTHON=/path/to/python)" >&2; exit 2; }
read -r torch_version torch_root cmake_prefix abi cuda devices < <("$python" -c '
import os, torch
print(torch.__version__, os.path.dirname(torch.__file__), torch.utils.cmake_prefix_path,
      int(torch._C._GLIBCXX_USE_CXX11_ABI), int(torch.cuda.is_available()), torch.cuda.device_count())')
torch_dir=""
for candidate in "$cmake_prefix/Torch" "/usr/lib/$(gcc -print-multiarch 2> /dev/null || echo x86_64-linux-gnu)/cmake/Torch"; do
  if [[ -f "$candidate/TorchConfig.cmake" ]]; then torch_dir="$candidate"; break; fi
done
if (( cuda )); then
  device=cuda
  sizes=(256 512)
  gpus="$(nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2> /dev/null | paste -sd ';' || true)"
  where="CUDA: $devices device(s)${gpus:+: $gpus}"
else
  device=cpu
  if (( full )); then sizes=(256 512); else sizes=(256); fi
  where="no CUDA device: torch.cuda.is_available() is False here, so the CPU-only path runs (CPU checked against CPU, ${sizes[*]} pixels)"
fi
batches=(1 8 32)
say "Python $python: torch $torch_version at $torch_root, CXX11 ABI $abi; Torch_DIR ${torch_dir:-(none found)}"
say "$where"
[[ -x "$bundle/twin/twin" ]] || { echo "run.sh: $bundle/twin/twin is missing: run tools/gpu/prepare.sh where .NET is, and carry tools/gpu/bundle" >&2; exit 2; }
build="$(mktemp -d "${TMPDIR:-/tmp}/twin-shim-XXXXXX")"
trap 'rm -rf "$build"' EXIT
if (( dry )); then
  say "would build the shim in $build (cmake against ${torch_dir:-nothing}, else g++ against $torch_root), copy it into $bundle/twin,"
  say "then run: twin model-bench $model --device $device --sizes ${sizes[*]} --batches ${batches[*]} --out $log"
  exit 0
fi

# 1. The shim. CMake first (the project's own build); a pip PyTorch's TorchConfig.cmake wants the CUDA toolkit
# (nvcc) at configure time, which a machine with only the driver lacks: then g++ straight against torch's headers
# and libraries, with the same ABI flag and --no-as-needed (so libtorch_cuda registers CUDA).
shim="$build/libtwinworld_torch.so"
native="$root/src/TwinWorld.Torch/native"
if [[ -n "$torch_dir" ]] && command -v cmake > /dev/null \
    && cmake -S "$native" -B "$build/cmake" -DCMAKE_BUILD_TYPE=Release -DTorch_DIR="$torch_dir" -DCMAKE_CXX_FLAGS="-D_GLIBCXX_USE_CXX11_ABI=$abi" -Wno-dev > "$build/cmake.log" 2>&1 \
    && cmake --build "$build/cmake" -j "$(nproc)" >> "$build/cmake.log" 2>&1; then
  cp "$build/cmake/libtwinworld_torch.so" "$shim"
  say "shim built with CMake against $torch_dir ($(( SECONDS - started )) s)"
else
  say "CMake could not build the shim (last lines below); building it with g++ against $torch_root"
  tail -n 3 "$build/cmake.log" 2> /dev/null | sed 's/^/    /' || true
  cuda_libs=()
  [[ -e "$torch_root/lib/libtorch_cuda.so" ]] && cuda_libs=(-ltorch_cuda -lc10_cuda)
  g++ -std=c++17 -O2 -fPIC -shared -fvisibility=hidden -Wno-deprecated-declarations -D_GLIBCXX_USE_CXX11_ABI="$abi" \
    -I"$torch_root/include" -I"$torch_root/include/torch/csrc/api/include" "$native/twinworld_torch.cpp" -o "$shim" \
    -L"$torch_root/lib" -Wl,--no-as-needed -ltorch -ltorch_cpu -lc10 "${cuda_libs[@]}" -Wl,-rpath,"$torch_root/lib"
  say "shim built with g++ ($(( SECONDS - started )) s)"
fi
cp "$shim" "$bundle/twin/libtwinworld_torch.so"

# 2 and 3. The check and the benchmark; the figures go to $log too. A time limit well inside the machine's 10 minutes.
{
  echo "# GPU check $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(cut -c1-12 "$bundle/COMMIT" 2> /dev/null || echo unknown)"
  echo
  echo "- Machine: $(nproc) CPU cores; $where"
  echo "- PyTorch $torch_version ($python), CXX11 ABI $abi"
  echo
} > "$log"
status=0
timeout 270 "$bundle/twin/twin" model-bench "$model" --device "$device" --check-against cpu --sizes "${sizes[@]}" --batches "${batches[@]}" \
  --threads "$(nproc)" --out "$log.part" || status=$?
[[ -f "$log.part" ]] && cat "$log.part" >> "$log" && rm -f "$log.part"
case $status in
  0) say "done in $(( SECONDS - started )) s; the figures are in $log" ;;
  1) say "CHECK FAILED: the $device frames are not within tolerance of the CPU's (figures in $log)" ;;
  124) say "the benchmark ran past 270 s and was stopped; what it had is not in $log" ;;
  *) say "the benchmark failed (exit $status)" ;;
esac
exit $status
