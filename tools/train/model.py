"""The reference world model v2 (protocol/world-model.md, contract 2): a conditional renderer.

The conditions already say what is where, so the network only has to learn how it looks. Its parts:

- a learned **texture tile** over 64 x 64 m (the reference renderer's textures repeat every 64 m,
  TextureNoise.PeriodMetres), 4 channels at 0.25 m, sampled at each pixel's world point (`world`,
  wrapped): textures stay on their places from frame to frame and from camera to camera;
- a learned **embedding** of each pixel's layout class;
- a **low-resolution core**: the per-pixel features (embedding, the 6 continuous planes, the texture
  samples) are folded 4 x 4 into channels (space to depth), mixed by 1 x 1 convolutions at 1/4 of the
  resolution, and passed through 3 x 3 convolutions at 1/8 (glow, smoke, light, edges); the global
  vector (time of day, wind, hazards) scales and shifts the features (FiLM);
- a **per-pixel head**: 1 x 1 convolutions back to 4 x 4 RGB values per block, unfolded (depth to
  space), plus a linear path from each pixel's own features, so a one-pixel figure or a fine texture
  stays sharp.

All the convolution work is at 1/4 and 1/8 of the resolution, which is what makes 256 x 256 fast on
a CPU. It does not use the context frames: each frame is drawn from the authoritative state, so a
rollout cannot drift and there is nothing to flicker that the state does not move.
"""
from typing import List

import torch
import torch.nn.functional as F
from torch import Tensor, nn

LAYOUT_CLASSES = 26
CONTINUOUS = 6
GLOBALS = 16
PERIOD_METRES = 64.0  # TextureNoise.PeriodMetres in src/TwinWorld.Generation/Rendering
FOLD = 4
# The contract inputs the model's forward takes, in its order (no context frames).
INPUTS = ("layout", "continuous", "world", "globals")


class TileNet(nn.Module):
    """Float in, float out: layout as class indices, continuous in [0, 1], world in metres; RGB about [0, 1],
    not clamped (training needs the gradient outside it; the contract wrapper clamps)."""

    def __init__(self, embedding: int = 6, texture_channels: int = 4, texels: int = 256, width: int = 48, deep: int = 64):
        super().__init__()
        self.period = PERIOD_METRES
        self.fold = FOLD
        self.classes = nn.Embedding(LAYOUT_CLASSES, embedding)
        self.texture = nn.Parameter(torch.randn(1, texture_channels, texels, texels) * 0.1)
        blocks = FOLD * FOLD
        # Folded embedding, continuous planes and texture samples; then footprint, orientation, aspect and the
        # pixel's place in the frame (how high in the sky it is depends on it).
        sizes = [embedding * blocks, CONTINUOUS * blocks, texture_channels * blocks, 6]
        self.mix = nn.ModuleList([nn.Conv2d(n, width, 1, bias=i == 0) for i, n in enumerate(sizes)])
        self.direct = nn.ModuleList([nn.Conv2d(n, 3 * blocks, 1, bias=i == 0) for i, n in enumerate(sizes)])
        self.film = nn.Sequential(nn.Linear(GLOBALS, 64), nn.SiLU(), nn.Linear(64, 2 * width))
        self.down1 = nn.Conv2d(width, deep, 3, padding=1)
        self.down2 = nn.Conv2d(deep, deep, 3, padding=2, dilation=2)
        self.down3 = nn.Conv2d(deep, width, 3, padding=1)
        self.head = nn.Conv2d(width, 3 * blocks, 1)

    def sample_texture(self, world: Tensor) -> Tensor:
        """The tile at each pixel's world point [B, 3, H, W] -> [B, C, H, W], bilinear, wrapping at the period."""
        texels = self.texture.shape[-1]
        padded = F.pad(self.texture, (1, 1, 1, 1), mode="circular")
        at = torch.remainder(world[:, :2], self.period) * (texels / self.period) + 0.5  # texel centres, in the padded tile
        grid = (at * (2.0 / (texels + 1)) - 1).permute(0, 2, 3, 1)
        return F.grid_sample(padded.expand(world.shape[0], -1, -1, -1), grid, mode="bilinear", padding_mode="border", align_corners=True)

    def view_features(self, world: Tensor, height: int, width: int) -> Tensor:
        """Per block: log2 of a pixel's footprint on the ground (m), the screen's right in the world (unit x, y),
        how stretched a pixel is (perspective), and the block's place in the frame."""
        f = self.fold
        w = world[:, :2, ::f, ::f]
        across = F.pad(w[..., 1:] - w[..., :-1], (0, 1, 0, 0), mode="replicate") / f
        down = F.pad(w[..., 1:, :] - w[..., :-1, :], (0, 0, 0, 1), mode="replicate") / f
        wide = across.square().sum(1, keepdim=True).sqrt().clamp(0.01, 64.0)
        tall = down.square().sum(1, keepdim=True).sqrt().clamp(0.01, 64.0)
        footprint = torch.log2(torch.minimum(wide, tall)) / 6
        aspect = torch.log2(tall / wide) / 6
        rows = torch.linspace(-1.0, 1.0, height // f).view(1, 1, -1, 1).expand(w.shape[0], 1, height // f, width // f)
        columns = torch.linspace(-1.0, 1.0, width // f).view(1, 1, 1, -1).expand(w.shape[0], 1, height // f, width // f)
        return torch.cat([footprint, across / wide, aspect, rows, columns], 1)

    def forward(self, layout: Tensor, continuous: Tensor, world: Tensor, globals: Tensor) -> Tensor:
        f = self.fold
        batch, height, width = layout.shape[0], layout.shape[2], layout.shape[3]
        embedded = self.classes(layout[:, 0].long())  # [B, H, W, E], folded below without a full-size copy in between
        embedded = embedded.reshape(batch, height // f, f, width // f, f, -1).permute(0, 5, 2, 4, 1, 3).reshape(batch, -1, height // f, width // f)
        parts: List[Tensor] = [embedded, F.pixel_unshuffle(continuous, f), F.pixel_unshuffle(self.sample_texture(world), f),
                               self.view_features(world, height, width)]
        mixed = parts[0].new_zeros(1)
        direct = parts[0].new_zeros(1)
        # One 1 x 1 convolution per part, summed: the same as one over their concatenation, without copying them together.
        for i, (mix, straight) in enumerate(zip(self.mix, self.direct)):
            mixed = mixed + mix(parts[i])
            direct = direct + straight(parts[i])
        scale, shift = self.film(globals).unsqueeze(-1).unsqueeze(-1).chunk(2, 1)
        h = F.silu(mixed * (1 + scale) + shift)
        c = F.avg_pool2d(h, 2)
        c = self.down3(F.silu(self.down2(F.silu(self.down1(c)))))
        h = F.silu(h + F.interpolate(c, scale_factor=2.0, mode="nearest"))
        return F.pixel_shuffle(self.head(h) + direct, f)


class ContractModel(nn.Module):
    """The contract's forward: uint8 and float32 tensors by name in, uint8 frame [B, 3, H, W] out.

    On a CPU it runs a batch two cameras at a time: at 256 x 256 the activations of a whole batch of 8
    overflow the caches, and on the 2-core machine two at a time made 72 frames/s where all 8 at once
    made 15 (one at a time 63). A GPU gets the whole batch in one go.
    """

    def __init__(self, net: TileNet, chunk: int = 2):
        super().__init__()
        self.net = net
        self.chunk = chunk

    def forward(self, layout: Tensor, continuous: Tensor, world: Tensor, globals: Tensor) -> Tensor:
        frames: List[Tensor] = []
        chunk = layout.shape[0] if layout.is_cuda else self.chunk
        for i in range(0, layout.shape[0], chunk):
            j = i + chunk
            rgb = self.net(layout[i:j], continuous[i:j], world[i:j], globals[i:j])
            frames.append((rgb.clamp(0, 1) * 255).round().to(torch.uint8))
        return torch.cat(frames)
