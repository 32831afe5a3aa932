"""Trains the reference world model on a `twin dataset` folder and evaluates it on held-out runs.

    /usr/bin/python3 tools/train/train.py --data DATASET [--data ...] --holdout DATASET [--holdout ...] --out WORK [--steps N]

Deterministic: fixed seeds, a fixed number of steps, deterministic kernels, a fixed thread count.
Writes WORK/checkpoint.pt (weights and configuration) and WORK/metrics.json (see README.md).
"""
import argparse
import json
import os
import time
from typing import Dict

# OpenMP threads that spin while waiting are ruinous on a shared 2-core machine (10x slower steps
# when another process holds a core); libgomp reads this when torch loads it.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from dataset import Combined, Dataset  # noqa: E402
from evaluate import holdout_metrics  # noqa: E402
from metrics import ssim  # noqa: E402
from model import ContractModel, TileNet  # noqa: E402

CROP = 128  # training crops, whole 8 x 8 blocks of the low-resolution core


def crop(batch: Dict[str, torch.Tensor], rng: np.random.Generator, size: int) -> Dict[str, torch.Tensor]:
    """The same random crop (on the 8-pixel grid of the model's blocks) of every sample's planes."""
    height, width = batch["layout"].shape[-2:]
    if height <= size and width <= size:
        return batch
    top = int(rng.integers(0, (height - size) // 8 + 1)) * 8
    left = int(rng.integers(0, (width - size) // 8 + 1)) * 8
    return {k: (v[..., top:top + size, left:left + size] if v.dim() >= 3 else v) for k, v in batch.items()}


def loss_of(net: TileNet, batch: Dict[str, torch.Tensor]) -> torch.Tensor:
    out = net(batch["layout"], batch["continuous"], batch["world"], batch["globals"])
    target = batch["target"].float() / 255.0
    return F.l1_loss(out, target) + 0.2 * (1 - ssim(out.clamp(0, 1) * 255, target * 255).mean())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", required=True, help="a dataset to train on (repeatable)")
    parser.add_argument("--holdout", action="append", default=[], help="a dataset of runs never trained on (repeatable)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--steps", type=int, default=8000)
    parser.add_argument("--batch", type=int, default=12)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--classifier-steps", type=int, default=400, help="training steps of the hazard classifier (hazards.py)")
    parser.add_argument("--evaluate-only", action="store_true", help="re-evaluate OUT/checkpoint.pt, keeping the training figures")
    args = parser.parse_args()
    if args.steps < 1:
        raise SystemExit("--steps must be at least 1")

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)
    data = Combined([Dataset(folder) for folder in args.data])
    holdouts = [Dataset(folder) for folder in args.holdout]
    for folder, held in zip(args.holdout, holdouts):
        seen = set(data.scenarios()) & set(held.scenarios())
        if seen:
            raise SystemExit(f"--holdout {folder}: {', '.join(sorted(seen))} is in the training data too")
    print(f"train: {data.count} samples from {len(data.scenarios())} runs; held out: "
          + ", ".join(f"{', '.join(h.scenarios())} ({h.count})" for h in holdouts), flush=True)

    if args.evaluate_only:
        checkpoint = torch.load(os.path.join(args.out, "checkpoint.pt"))
        net = TileNet(**checkpoint["config"]["network"])
        net.load_state_dict(checkpoint["state"])
        with open(os.path.join(args.out, "metrics.json")) as f:
            metrics = json.load(f)
        metrics["holdout"] = holdout_metrics(ContractModel(net.eval()).eval(), holdouts, data, args.classifier_steps)
        write_metrics(args.out, metrics)
        return

    net = TileNet()
    parameters = sum(p.numel() for p in net.parameters())
    optimizer = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=1e-5)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=args.steps, pct_start=0.05)
    rng = np.random.default_rng(args.seed)
    order = np.zeros(0, dtype=np.int64)
    started = time.time()
    running = 0.0
    for step in range(1, args.steps + 1):
        if len(order) < args.batch:
            order = np.concatenate([order, rng.permutation(data.count)])
        chosen, order = order[:args.batch], order[args.batch:]
        loss = loss_of(net, crop(data.batch(np.sort(chosen)), rng, CROP))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        schedule.step()
        running = loss.item() if step == 1 else 0.98 * running + 0.02 * loss.item()
        if step % 50 == 0 or step == args.steps:
            elapsed = time.time() - started
            left = (args.steps - step) * elapsed / step
            print(f"step {step}/{args.steps}  loss {running:.4f}  {step * args.batch / elapsed:.1f} crops/s  "
                  f"{elapsed / 60:.1f} min, {left / 60:.1f} min left", flush=True)
    train_seconds = time.time() - started

    net.eval()
    os.makedirs(args.out, exist_ok=True)
    config = {"resolution": [data.height, data.width], "network": {}}
    torch.save({"config": config, "state": net.state_dict()}, os.path.join(args.out, "checkpoint.pt"))
    metrics = {
        "dataset": {"samples": data.count, "runs": data.scenarios(), "resolution": [data.height, data.width]},
        "training": {
            "steps": args.steps, "batch": args.batch, "crop": CROP, "crops_seen": args.steps * args.batch,
            "epochs": round(args.steps * args.batch / data.count, 2), "seconds": round(train_seconds),
            "threads": args.threads, "final_loss": round(running, 5), "parameters": parameters,
        },
        "holdout": holdout_metrics(ContractModel(net).eval(), holdouts, data, args.classifier_steps),
    }
    write_metrics(args.out, metrics)
    print(f"trained in {train_seconds / 60:.1f} min; wrote {args.out}/checkpoint.pt and metrics.json")


def write_metrics(out: str, metrics: Dict[str, object]) -> None:
    with open(os.path.join(out, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2)
    print(json.dumps(metrics["holdout"], indent=2), flush=True)


if __name__ == "__main__":
    main()
