"""Reads a training dataset written by `twin dataset` (the format is in tools/train/DATASET.md).

A dataset is a folder with dataset.json and samples.bin: N fixed-size little-endian records of
layout, continuous planes, world planes, globals, K context frames and the renderer's target frame
(contract 2, protocol/world-model.md). Samples of one source (one camera over one scenario run) are
consecutive frames, in order.
"""
import json
import os
from dataclasses import dataclass
from typing import Dict, List, Sequence

import numpy as np
import torch

CONTRACT = "twinworld.world-model/2"
CONTINUOUS = 6
WORLD = 3
GLOBALS = 16


def record_bytes(height: int, width: int, context: int) -> int:
    pixels = height * width
    return pixels + 4 * CONTINUOUS * pixels + 4 * WORLD * pixels + 4 * GLOBALS + 3 * context * pixels + 3 * pixels


@dataclass
class Source:
    scenario: str
    seed: int
    camera: str
    start: int
    count: int


class Dataset:
    def __init__(self, folder: str):
        with open(os.path.join(folder, "dataset.json")) as f:
            meta = json.load(f)
        if meta.get("contract") != CONTRACT:
            raise ValueError(f"{folder}: contract is {meta.get('contract')!r}, expected {CONTRACT!r} (make it again with tools/twin dataset)")
        self.height, self.width = (int(v) for v in meta["resolution"])
        self.context_frames = int(meta["context_frames"])
        self.count = int(meta["count"])
        self.record = int(meta["record_bytes"])
        expected = record_bytes(self.height, self.width, self.context_frames)
        if self.record != expected:
            raise ValueError(f"{folder}: record_bytes is {self.record}; {self.height}x{self.width} with K={self.context_frames} needs {expected}")
        path = os.path.join(folder, "samples.bin")
        size = os.path.getsize(path)
        if size != self.count * self.record:
            raise ValueError(f"{path}: {size} bytes; {self.count} records of {self.record} need {self.count * self.record}")
        self.records = np.memmap(path, dtype=np.uint8, mode="r", shape=(self.count, self.record))
        self.sources: List[Source] = []
        start = 0
        for s in meta["sources"]:
            self.sources.append(Source(s["scenario"], int(s["seed"]), str(s["camera"]), start, int(s["samples"])))
            start += int(s["samples"])
        if start != self.count:
            raise ValueError(f"{folder}: the sources hold {start} samples, count says {self.count}")
        pixels = self.height * self.width
        self._offsets = np.cumsum([0, pixels, 4 * CONTINUOUS * pixels, 4 * WORLD * pixels, 4 * GLOBALS, 3 * self.context_frames * pixels, 3 * pixels])

    def scenarios(self) -> List[str]:
        return sorted({s.scenario for s in self.sources})

    def indices(self, scenarios: Sequence[str]) -> np.ndarray:
        chosen = [np.arange(s.start, s.start + s.count) for s in self.sources if s.scenario in scenarios]
        return np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.int64)

    def batch(self, indices: Sequence[int]) -> Dict[str, torch.Tensor]:
        """The contract's tensors for these samples, plus the target frame: uint8 and float32 as on the wire."""
        rows = np.asarray(self.records[np.asarray(indices)])
        b, h, w, k = len(rows), self.height, self.width, self.context_frames
        o = self._offsets

        def part(i: int) -> np.ndarray:
            return rows[:, o[i]:o[i + 1]]

        return {
            "layout": torch.from_numpy(part(0).reshape(b, 1, h, w).copy()),
            "continuous": torch.from_numpy(part(1).copy().view("<f4").reshape(b, CONTINUOUS, h, w).astype(np.float32)),
            "world": torch.from_numpy(part(2).copy().view("<f4").reshape(b, WORLD, h, w).astype(np.float32)),
            "globals": torch.from_numpy(part(3).copy().view("<f4").reshape(b, GLOBALS).astype(np.float32)),
            "context": torch.from_numpy(part(4).reshape(b, k, 3, h, w).copy()),
            "target": torch.from_numpy(part(5).reshape(b, 3, h, w).copy()),
        }


def write(folder: str, height: int, width: int, context: int, sources: List[dict], samples: List[Dict[str, np.ndarray]]) -> None:
    """Writes a dataset in the same format (the synthetic generator and the tests use it)."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "samples.bin"), "wb") as f:
        for s in samples:
            f.write(np.ascontiguousarray(s["layout"], dtype=np.uint8).tobytes())
            f.write(np.ascontiguousarray(s["continuous"], dtype="<f4").tobytes())
            f.write(np.ascontiguousarray(s["world"], dtype="<f4").tobytes())
            f.write(np.ascontiguousarray(s["globals"], dtype="<f4").tobytes())
            f.write(np.ascontiguousarray(s["context"], dtype=np.uint8).tobytes())
            f.write(np.ascontiguousarray(s["target"], dtype=np.uint8).tobytes())
    meta = {
        "contract": CONTRACT,
        "resolution": [height, width],
        "context_frames": context,
        "count": len(samples),
        "record_bytes": record_bytes(height, width, context),
        "sources": sources,
    }
    with open(os.path.join(folder, "dataset.json"), "w") as f:
        json.dump(meta, f, indent=2)


class Combined:
    """Several datasets of one resolution read as one: samples numbered through them in order."""

    def __init__(self, parts: List[Dataset]):
        if not parts:
            raise ValueError("no datasets")
        sizes = {(p.height, p.width) for p in parts}
        if len(sizes) != 1:
            raise ValueError(f"the datasets have different resolutions: {sorted(sizes)}")
        self.parts = parts
        self.height, self.width = parts[0].height, parts[0].width
        self.count = sum(p.count for p in parts)
        self._starts = np.cumsum([0] + [p.count for p in parts])

    def scenarios(self) -> List[str]:
        return sorted({s for p in self.parts for s in p.scenarios()})

    def batch(self, indices: Sequence[int]) -> Dict[str, torch.Tensor]:
        indices = np.asarray(indices)
        part = np.searchsorted(self._starts, indices, side="right") - 1
        pieces = [self.parts[k].batch(indices[part == k] - self._starts[k]) for k in range(len(self.parts)) if (part == k).any()]
        order = np.argsort(np.concatenate([np.flatnonzero(part == k) for k in range(len(self.parts)) if (part == k).any()]), kind="stable")
        return {name: torch.cat([p[name] for p in pieces])[torch.from_numpy(order)] for name in pieces[0]}
