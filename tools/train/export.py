"""Exports a trained checkpoint as the contract's TorchScript model plus its manifest (protocol/world-model.md).

    /usr/bin/python3 tools/train/export.py --work WORK --out tools/train/reference [--name NAME]

Writes OUT/NAME.pt (forward takes layout, continuous, world and globals by name and returns the
uint8 frame), OUT/NAME.json (the manifest, contract 2, no context frames) and OUT/metrics.json
(train.py's, with the file size).
"""
import argparse
import json
import os

import torch

from model import INPUTS, ContractModel, TileNet

LIMIT_BYTES = 20 * 1024 * 1024


CONTRACT_INPUTS = ("layout", "continuous", "world", "globals", "context")

# What each contract version's inputs are (protocol/world-model.md): contract 1 models still load in the server.
CONTRACTS = {
    2: {"name": "twinworld.world-model/2", "layout_classes": 26, "continuous": 6},
    1: {"name": "twinworld.world-model/1", "layout_classes": 21, "continuous": 3},
}


def manifest(name: str, height: int, width: int, context: int, max_batch: int, inputs=CONTRACT_INPUTS, contract: int = 2) -> dict:
    """The model's manifest (protocol/world-model.md), declaring the contract inputs it takes."""
    version = CONTRACTS[contract]
    shapes = {
        "layout": ("uint8", ["B", 1, height, width]),
        "continuous": ("float32", ["B", version["continuous"], height, width]),
        "world": ("float32", ["B", 3, height, width]),
        "globals": ("float32", ["B", 16]),
        "context": ("uint8", ["B", context, 3, height, width]),
    }
    if contract == 1 and "world" in inputs:
        raise ValueError("contract 1 has no world input")
    return {
        "contract": version["name"],
        "name": name,
        "model": name + ".pt",
        "resolution": [height, width],
        "context_frames": context,
        "steps": 1,
        "layout_classes": version["layout_classes"],
        "max_batch": max_batch,
        "inputs": [{"name": n, "dtype": shapes[n][0], "shape": shapes[n][1]} for n in inputs],
        "outputs": [{"name": "frame", "dtype": "uint8", "shape": ["B", 3, height, width]}],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", required=True, help="train.py's --out folder")
    parser.add_argument("--out", required=True)
    parser.add_argument("--name", default="reference-tile-256")
    parser.add_argument("--max-batch", type=int, default=32)
    args = parser.parse_args()

    checkpoint = torch.load(os.path.join(args.work, "checkpoint.pt"))
    config = checkpoint["config"]
    height, width = config["resolution"]
    net = TileNet(**config["network"])
    net.load_state_dict(checkpoint["state"])
    eager = ContractModel(net).eval()
    scripted = torch.jit.freeze(torch.jit.script(eager))

    # The exported module must compute what the trained one does, at every batch size it may get.
    generator = torch.Generator().manual_seed(0)
    for batch in (1, 3):
        inputs = {
            "layout": torch.randint(0, 26, (batch, 1, height, width), dtype=torch.uint8, generator=generator),
            "continuous": torch.rand(batch, 6, height, width, generator=generator),
            "world": torch.rand(batch, 3, height, width, generator=generator) * 1024,
            "globals": torch.rand(batch, 16, generator=generator) * 2 - 1,
        }
        with torch.inference_mode():
            expected = eager(**inputs)
            actual = scripted(**inputs)
        if actual.dtype != torch.uint8 or actual.shape != (batch, 3, height, width):
            raise SystemExit(f"the exported model returned {actual.dtype} {tuple(actual.shape)}")
        if (actual.int() - expected.int()).abs().max() > 1:
            raise SystemExit("the exported model differs from the trained one")

    os.makedirs(args.out, exist_ok=True)
    model_path = os.path.join(args.out, args.name + ".pt")
    scripted.save(model_path)
    size = os.path.getsize(model_path)
    if size > LIMIT_BYTES:
        raise SystemExit(f"{model_path} is {size} bytes, over the {LIMIT_BYTES}-byte limit")
    with open(os.path.join(args.out, args.name + ".json"), "w") as f:
        json.dump(manifest(args.name, height, width, 0, args.max_batch, INPUTS), f, indent=2)
        f.write("\n")
    with open(os.path.join(args.work, "metrics.json")) as f:
        metrics = json.load(f)
    metrics["export"] = {"model": args.name + ".pt", "bytes": size}
    with open(os.path.join(args.out, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2)
        f.write("\n")
    print(f"exported {model_path} ({size / 1e6:.1f} MB) with its manifest and metrics")


if __name__ == "__main__":
    main()
