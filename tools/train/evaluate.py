"""The reference model's report on held-out runs (tools/train/README.md says what each figure means)."""
from typing import Dict, List

import numpy as np
import torch
from torch import Tensor

from hazards import recognised, train_classifier
from metrics import mse, psnr, sharpness, ssim
from model import INPUTS

ROLLOUT_TAIL = 10  # the frames scored as "after the rollout": the last 5 s of each 60 s run (0.5 s apart)


def generate(model, data, batch: int = 8) -> List[Tensor]:
    """The model's frame for every sample, in order."""
    frames: List[Tensor] = []
    with torch.inference_mode():
        for start in range(0, data.count, batch):
            b = data.batch(np.arange(start, min(start + batch, data.count)))
            frames.extend(model(*(b[name] for name in INPUTS)))
    return frames


def scores(frames: List[Tensor], targets: List[Tensor]) -> Dict[str, float]:
    """PSNR of the pooled error and mean SSIM, 64 frames at a time (SSIM's planes of a thousand frames would not fit)."""
    errors, similarities = [], []
    for start in range(0, len(frames), 64):
        a, b = torch.stack(frames[start:start + 64]), torch.stack(targets[start:start + 64])
        errors.append(mse(a, b))
        similarities.append(ssim(a, b))
    return {"psnr_db": round(psnr(float(torch.cat(errors).mean())), 2), "ssim": round(float(torch.cat(similarities).mean()), 4)}


def holdout_metrics(model, holdouts, train_data, classifier_steps: int = 400) -> Dict[str, object]:
    """Per camera mode over the held-out runs: the model against the renderer and against copying the last
    frame; each 60 s run as a whole and at its end; sharpness against the renderer's; hazards recognised."""
    by_camera: Dict[str, Dict[str, List[Tensor]]] = {}
    runs, frames_all, targets_all, layouts_all = [], [], [], []
    change_generated, change_renderer = [], []
    for data in holdouts:
        generated = generate(model, data)
        for source in data.sources:
            b = data.batch(np.arange(source.start, source.start + source.count))
            frames = generated[source.start:source.start + source.count]
            targets = list(b["target"])
            frames_all.extend(frames)
            targets_all.extend(targets)
            layouts_all.extend(b["layout"][i:i + 1] for i in range(source.count))
            camera = by_camera.setdefault(source.camera, {"model": [], "copy": [], "target": []})
            for i in range(source.count):
                if bool(b["context"][i, -1].any()):  # a frame to copy
                    camera["model"].append(frames[i])
                    camera["copy"].append(b["context"][i, -1])
                    camera["target"].append(targets[i])
            runs.append({"run": source.scenario, "camera": source.camera, "seconds": round(source.count * 0.5, 1),
                         "whole": scores(frames, targets), "end": scores(frames[-ROLLOUT_TAIL:], targets[-ROLLOUT_TAIL:])})
            stack, reference = torch.stack(frames).float(), torch.stack(targets).float()
            change_generated.append(float((stack[1:] - stack[:-1]).abs().mean()))
            change_renderer.append(float((reference[1:] - reference[:-1]).abs().mean()))
    per_camera = {
        name: {"frames": len(c["model"]), "model": scores(c["model"], c["target"]), "copy_last_frame": scores(c["copy"], c["target"])}
        for name, c in sorted(by_camera.items())
    }
    classifier = train_classifier(train_data, classifier_steps)
    return {
        "runs": sorted({r["run"] for r in runs}),
        "frames": len(frames_all),
        "all": scores(frames_all, targets_all),
        "by_camera": per_camera,
        "rollout": {
            "runs": runs,
            "end_psnr_db_min": min(r["end"]["psnr_db"] for r in runs),
            "frame_change_generated": round(float(np.mean(change_generated)), 2),
            "frame_change_renderer": round(float(np.mean(change_renderer)), 2),
        },
        "sharpness": {
            "model": round(float(torch.cat([sharpness(f.unsqueeze(0)) for f in frames_all]).mean()), 2),
            "renderer": round(float(torch.cat([sharpness(t.unsqueeze(0)) for t in targets_all]).mean()), 2),
        },
        "hazards_recognised": {
            "renderer": recognised(classifier, [f.unsqueeze(0) for f in targets_all], layouts_all),
            "model": recognised(classifier, [f.unsqueeze(0) for f in frames_all], layouts_all),
        },
    }
