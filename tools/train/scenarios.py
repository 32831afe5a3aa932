"""Writes the scenario files the reference model's dataset is filmed from: the shipped scenarios plus
procedural variants of them (another map, run seed and hazard settings), and the held-out runs that
training never sees (a map, seeds and settings of their own). The variants are the shipped files
with a few values replaced; a replacement that no longer matches the shipped file stops the script.

    /usr/bin/python3 tools/train/scenarios.py SCENARIOS_DIR OUT_DIR

Writes OUT_DIR/train/<name>.yaml and OUT_DIR/holdout/<name>.yaml; prints, one run a line for train.sh,
`train NAME UNTIL` or `holdout NAME UNTIL`: how far to film the run (`twin dataset --until`), so that
its bursts, spread from the start to there, catch its hazard (a tornado crosses the town in 1 to 3 minutes).
"""
import os
import re
import sys
from typing import Dict, List, Tuple

SHIPPED_MAP = "procedural: {size: 512, seed: 7}"

Run = Tuple[str, str, Tuple[int, int], int, Dict[str, str], str]

# name, shipped scenario, map (size m, seed), run seed, parameter defaults replaced, how far to film it
TRAINING: List[Run] = [
    ("wildfire-wui", "wildfire-wui", (512, 7), 11, {}, "12m"),
    ("coastal-tsunami", "coastal-tsunami", (512, 7), 7, {}, "12m"),
    ("tornado-town", "tornado-town", (512, 7), 5, {}, "2m20s"),
    ("live-town", "live-town", (512, 7), 1, {}, "10m"),
    ("wildfire-wui-m21", "wildfire-wui", (768, 21), 12, {"wind_speed": "18", "shift_from": "200"}, "12m"),
    ("coastal-tsunami-m21", "coastal-tsunami", (768, 21), 8, {"wave_height": "10", "arrival": "5m"}, "12m"),
    ("tornado-town-m21", "tornado-town", (768, 21), 6, {"max_wind": "90", "speed": "8"}, "3m"),
]

# Held out: a map no training run has, seeds and settings of their own; one 60 s run a camera, up to the time given.
HOLDOUT: List[Run] = [
    ("holdout-wildfire", "wildfire-wui", (640, 33), 101, {"wind_speed": "14"}, "6m"),
    ("holdout-tsunami", "coastal-tsunami", (640, 33), 102, {"wave_height": "8"}, "11m"),
    ("holdout-tornado", "tornado-town", (640, 33), 103, {"max_wind": "75"}, "2m15s"),
]


def variant(text: str, name: str, source: str, size_seed: Tuple[int, int], seed: int, defaults: Dict[str, str]) -> str:
    def replace(pattern: str, replacement: str, what: str) -> None:
        nonlocal text
        text, n = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
        if n != 1:
            raise SystemExit(f"scenarios.py: {source}.yaml no longer has {what}; update tools/train/scenarios.py")

    replace(r"^scenario: .*$", f"scenario: {name}", "a 'scenario:' line")
    replace(r"^seed: \d+$", f"seed: {seed}", "a top-level 'seed:' line")
    replace(re.escape(SHIPPED_MAP), f"procedural: {{size: {size_seed[0]}, seed: {size_seed[1]}}}", f"the map '{SHIPPED_MAP}'")
    for parameter, value in defaults.items():
        replace(rf"^(  {parameter}: {{default: )[^,]+", rf"\g<1>{value}", f"the parameter '{parameter}'")
    return text


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    shipped, out = sys.argv[1], sys.argv[2]
    for folder in ("train", "holdout"):
        os.makedirs(os.path.join(out, folder), exist_ok=True)
    for folder, runs in (("train", TRAINING), ("holdout", HOLDOUT)):
        for name, source, size_seed, seed, defaults, until in runs:
            with open(os.path.join(shipped, source + ".yaml")) as f:
                text = variant(f.read(), name, source, size_seed, seed, defaults)
            with open(os.path.join(out, folder, name + ".yaml"), "w") as f:
                f.write(text)
            print(folder, name, until)


if __name__ == "__main__":
    main()
