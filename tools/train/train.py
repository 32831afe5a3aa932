"""Trains the reference world model on a `twin dataset` folder and evaluates it on a held-out scenario.

    /usr/bin/python3 tools/train/train.py --data DATASET --out WORK [--holdout SCENARIO] [--steps N]

Deterministic: fixed seeds, a fixed number of steps, deterministic kernels, a fixed thread count.
Writes WORK/checkpoint.pt (weights and configuration) and WORK/metrics.json (see README.md).
"""
import argparse
import json
import os
import time
from typing import Dict, List

# OpenMP threads that spin while waiting are ruinous on a shared 2-core machine (10x slower steps
# when another process holds a core); libgomp reads this when torch loads it.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F

from dataset import Dataset  # noqa: E402
from metrics import mse, psnr, ssim  # noqa: E402
from model import LAYOUT_CLASSES, ContractModel, ReferenceUNet, one_hot_layout, world_features  # noqa: E402

WIDTHS = [32, 64, 128, 192]
INPUTS = ("layout", "continuous", "world", "globals", "context")


def augment(context: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Context in [0, 1] as the model will meet it: its own slightly wrong frames (noise), and a
    camera's first frames (missing context, black)."""
    b = context.shape[0]
    sigma = torch.rand(b, 1, 1, 1, 1, generator=generator) * 0.04
    noisy = (context + sigma * torch.randn(context.shape, generator=generator)).clamp(0, 1)
    draw = torch.rand(b, generator=generator)
    keep = torch.ones(b, context.shape[1], 1, 1, 1)
    keep[draw < 0.08] = 0                       # no frame yet
    keep[(draw >= 0.08) & (draw < 0.14), :-1] = 0  # one frame so far
    return noisy * keep


def loss_of(net: ReferenceUNet, batch: Dict[str, torch.Tensor], generator: torch.Generator) -> torch.Tensor:
    context = augment(batch["context"].float() / 255.0, generator)
    out = net(one_hot_layout(batch["layout"], LAYOUT_CLASSES), batch["continuous"], world_features(batch["world"]), batch["globals"], context)
    target = batch["target"].float() / 255.0
    return F.l1_loss(out, target) + 0.2 * (1 - ssim(out * 255, target * 255).mean())


def teacher_forced(model: ContractModel, data: Dataset, indices: np.ndarray) -> Dict[str, object]:
    """Each frame that has a previous one, from the renderer's previous frames: the model against
    copying the newest context frame (a camera's first frame has nothing to copy; the rollout scores it)."""
    indices = np.array([i for i in indices if bool(data.batch([i])["context"][0, -1].any())], dtype=np.int64)
    scores: Dict[str, List[torch.Tensor]] = {"model_mse": [], "model_ssim": [], "copy_mse": [], "copy_ssim": []}
    with torch.inference_mode():
        for start in range(0, len(indices), 32):
            batch = data.batch(indices[start:start + 32])
            frame = model(*(batch[name] for name in INPUTS))
            copy = batch["context"][:, -1]
            scores["model_mse"].append(mse(frame, batch["target"]))
            scores["model_ssim"].append(ssim(frame, batch["target"]))
            scores["copy_mse"].append(mse(copy, batch["target"]))
            scores["copy_ssim"].append(ssim(copy, batch["target"]))
    mean = {k: float(torch.cat(v).mean()) for k, v in scores.items()}
    return {
        "samples": len(indices),
        "model": {"psnr_db": psnr(mean["model_mse"]), "ssim": mean["model_ssim"]},
        "copy_last_frame": {"psnr_db": psnr(mean["copy_mse"]), "ssim": mean["copy_ssim"]},
    }


def rollout(model: ContractModel, data: Dataset, sources) -> Dict[str, float]:
    """Each source autoregressively, as the server runs it: the context is the model's own frames."""
    errors, ssims, generated_change, reference_change, change_error = [], [], [], [], []
    with torch.inference_mode():
        for source in sources:
            context = data.batch([source.start])["context"]
            previous_frame, previous_target = None, None
            for i in range(source.start, source.start + source.count):
                batch = data.batch([i])
                frame = model(batch["layout"], batch["continuous"], batch["world"], batch["globals"], context)
                target = batch["target"]
                errors.append(mse(frame, target))
                ssims.append(ssim(frame, target))
                if previous_frame is not None:
                    generated = frame.float() - previous_frame.float()
                    reference = target.float() - previous_target.float()
                    generated_change.append(generated.abs().mean())
                    reference_change.append(reference.abs().mean())
                    change_error.append((generated - reference).abs().mean())
                context = torch.cat([context[:, 1:], frame.unsqueeze(1)], dim=1)
                previous_frame, previous_target = frame, target
    return {
        "psnr_db": psnr(float(torch.cat(errors).mean())),
        "ssim": float(torch.cat(ssims).mean()),
        "frame_change_generated": float(torch.stack(generated_change).mean()),
        "frame_change_renderer": float(torch.stack(reference_change).mean()),
        "frame_change_error": float(torch.stack(change_error).mean()),
    }


def holdout_metrics(model: ContractModel, data: Dataset, holdout: str) -> Dict[str, object]:
    sources = [s for s in data.sources if s.scenario == holdout]
    cameras = sorted({s.camera for s in sources})
    return {
        "scenario": holdout,
        "samples": sum(s.count for s in sources),
        "teacher_forced": teacher_forced(model, data, data.indices([holdout])),
        "teacher_forced_by_camera": {
            camera: teacher_forced(model, data, np.concatenate([np.arange(s.start, s.start + s.count) for s in sources if s.camera == camera]))
            for camera in cameras
        },
        "rollout": rollout(model, data, sources),
    }


def write_metrics(out: str, metrics: Dict[str, object]) -> None:
    with open(os.path.join(out, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2)
    print(json.dumps(metrics["holdout"], indent=2), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--holdout", help="scenario to evaluate on, never trained on (default: the last one by name)")
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--evaluate-only", action="store_true", help="re-evaluate OUT/checkpoint.pt, keeping the training figures")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)
    data = Dataset(args.data)
    scenarios = data.scenarios()
    holdout = args.holdout or scenarios[-1]
    if holdout not in scenarios:
        raise SystemExit(f"--holdout {holdout}: the dataset has {', '.join(scenarios)}")
    if len(scenarios) < 2:
        raise SystemExit(f"the dataset has one scenario ({holdout}); hold-out evaluation needs another to train on")
    train_indices = data.indices([s for s in scenarios if s != holdout])
    test_indices = data.indices([holdout])
    print(f"train: {len(train_indices)} samples from {len(scenarios) - 1} scenarios; held out: {holdout} ({len(test_indices)} samples)", flush=True)

    if args.evaluate_only:
        checkpoint = torch.load(os.path.join(args.out, "checkpoint.pt"))
        net = ReferenceUNet(data.context_frames, checkpoint["config"]["widths"])
        net.load_state_dict(checkpoint["state"])
        with open(os.path.join(args.out, "metrics.json")) as f:
            metrics = json.load(f)
        metrics["holdout"] = holdout_metrics(ContractModel(net.eval()).eval(), data, holdout)
        write_metrics(args.out, metrics)
        return

    net = ReferenceUNet(data.context_frames, WIDTHS)
    parameters = sum(p.numel() for p in net.parameters())
    optimizer = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=args.steps, pct_start=0.05)
    generator = torch.Generator().manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    order: np.ndarray = np.zeros(0, dtype=np.int64)
    started = time.time()
    running = 0.0
    for step in range(1, args.steps + 1):
        if len(order) < args.batch:
            order = np.concatenate([order, rng.permutation(train_indices)])
        chosen, order = order[:args.batch], order[args.batch:]
        loss = loss_of(net, data.batch(np.sort(chosen)), generator)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        schedule.step()
        running = loss.item() if step == 1 else 0.98 * running + 0.02 * loss.item()
        if step % 50 == 0 or step == args.steps:
            elapsed = time.time() - started
            rate = step * args.batch / elapsed
            left = (args.steps - step) * args.batch / rate
            print(f"step {step}/{args.steps}  loss {running:.4f}  {rate:.0f} samples/s  {elapsed / 60:.1f} min, {left / 60:.1f} min left", flush=True)
    train_seconds = time.time() - started

    net.eval()
    os.makedirs(args.out, exist_ok=True)
    config = {"context_frames": data.context_frames, "resolution": [data.height, data.width], "widths": WIDTHS}
    torch.save({"config": config, "state": net.state_dict()}, os.path.join(args.out, "checkpoint.pt"))
    metrics = {
        "dataset": {"samples": data.count, "scenarios": scenarios, "resolution": [data.height, data.width], "context_frames": data.context_frames},
        "training": {
            "samples_seen": args.steps * args.batch, "steps": args.steps, "batch": args.batch,
            "epochs": round(args.steps * args.batch / len(train_indices), 2), "seconds": round(train_seconds),
            "threads": args.threads, "final_loss": round(running, 5), "parameters": parameters,
        },
        "holdout": holdout_metrics(ContractModel(net).eval(), data, holdout),
    }
    write_metrics(args.out, metrics)
    print(f"trained in {train_seconds / 60:.1f} min; wrote {args.out}/checkpoint.pt and metrics.json")


if __name__ == "__main__":
    main()
