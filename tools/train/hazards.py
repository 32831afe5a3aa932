"""Do hazards survive in the model's frames? A small per-pixel classifier learns, from the reference
renderer's frames alone, to tell fire, smoke, water, the tornado, damaged roofs and people from the
rest by their look (RGB in a 7 x 7 neighbourhood); applied to the renderer's and the model's frames
of the held-out runs, the share of each hazard's pixels (by the layout) it recognises shows how much
of the hazard the model draws recognisably. The renderer's share is the classifier's own ceiling.
"""
from typing import Dict, List

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn

# Groups of layout classes (protocol/world-model.md) and the name each is reported under; the rest is "other".
GROUPS = {
    "fire": [13],
    "smoke": [15],
    "water": [10, 11, 12],
    "tornado": [23, 24],
    "damaged_roof": [9],
    "people": [16, 17, 18, 19, 20, 21, 22],
}
NAMES = list(GROUPS) + ["other"]


def group_of(layout: Tensor) -> Tensor:
    """uint8 layout [B, 1, H, W] -> group index [B, H, W] (the last, 'other', for everything else)."""
    table = torch.full((256,), len(GROUPS), dtype=torch.long)
    for i, classes in enumerate(GROUPS.values()):
        table[classes] = i
    return table[layout[:, 0].long()]


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, 24, 3, padding=1), nn.SiLU(), nn.Conv2d(24, 24, 3, padding=1), nn.SiLU(),
                                 nn.Conv2d(24, 24, 3, padding=1), nn.SiLU(), nn.Conv2d(24, len(NAMES), 1))

    def forward(self, frames: Tensor) -> Tensor:
        return self.net(frames.float() / 255.0)


def train_classifier(data, steps: int = 400, batch: int = 8, seed: int = 3) -> Classifier:
    """Trained on the renderer's frames of the training runs, each group weighted by how rare it is."""
    rng = np.random.default_rng(seed)
    torch.manual_seed(seed)
    sample = data.batch(np.sort(rng.choice(data.count, size=min(64, data.count), replace=False)))
    counts = torch.bincount(group_of(sample["layout"]).flatten(), minlength=len(NAMES)).float()
    weights = (counts.sum() / counts.clamp(min=1)).clamp(max=2000) ** 0.5
    classifier = Classifier()
    optimizer = torch.optim.Adam(classifier.parameters(), lr=3e-3)
    size = min(96, data.height, data.width)
    for _ in range(steps):
        b = data.batch(np.sort(rng.choice(data.count, size=min(batch, data.count), replace=False)))
        top = int(rng.integers(0, data.height - size + 1))
        left = int(rng.integers(0, data.width - size + 1))
        frames = b["target"][..., top:top + size, left:left + size]
        labels = group_of(b["layout"])[..., top:top + size, left:left + size]
        loss = F.cross_entropy(classifier(frames), labels, weight=weights)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return classifier.eval()


def recognised(classifier: Classifier, frames: List[Tensor], layouts: List[Tensor]) -> Dict[str, Dict[str, float]]:
    """For each group: its pixels in the layouts and the share of them the classifier calls that group."""
    hits = torch.zeros(len(NAMES))
    totals = torch.zeros(len(NAMES))
    with torch.inference_mode():
        for frame, layout in zip(frames, layouts):
            truth = group_of(layout)
            guess = classifier(frame).argmax(1)
            totals += torch.bincount(truth.flatten(), minlength=len(NAMES)).float()
            hits += torch.bincount(truth[guess == truth].flatten(), minlength=len(NAMES)).float()
    return {name: {"pixels": int(totals[i]), "recognised": round(float(hits[i] / totals[i]), 3) if totals[i] > 0 else None}
            for i, name in enumerate(NAMES)}
