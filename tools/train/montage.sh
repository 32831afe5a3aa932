#!/usr/bin/env bash
# Films each hazard scenario twice, with the reference model and with the reference renderer alone, and puts one
# tick of every camera side by side: tools/train/reference/model-vs-renderer-<scenario>.png (renderer left, model
# right, a camera a row; quantised to 128 colours to stay small). Needs ImageMagick (apt-get install imagemagick).
#
#   tools/train/montage.sh                   # the committed model
#   MODEL=path/to/model.json tools/train/montage.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/tools/train/reference"
model="${MODEL:-$out/reference-tile-256.json}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v montage >/dev/null || { echo "montage.sh: needs ImageMagick's montage (apt-get install imagemagick)" >&2; exit 2; }

# scenario, how far to run it: the frame filmed last is the one shown (a frame every 10 s of simulated time)
for run in "wildfire-wui 8m" "coastal-tsunami 11m" "tornado-town 1m50s"; do
  read -r scenario until <<<"$run"
  for source in model renderer; do
    choice=("--model" "$model"); [ "$source" = renderer ] && choice=("--model" "renderer")
    "$root/tools/twin" run "$root/scenarios/$scenario.yaml" --headless --until "$until" --frames "$work/$scenario/$source" \
      --fps 0.1 --deadline 30s "${choice[@]}" > /dev/null
  done
  tiles=()
  for camera in "$work/$scenario/model"/*/; do
    camera="$(basename "$camera")"
    last="$(ls "$work/$scenario/model/$camera" | sort | tail -1)"
    tiles+=(-label "$camera, renderer" "$work/$scenario/renderer/$camera/$last" -label "$camera, model" "$work/$scenario/model/$camera/$last")
  done
  montage "${tiles[@]}" -tile 2x -geometry +4+4 -font DejaVu-Sans -pointsize 14 -colors 128 "PNG8:$out/model-vs-renderer-$scenario.png"
  echo "montage.sh: $out/model-vs-renderer-$scenario.png (tick ${last%.jpg})"
done
