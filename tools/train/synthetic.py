"""A small synthetic dataset in the `twin dataset` format (contract 2), for developing and testing the
trainer without the C# renderer: a procedural overhead world (sea, beach, grass, forest, roads,
buildings, people) seen by a slowly panning camera while a flood rises or a fire spreads, drawn by a
toy renderer (a colour per class, shaded by elevation and daylight, with a texture fixed to the
ground, which the world planes locate: 2 m a pixel).

    /usr/bin/python3 tools/train/synthetic.py OUT_FOLDER [--frames 60] [--seeds 3] [--first-seed 1] [--prefix synthetic]
"""
import argparse
from typing import Dict, List

import numpy as np

from dataset import write

SIZE = 64
K = 2
WORLD = 160
METRES = 2.0  # a world cell (and a pixel) is 2 m
# One colour per contract-2 layout class (26), people in the reference renderer's key colours.
PALETTE = np.array([
    [135, 180, 230], [222, 205, 150], [96, 160, 70], [120, 140, 70], [40, 100, 45], [130, 130, 125],
    [70, 70, 75], [180, 175, 165], [190, 110, 90], [120, 80, 70], [110, 170, 200], [60, 120, 170],
    [25, 60, 120], [250, 140, 30], [45, 40, 35], [150, 150, 155], [51, 107, 230], [255, 107, 199],
    [153, 92, 230], [184, 194, 209], [191, 255, 26], [26, 217, 217], [242, 242, 242], [70, 72, 80],
    [128, 102, 74], [102, 84, 66]], dtype=np.float32)


def smooth_noise(rng: np.random.Generator, size: int, cells: int) -> np.ndarray:
    coarse = rng.random((cells + 1, cells + 1))
    x = np.linspace(0, cells, size, endpoint=False)
    i = x.astype(int)
    f = x - i
    rows = coarse[i] * (1 - f)[:, None] + coarse[i + 1] * f[:, None]
    return rows[:, i] * (1 - f)[None, :] + rows[:, i + 1] * f[None, :]


def world(seed: int):
    rng = np.random.default_rng(seed)
    elevation = 0.6 * smooth_noise(rng, WORLD, 5) + 0.25 * smooth_noise(rng, WORLD, 13) + np.linspace(-0.3, 0.4, WORLD)[None, :]
    vegetation = smooth_noise(rng, WORLD, 9)
    classes = np.where(vegetation > 0.62, 4, np.where(vegetation > 0.5, 3, 2)).astype(np.uint8)
    for _ in range(4):
        if rng.random() < 0.5:
            classes[rng.integers(0, WORLD), :] = 6
        else:
            classes[:, rng.integers(0, WORLD)] = 6
    for _ in range(40):
        x, y = rng.integers(0, WORLD - 6, 2)
        classes[y:y + rng.integers(2, 6), x:x + rng.integers(2, 6)] = 8
    people = np.zeros_like(classes)
    for _ in range(60):
        x, y = rng.integers(0, WORLD, 2)
        if classes[y, x] != 8:
            people[y, x] = rng.choice([16, 17, 18, 20, 21, 22])
    texture = rng.random((WORLD, WORLD)).astype(np.float32)
    return elevation.astype(np.float32), classes, texture, people


def frames(kind: str, seed: int, count: int) -> List[Dict[str, np.ndarray]]:
    rng = np.random.default_rng(seed + 1000)
    elevation, base, texture, people = world(seed)
    sea = 0.15
    yy, xx = np.mgrid[0:WORLD, 0:WORLD]
    fire_at = rng.integers(40, WORLD - 40, 2)
    x0, y0 = rng.integers(0, WORLD - SIZE - 40, 2).astype(float)
    vx, vy = rng.uniform(-0.4, 0.6, 2)
    hour = rng.uniform(7, 17)
    previous: List[np.ndarray] = []
    out = []
    for t in range(count):
        progress = t / max(count - 1, 1)
        level = sea + (0.25 * np.sin(np.pi * progress) if kind == "tsunami" else 0.0)
        depth = np.clip(level - elevation, 0, None)
        classes = base.copy()
        classes[(depth <= 0) & (elevation < sea + 0.04)] = 1
        classes[depth > 0] = np.where(depth[depth > 0] > 0.12, 12, np.where(depth[depth > 0] > 0.04, 11, 10))
        fire = np.zeros_like(elevation)
        smoke_plane = np.zeros_like(elevation)
        classes[(people > 0) & (depth <= 0)] = people[(people > 0) & (depth <= 0)]
        if kind == "wildfire":
            radius = 4 + 45 * progress
            distance = np.hypot(xx - fire_at[0], yy - fire_at[1])
            land = depth <= 0
            burning = land & (distance < radius) & (distance > radius - 5)
            classes[land & (distance <= radius - 5)] = 14
            classes[burning] = 13
            fire[burning] = 1.0
            smoke = land & (np.abs(distance - radius - 4) < 2) & (xx > fire_at[0])
            classes[smoke] = 15
            smoke_plane[smoke] = 0.9
        x, y = int(round(x0 + vx * t)), int(round(y0 + vy * t))
        window = (slice(y, y + SIZE), slice(x, x + SIZE))
        lay = classes[window]
        elev = elevation[window]
        h = hour + 0.05 * t
        daylight = 0.75 + 0.25 * np.cos(2 * np.pi * (h - 13) / 24)
        shade = 0.8 + 0.4 * np.clip(elev, 0, 1)
        image = PALETTE[lay] * (shade * daylight * (0.88 + 0.24 * texture[window]))[..., None]
        image[lay == 13] = PALETTE[13] * (0.8 + 0.4 * texture[window][lay == 13, None])
        target = np.clip(image, 0, 255).round().astype(np.uint8).transpose(2, 0, 1)
        context = np.zeros((K, 3, SIZE, SIZE), np.uint8)
        for k, frame in enumerate(previous[-K:][::-1]):
            context[K - 1 - k] = frame
        globals_ = np.zeros(16, np.float32)
        globals_[0:2] = np.sin(2 * np.pi * h / 24), np.cos(2 * np.pi * h / 24)
        globals_[4] = min(float(depth[window].max()) * 20 / 5, 1.0)
        globals_[5] = float(np.isin(lay, (13, 15)).mean())
        globals_[7:9] = (vx * 2 / 10, -vy * 2 / 10) if t > 0 else (0, 0)
        height = np.where(lay == 8, 7.0, np.where((lay >= 16) & (lay <= 22), 1.75, 0.0)) / 20
        world_planes = np.stack([
            np.broadcast_to(xx[window] * METRES, lay.shape),
            np.broadcast_to((WORLD - 1 - yy[window]) * METRES, lay.shape),  # rows run north to south
            elev * 20,
        ]).astype(np.float32)
        out.append({
            "layout": lay,
            "continuous": np.stack([np.clip(elev, 0, 1), np.clip(depth[window] * 4, 0, 1), fire[window], height,
                                    smoke_plane[window], np.zeros_like(elev)]).astype(np.float32),
            "world": world_planes,
            "globals": globals_,
            "context": context,
            "target": target,
        })
        previous.append(target)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--frames", type=int, default=60)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--prefix", default="synthetic", help="the runs' names start with it (held-out runs need names of their own)")
    args = parser.parse_args()
    sources, samples = [], []
    for kind in ("calm", "tsunami", "wildfire"):
        for seed in range(args.first_seed, args.first_seed + args.seeds):
            batch = frames(kind, seed, args.frames)
            sources.append({"scenario": f"{args.prefix}-{kind}", "seed": seed, "camera": "overhead", "samples": len(batch)})
            samples.extend(batch)
    write(args.out, SIZE, SIZE, K, sources, samples)
    print(f"{len(samples)} synthetic samples in {args.out}")


if __name__ == "__main__":
    main()
