"""The reference world model: a small conditional U-Net (protocol/world-model.md, contract 2).

Per pixel it sees the layout (one-hot), the continuous planes, its world point as periodic features
(sin and cos of x and y at periods of 4, 16, 64 and 256 m) and the camera's K previous frames;
the global vector modulates every block (FiLM). Its head predicts an RGB image and a per-pixel gate
that chooses between that image and the newest context frame, so what does not change is copied
and what does (spreading water or fire, a moving camera, the first frame of a camera) is generated.
"""
from typing import List

import torch
import torch.nn.functional as F
from torch import Tensor, nn

LAYOUT_CLASSES = 26
CONTINUOUS = 6
WORLD = 3
GLOBALS = 16
# Periods (m) of the world points' features: a figure, a house, a block, a neighbourhood.
WORLD_PERIODS = (4.0, 16.0, 64.0, 256.0)
WORLD_FEATURES = 4 * len(WORLD_PERIODS)


def world_features(world: Tensor) -> Tensor:
    """world [B, 3, H, W] in metres to [B, 16, H, W]: sin and cos of 2 pi x / P and 2 pi y / P for each period P."""
    planes: List[Tensor] = []
    for period in [4.0, 16.0, 64.0, 256.0]:  # WORLD_PERIODS, spelled out for TorchScript
        for axis in range(2):
            angle = world[:, axis] * (2.0 * 3.141592653589793 / period)
            planes.append(torch.sin(angle))
            planes.append(torch.cos(angle))
    return torch.stack(planes, dim=1)


class FilmBlock(nn.Module):
    """Two 3x3 convolutions with group norm; the globals scale and shift the features in between."""

    def __init__(self, inputs: int, outputs: int, embedding: int):
        super().__init__()
        self.conv1 = nn.Conv2d(inputs, outputs, 3, padding=1)
        self.norm1 = nn.GroupNorm(8, outputs)
        self.film = nn.Linear(embedding, 2 * outputs)
        self.conv2 = nn.Conv2d(outputs, outputs, 3, padding=1)
        self.norm2 = nn.GroupNorm(8, outputs)

    def forward(self, x: Tensor, embedded: Tensor) -> Tensor:
        h = self.norm1(self.conv1(x))
        scale, shift = self.film(embedded).unsqueeze(-1).unsqueeze(-1).chunk(2, dim=1)
        h = F.silu(h * (1 + scale) + shift)
        return F.silu(self.norm2(self.conv2(h)))


class ReferenceUNet(nn.Module):
    """Float in, float out: layout one-hot, continuous and context in [0, 1], world features in [-1, 1]; RGB in [0, 1]."""

    def __init__(self, context_frames: int = 2, widths: List[int] = [32, 64, 96], embedding: int = 64):
        super().__init__()
        self.context_frames = context_frames
        channels = LAYOUT_CLASSES + CONTINUOUS + WORLD_FEATURES + 3 * context_frames
        self.embed = nn.Sequential(nn.Linear(GLOBALS, embedding), nn.SiLU(), nn.Linear(embedding, embedding), nn.SiLU())
        self.stem = FilmBlock(channels, widths[0], embedding)
        self.down = nn.ModuleList([FilmBlock(widths[i], widths[i + 1], embedding) for i in range(len(widths) - 1)])
        self.middle = FilmBlock(widths[-1], widths[-1], embedding)
        self.up = nn.ModuleList([FilmBlock(widths[i + 1] + widths[i], widths[i], embedding) for i in reversed(range(len(widths) - 1))])
        self.head = nn.Conv2d(widths[0], 4, 1)

    def forward(self, layout: Tensor, continuous: Tensor, world: Tensor, globals: Tensor, context: Tensor) -> Tensor:
        """layout [B, 26, H, W] one-hot, continuous [B, 6, H, W], world features [B, 16, H, W], globals [B, 16], context [B, K, 3, H, W]."""
        batch, frames, _, height, width = context.shape
        x = torch.cat([layout, continuous, world, context.reshape(batch, frames * 3, height, width)], dim=1)
        embedded = self.embed(globals)
        h = self.stem(x, embedded)
        skips: List[Tensor] = []
        for block in self.down:
            skips.append(h)
            h = block(F.avg_pool2d(h, 2), embedded)
        h = self.middle(h, embedded)
        for block in self.up:
            skip = skips.pop()
            h = block(torch.cat([F.interpolate(h, scale_factor=2.0, mode="nearest"), skip], dim=1), embedded)
        out = self.head(h)
        rgb = torch.sigmoid(out[:, :3])
        gate = torch.sigmoid(out[:, 3:4])
        newest = context[:, -1]
        return gate * newest + (1 - gate) * rgb


def one_hot_layout(layout: Tensor, classes: int) -> Tensor:
    """uint8 [B, 1, H, W] class indices to float [B, classes, H, W]."""
    return F.one_hot(layout[:, 0].long().clamp(0, classes - 1), classes).permute(0, 3, 1, 2).float()


class ContractModel(nn.Module):
    """The contract's forward: uint8 and float32 tensors by name in, uint8 frame [B, 3, H, W] out."""

    def __init__(self, net: ReferenceUNet):
        super().__init__()
        self.net = net
        self.classes = LAYOUT_CLASSES

    def forward(self, layout: Tensor, continuous: Tensor, world: Tensor, globals: Tensor, context: Tensor) -> Tensor:
        rgb = self.net(one_hot_layout(layout, self.classes), continuous, world_features(world), globals, context.float() / 255.0)
        return (rgb.clamp(0, 1) * 255).round().to(torch.uint8)
