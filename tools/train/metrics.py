"""Image quality measures for the reference model's report: PSNR and SSIM against the renderer."""
import math

import torch
import torch.nn.functional as F
from torch import Tensor


def mse(a: Tensor, b: Tensor) -> Tensor:
    """Per image, the mean squared error of uint8 or [0, 255] float tensors [B, C, H, W]."""
    return ((a.float() - b.float()) ** 2).flatten(1).mean(1)


def psnr(mean_squared_error: float) -> float:
    """In dB. Reported over a whole set from its pooled error: a mean of per-frame PSNRs would let
    the frames that happen to be exact (infinite PSNR) dominate."""
    return 10 * math.log10(255.0 ** 2 / max(mean_squared_error, 1e-10))


def _gaussian(size: int = 11, sigma: float = 1.5) -> Tensor:
    x = torch.arange(size, dtype=torch.float32) - (size - 1) / 2
    g = torch.exp(-(x ** 2) / (2 * sigma ** 2))
    return g / g.sum()


def ssim(a: Tensor, b: Tensor) -> Tensor:
    """Per image, the mean SSIM (Wang et al. 2004: 11x11 Gaussian window, sigma 1.5, K1 0.01, K2 0.03)
    over channels and valid window positions, for images [B, C, H, W] in [0, 255]."""
    x = a.float() / 255.0
    y = b.float() / 255.0
    channels = x.shape[1]
    g = _gaussian()
    window = (g[:, None] * g[None, :]).expand(channels, 1, 11, 11).contiguous()

    def blur(t: Tensor) -> Tensor:
        return F.conv2d(t, window, groups=channels)

    mx, my = blur(x), blur(y)
    vx = blur(x * x) - mx * mx
    vy = blur(y * y) - my * my
    cxy = blur(x * y) - mx * my
    c1, c2 = 0.01 ** 2, 0.03 ** 2
    s = ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2))
    return s.flatten(1).mean(1)


def sharpness(images: Tensor) -> Tensor:
    """Per image, the mean absolute difference between neighbouring pixels (0 to 255): a blurrier image has less."""
    x = images.float()
    across = (x[..., :, 1:] - x[..., :, :-1]).abs().flatten(1).mean(1)
    down = (x[..., 1:, :] - x[..., :-1, :]).abs().flatten(1).mean(1)
    return (across + down) / 2
