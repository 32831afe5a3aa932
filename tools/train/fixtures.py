"""Writes the small TorchScript test fixtures for TwinWorld.Torch.Tests and TorchWorldModel's tests.

Run with Debian's torch from the repository root: /usr/bin/python3 tools/train/fixtures.py
Each fixture computes something simple and exact from its inputs, so a test can tell whether the
C# side passed the right tensor under the right name, in the right layout, and read the result back.
"""
import json
import os

import torch
from torch import Tensor

from export import manifest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TORCH_FIXTURES = os.path.join(ROOT, "tests", "TwinWorld.Torch.Tests", "Fixtures")
MODEL_FIXTURES = os.path.join(ROOT, "tests", "TwinWorld.Generation.Tests", "Models", "TorchWorldModelFixtures")


class Mix(torch.nn.Module):
    """uint8 image [N, M] times float32 weights [M, P], rounded back to uint8 (the argument order is
    deliberately not the order tests pass them in)."""

    def forward(self, weights: Tensor, image: Tensor) -> Tensor:
        return torch.matmul(image.to(torch.float32), weights).clamp(0, 255).round().to(torch.uint8)


class Raises(torch.nn.Module):
    """Doubles x, and raises for a negative element: a module that fails inside forward."""

    def forward(self, x: Tensor) -> Tensor:
        if bool((x < 0).any()):
            raise ValueError("x must not be negative")
        return x * 2.0


class Probe(torch.nn.Module):
    """A world model whose frame exposes how its inputs were packed:
    R = 10 * layout + 5 * globals[15], G = 200 * continuous[1] (water depth),
    B = newest context frame's B + oldest context frame's R (mod 256)."""

    def forward(self, layout: Tensor, continuous: Tensor, globals: Tensor, context: Tensor) -> Tensor:
        red = layout[:, 0].to(torch.float32) * 10 + (globals[:, 15] * 5).reshape(-1, 1, 1)
        green = continuous[:, 1] * 200
        blue = (context[:, -1, 2].to(torch.int32) + context[:, 0, 0].to(torch.int32)) % 256
        frame = torch.stack([red, green, blue.to(torch.float32)], dim=1)
        return frame.clamp(0, 255).round().to(torch.uint8)


class ProbeV2(torch.nn.Module):
    """A contract-2 world model whose frame exposes how its inputs were packed:
    R = 10 * layout + 5 * globals[15], G = 200 * continuous[4] (the smoke plane, contract 2 only),
    B = newest context frame's B + floor(world x) (mod 256)."""

    def forward(self, layout: Tensor, continuous: Tensor, world: Tensor, globals: Tensor, context: Tensor) -> Tensor:
        red = layout[:, 0].to(torch.float32) * 10 + (globals[:, 15] * 5).reshape(-1, 1, 1)
        green = continuous[:, 4] * 200
        blue = (context[:, -1, 2].to(torch.int32) + torch.floor(world[:, 0]).to(torch.int32)) % 256
        frame = torch.stack([red, green, blue.to(torch.float32)], dim=1)
        return frame.clamp(0, 255).round().to(torch.uint8)


class LayoutOnly(torch.nn.Module):
    """Takes only layout (so the server must not pass the inputs its manifest leaves out): grey 3 * class."""

    def forward(self, layout: Tensor) -> Tensor:
        return (layout * 3).expand(-1, 3, -1, -1).contiguous()


class WrongShape(torch.nn.Module):
    """Breaks its manifest's promise: returns one plane instead of three."""

    def forward(self, layout: Tensor) -> Tensor:
        return layout


def save(module, folder, name):
    os.makedirs(folder, exist_ok=True)
    torch.jit.script(module).save(os.path.join(folder, name + ".pt"))


def main():
    save(Mix(), TORCH_FIXTURES, "mix")
    save(Raises(), TORCH_FIXTURES, "raises")
    # Not square, so a swapped width and height shows. The contract-1 fixtures check that such models are fed contract 1's inputs.
    for name, module, inputs, contract in [
        ("probe", Probe(), ["layout", "continuous", "globals", "context"], 1),
        ("probe-v2", ProbeV2(), ["layout", "continuous", "world", "globals", "context"], 2),
        ("layout-only", LayoutOnly(), ["layout"], 1),
        ("wrong-shape", WrongShape(), ["layout"], 1),
    ]:
        save(module, MODEL_FIXTURES, name)
        with open(os.path.join(MODEL_FIXTURES, name + ".json"), "w") as f:
            json.dump(manifest(name, 6, 8, 2, 4, inputs, contract), f, indent=2)
            f.write("\n")
    print("fixtures written to", TORCH_FIXTURES, "and", MODEL_FIXTURES)


if __name__ == "__main__":
    main()
