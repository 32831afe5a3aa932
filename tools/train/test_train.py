"""Tests of the trainer's parts: /usr/bin/python3 -m unittest discover -s tools/train"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import torch

from dataset import Dataset, record_bytes, write
from metrics import mse, psnr, ssim
from model import ContractModel, ReferenceUNet, world_features

HERE = os.path.dirname(os.path.abspath(__file__))


def sample(rng, h, w, k):
    return {
        "layout": rng.integers(0, 26, (h, w), dtype=np.uint8),
        "continuous": rng.random((6, h, w), dtype=np.float32),
        "world": (rng.random((3, h, w), dtype=np.float32) * 1024).astype(np.float32),
        "globals": rng.random(16, dtype=np.float32),
        "context": rng.integers(0, 256, (k, 3, h, w), dtype=np.uint8),
        "target": rng.integers(0, 256, (3, h, w), dtype=np.uint8),
    }


class DatasetTests(unittest.TestCase):
    def test_record_size_is_the_formats(self):
        # 64 x 64, K = 2: layout 4,096 + continuous 6 x 16,384 + world 3 x 16,384 + globals 64 + context 24,576 + target 12,288.
        self.assertEqual(188480, record_bytes(64, 64, 2))

    def test_written_samples_read_back_field_by_field(self):
        rng = np.random.default_rng(1)
        samples = [sample(rng, 4, 6, 2) for _ in range(5)]
        sources = [{"scenario": "a", "seed": 1, "camera": "c", "samples": 3}, {"scenario": "b", "seed": 2, "camera": "c", "samples": 2}]
        with tempfile.TemporaryDirectory() as folder:
            write(folder, 4, 6, 2, sources, samples)
            data = Dataset(folder)
            self.assertEqual(["a", "b"], data.scenarios())
            self.assertEqual([3, 4], list(data.indices(["b"])))
            batch = data.batch([4, 1])
            for i, s in zip((0, 1), (samples[4], samples[1])):
                self.assertTrue(np.array_equal(s["layout"], batch["layout"][i, 0].numpy()))
                self.assertTrue(np.array_equal(s["continuous"], batch["continuous"][i].numpy()))
                self.assertTrue(np.array_equal(s["world"], batch["world"][i].numpy()))
                self.assertTrue(np.array_equal(s["globals"], batch["globals"][i].numpy()))
                self.assertTrue(np.array_equal(s["context"], batch["context"][i].numpy()))
                self.assertTrue(np.array_equal(s["target"], batch["target"][i].numpy()))

    def test_a_truncated_file_is_refused(self):
        rng = np.random.default_rng(1)
        with tempfile.TemporaryDirectory() as folder:
            write(folder, 4, 6, 2, [{"scenario": "a", "seed": 1, "camera": "c", "samples": 2}], [sample(rng, 4, 6, 2) for _ in range(2)])
            with open(os.path.join(folder, "samples.bin"), "r+b") as f:
                f.truncate(100)
            with self.assertRaisesRegex(ValueError, "100 bytes"):
                Dataset(folder)

    def test_a_contract_1_dataset_is_refused_with_what_to_do(self):
        rng = np.random.default_rng(1)
        with tempfile.TemporaryDirectory() as folder:
            write(folder, 4, 6, 2, [{"scenario": "a", "seed": 1, "camera": "c", "samples": 1}], [sample(rng, 4, 6, 2)])
            meta_path = os.path.join(folder, "dataset.json")
            with open(meta_path) as f:
                meta = json.load(f)
            meta["contract"] = "twinworld.world-model/1"
            with open(meta_path, "w") as f:
                json.dump(meta, f)
            with self.assertRaisesRegex(ValueError, "twin dataset"):
                Dataset(folder)


class WorldFeatureTests(unittest.TestCase):
    def test_features_are_periodic_in_each_period_and_tell_nearby_places_apart(self):
        world = torch.zeros(1, 3, 1, 3)
        world[0, 0, 0] = torch.tensor([10.0, 10.0 + 256.0, 12.0])
        features = world_features(world)
        self.assertEqual((1, 16, 1, 3), tuple(features.shape))
        self.assertTrue(torch.allclose(features[..., 0], features[..., 1], atol=1e-4))  # 256 m on: every period repeats
        self.assertGreater(float((features[..., 0] - features[..., 2]).abs().max()), 0.5)  # 2 m away: the 4 m period differs
        self.assertLessEqual(float(features.abs().max()), 1.0)


class MetricTests(unittest.TestCase):
    def test_psnr_of_a_known_error(self):
        a = torch.zeros(2, 3, 8, 8)
        b = a.clone()
        b[1] += 2
        self.assertEqual([0.0, 4.0], mse(a, b).tolist())
        self.assertAlmostEqual(10 * np.log10(255 ** 2 / 4), psnr(4.0), places=6)

    def test_ssim_is_one_for_equal_images_and_falls_with_noise(self):
        g = torch.Generator().manual_seed(0)
        image = torch.randint(0, 256, (2, 3, 32, 32), generator=g).float()
        noisy = (image + 40 * torch.randn(image.shape, generator=g)).clamp(0, 255)
        self.assertTrue(torch.allclose(ssim(image, image), torch.ones(2), atol=1e-5))
        self.assertTrue(bool((ssim(image, noisy) < 0.9).all()))
        self.assertTrue(bool((ssim(image, 255 - image) < 0.1).all()))


class ExportTests(unittest.TestCase):
    def test_export_writes_a_contract_model_and_manifest(self):
        with tempfile.TemporaryDirectory() as work, tempfile.TemporaryDirectory() as out:
            net = ReferenceUNet(2, [8, 16])
            torch.save({"config": {"context_frames": 2, "resolution": [16, 24], "widths": [8, 16]}, "state": net.state_dict()}, os.path.join(work, "checkpoint.pt"))
            with open(os.path.join(work, "metrics.json"), "w") as f:
                json.dump({"holdout": {}}, f)
            subprocess.run([sys.executable, os.path.join(HERE, "export.py"), "--work", work, "--out", out, "--name", "tiny"], check=True, capture_output=True)
            with open(os.path.join(out, "tiny.json")) as f:
                manifest = json.load(f)
            self.assertEqual("twinworld.world-model/2", manifest["contract"])
            self.assertEqual(26, manifest["layout_classes"])
            self.assertEqual([16, 24], manifest["resolution"])
            shapes = {i["name"]: i["shape"] for i in manifest["inputs"]}
            self.assertEqual(["B", 6, 16, 24], shapes["continuous"])
            self.assertEqual(["B", 3, 16, 24], shapes["world"])
            model = torch.jit.load(os.path.join(out, "tiny.pt"))
            context = torch.randint(0, 256, (3, 2, 3, 16, 24), dtype=torch.uint8)
            world = torch.rand(3, 3, 16, 24) * 500
            frame = model(context=context, globals=torch.zeros(3, 16), layout=torch.zeros(3, 1, 16, 24, dtype=torch.uint8),
                          continuous=torch.zeros(3, 6, 16, 24), world=world)
            self.assertEqual((torch.uint8, (3, 3, 16, 24)), (frame.dtype, tuple(frame.shape)))
            expected = ContractModel(net).eval()(torch.zeros(3, 1, 16, 24, dtype=torch.uint8), torch.zeros(3, 6, 16, 24), world, torch.zeros(3, 16), context)
            self.assertLessEqual(int((frame.int() - expected.int()).abs().max()), 1)



class SyntheticTests(unittest.TestCase):
    def test_the_synthetic_dataset_is_contract_2_and_a_training_step_runs_on_it(self):
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run([sys.executable, os.path.join(HERE, "synthetic.py"), folder, "--frames", "4", "--seeds", "1"], check=True, capture_output=True)
            data = Dataset(folder)
            batch = data.batch(list(range(4)))
            self.assertEqual((4, 6, 64, 64), tuple(batch["continuous"].shape))
            self.assertEqual((4, 3, 64, 64), tuple(batch["world"].shape))
            self.assertLess(int(batch["layout"].max()), 26)
            from train import loss_of
            net = ReferenceUNet(2, [8, 16])
            loss = loss_of(net, batch, torch.Generator().manual_seed(0))
            loss.backward()
            self.assertTrue(bool(torch.isfinite(loss)))


if __name__ == "__main__":
    unittest.main()
