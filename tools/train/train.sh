#!/usr/bin/env bash
# Retrains the reference world model from scratch in one command: installs what is missing, builds
# the datasets with `tools/twin dataset` (the shipped scenarios, variants of them, held-out runs), trains (fixed seeds and steps: the same figures every run
# on the same machine), evaluates on the held-out runs and exports into tools/train/reference/.
#
#   tools/train/train.sh               # the real dataset, rendered from the shipped scenarios
#   tools/train/train.sh --synthetic   # a small synthetic dataset (tools/train/synthetic.py)
#   STEPS=300 tools/train/train.sh     # a shorter run (the committed model uses the default)
#   OUT=/tmp/model tools/train/train.sh --synthetic   # export somewhere else than tools/train/reference/
#   NAME=my-model tools/train/train.sh  # the exported model's name (default reference-tile-256)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tools/train"
work="$here/work"
python=/usr/bin/python3   # Debian's, with torch; the first python3 on PATH may lack it

packages=(python3-torch python3-numpy libopenblas0-openmp)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "train: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

mkdir -p "$work"
if [ "${1:-}" = "--synthetic" ]; then
  echo "train: writing the synthetic datasets"
  (cd "$here" && "$python" synthetic.py "$work/synthetic" && "$python" synthetic.py "$work/synthetic-holdout" --seeds 1 --first-seed 90 --prefix heldout)
  data=(--data "$work/synthetic" --holdout "$work/synthetic-holdout")
else
  # The shipped scenarios and variants of them (another map, seeds and settings) to train on; held-out runs
  # on a map, seeds and settings of their own, filmed as 60 s runs up to where their hazard is under way.
  "$python" "$here/scenarios.py" "$root/scenarios" "$work/scenarios" > "$work/runs.txt"
  echo "train: rendering the datasets with tools/twin dataset"
  data=()
  while read -r set name until; do
    if [ "$set" = train ]; then
      # 200 samples a run (50 a camera) in bursts of 5 frames: many moments of each run.
      "$root/tools/twin" dataset --out "$work/$set/$name" --scenario "$work/scenarios/$set/$name.yaml" --samples 200 --burst 5 --until "$until"
      data+=(--data "$work/$set/$name")
    else
      # One 60 s run (120 frames) a camera, up to where the hazard is under way.
      "$root/tools/twin" dataset --out "$work/$set/$name" --scenario "$work/scenarios/$set/$name.yaml" --samples 480 --burst 120 --until "$until"
      data+=(--holdout "$work/$set/$name")
    fi
  done < "$work/runs.txt"
fi

(cd "$here" && "$python" train.py "${data[@]}" --out "$work" --steps "${STEPS:-8000}")
(cd "$here" && "$python" export.py --work "$work" --out "${OUT:-$here/reference}" --name "${NAME:-reference-tile-256}")
