#!/usr/bin/env bash
# Retrains the reference world model from scratch in one command: installs what is missing, builds
# the dataset with `tools/twin dataset`, trains (fixed seeds and steps: the same figures every run
# on the same machine), evaluates on a held-out scenario and exports into tools/train/reference/.
#
#   tools/train/train.sh               # the real dataset, rendered from the shipped scenarios
#   tools/train/train.sh --synthetic   # a small synthetic dataset (tools/train/synthetic.py)
#   STEPS=300 tools/train/train.sh     # a shorter run (the committed model uses the default)
#   OUT=/tmp/model tools/train/train.sh --synthetic   # export somewhere else than tools/train/reference/
#   NAME=my-model tools/train/train.sh  # the exported model's name (default reference-unet-v2)
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
holdout=()
if [ "${1:-}" = "--synthetic" ]; then
  dataset="$work/synthetic"
  holdout=(--holdout synthetic-calm)   # its classes all occur in the other two
  echo "train: writing the synthetic dataset"
  (cd "$here" && "$python" synthetic.py "$dataset")
else
  dataset="$work/dataset"
  # The tornado's town: its classes (town, damaged buildings, people) all occur in the other two
  # scenarios, so the held-out score measures generalisation, not classes never seen (fire, sea).
  holdout=(--holdout tornado-town)
  echo "train: rendering the dataset with tools/twin dataset"
  "$root/tools/twin" dataset --out "$dataset"
fi

(cd "$here" && "$python" train.py --data "$dataset" --out "$work" --steps "${STEPS:-3000}" "${holdout[@]}")
(cd "$here" && "$python" export.py --work "$work" --out "${OUT:-$here/reference}" --name "${NAME:-reference-unet-v2}")
