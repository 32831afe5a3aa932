"""Tests of the trainer's parts: /usr/bin/python3 -m unittest discover -s tools/train"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import torch

from dataset import Combined, Dataset, record_bytes, write
from hazards import NAMES, group_of
from metrics import mse, psnr, sharpness, ssim
from model import PERIOD_METRES, ContractModel, TileNet

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


class CombinedTests(unittest.TestCase):
    def test_samples_are_numbered_through_the_parts_and_come_back_in_the_order_asked(self):
        rng = np.random.default_rng(2)
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            first = [sample(rng, 4, 6, 2) for _ in range(3)]
            second = [sample(rng, 4, 6, 2) for _ in range(2)]
            write(a, 4, 6, 2, [{"scenario": "a", "seed": 1, "camera": "c", "samples": 3}], first)
            write(b, 4, 6, 2, [{"scenario": "b", "seed": 1, "camera": "c", "samples": 2}], second)
            data = Combined([Dataset(a), Dataset(b)])
            self.assertEqual((5, ["a", "b"]), (data.count, data.scenarios()))
            batch = data.batch([4, 0, 3])
            for i, s in enumerate((second[1], first[0], second[0])):
                self.assertTrue(np.array_equal(s["target"], batch["target"][i].numpy()))

    def test_datasets_of_different_sizes_are_refused(self):
        rng = np.random.default_rng(2)
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            write(a, 4, 6, 2, [{"scenario": "a", "seed": 1, "camera": "c", "samples": 1}], [sample(rng, 4, 6, 2)])
            write(b, 8, 8, 2, [{"scenario": "b", "seed": 1, "camera": "c", "samples": 1}], [sample(rng, 8, 8, 2)])
            with self.assertRaisesRegex(ValueError, "different resolutions"):
                Combined([Dataset(a), Dataset(b)])


class TextureTests(unittest.TestCase):
    def test_the_tile_repeats_every_period_and_tells_nearby_places_apart(self):
        net = TileNet(texels=64)
        world = torch.zeros(1, 3, 1, 4)
        world[0, 0, 0] = torch.tensor([10.3, 10.3 + PERIOD_METRES, 10.3 - 3 * PERIOD_METRES, 12.3])
        world[0, 1, 0] = 5.0
        with torch.no_grad():
            texture = net.sample_texture(world)
        self.assertTrue(torch.allclose(texture[..., 0], texture[..., 1], atol=1e-5))
        self.assertTrue(torch.allclose(texture[..., 0], texture[..., 2], atol=1e-5))  # west of the origin too
        self.assertGreater(float((texture[..., 0] - texture[..., 3]).abs().max()), 1e-3)

    def test_the_seam_of_the_tile_is_continuous(self):
        net = TileNet(texels=64)
        world = torch.zeros(1, 3, 1, 2)
        world[0, 0, 0] = torch.tensor([PERIOD_METRES - 1e-3, 1e-3])
        with torch.no_grad():
            texture = net.sample_texture(world)
        self.assertTrue(torch.allclose(texture[..., 0], texture[..., 1], atol=1e-3))


class HazardTests(unittest.TestCase):
    def test_layout_classes_fall_into_their_groups(self):
        layout = torch.tensor([[[[13, 15, 11, 23, 24, 9, 16, 19, 22, 2, 0, 8]]]], dtype=torch.uint8)
        names = [NAMES[i] for i in group_of(layout)[0, 0].tolist()]
        self.assertEqual(["fire", "smoke", "water", "tornado", "tornado", "damaged_roof", "people", "people", "people", "other", "other", "other"], names)


class ScenarioVariantTests(unittest.TestCase):
    def test_variants_of_the_shipped_scenarios_are_written_with_their_own_map_seed_and_settings(self):
        with tempfile.TemporaryDirectory() as out:
            runs = subprocess.run([sys.executable, os.path.join(HERE, "scenarios.py"), os.path.join(HERE, "..", "..", "scenarios"), out],
                                  check=True, capture_output=True, text=True).stdout.split("\n")
            self.assertIn("holdout holdout-tornado 2m15s", runs)
            with open(os.path.join(out, "train", "tornado-town-m21.yaml")) as f:
                text = f.read()
            self.assertIn("scenario: tornado-town-m21", text)
            self.assertIn("procedural: {size: 768, seed: 21}", text)
            self.assertIn("speed: {default: 8,", text)

    def test_a_shipped_file_that_no_longer_matches_stops_the_script(self):
        with tempfile.TemporaryDirectory() as shipped, tempfile.TemporaryDirectory() as out:
            for name in ("wildfire-wui", "coastal-tsunami", "tornado-town", "live-town"):
                with open(os.path.join(HERE, "..", "..", "scenarios", name + ".yaml")) as f:
                    text = f.read()
                with open(os.path.join(shipped, name + ".yaml"), "w") as f:
                    f.write(text.replace("size: 512", "size: 500") if name == "tornado-town" else text)
            result = subprocess.run([sys.executable, os.path.join(HERE, "scenarios.py"), shipped, out], capture_output=True, text=True)
            self.assertNotEqual(0, result.returncode)
            self.assertIn("tornado-town.yaml no longer has the map", result.stderr)


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

    def test_a_blurred_image_is_less_sharp(self):
        g = torch.Generator().manual_seed(0)
        image = torch.randint(0, 256, (1, 3, 32, 32), generator=g).float()
        blurred = torch.nn.functional.avg_pool2d(image, 3, stride=1, padding=1)
        self.assertLess(float(sharpness(blurred)[0]), 0.5 * float(sharpness(image)[0]))
        self.assertEqual(0.0, float(sharpness(torch.full((1, 3, 8, 8), 9.0))[0]))


class ExportTests(unittest.TestCase):
    def test_export_writes_a_contract_model_and_manifest(self):
        network = {"texels": 16, "width": 8, "deep": 8}
        with tempfile.TemporaryDirectory() as work, tempfile.TemporaryDirectory() as out:
            net = TileNet(**network)
            torch.save({"config": {"resolution": [16, 24], "network": network}, "state": net.state_dict()}, os.path.join(work, "checkpoint.pt"))
            with open(os.path.join(work, "metrics.json"), "w") as f:
                json.dump({"holdout": {}}, f)
            subprocess.run([sys.executable, os.path.join(HERE, "export.py"), "--work", work, "--out", out, "--name", "tiny"], check=True, capture_output=True)
            with open(os.path.join(out, "tiny.json")) as f:
                manifest = json.load(f)
            self.assertEqual("twinworld.world-model/2", manifest["contract"])
            self.assertEqual((26, 0), (manifest["layout_classes"], manifest["context_frames"]))
            self.assertEqual([16, 24], manifest["resolution"])
            shapes = {i["name"]: i["shape"] for i in manifest["inputs"]}
            self.assertEqual(["layout", "continuous", "world", "globals"], list(shapes))
            self.assertEqual(["B", 6, 16, 24], shapes["continuous"])
            self.assertEqual(["B", 3, 16, 24], shapes["world"])
            model = torch.jit.load(os.path.join(out, "tiny.pt"))
            world = torch.rand(3, 3, 16, 24) * 500
            layout = torch.randint(0, 26, (3, 1, 16, 24), dtype=torch.uint8)
            frame = model(globals=torch.zeros(3, 16), layout=layout, continuous=torch.zeros(3, 6, 16, 24), world=world)
            self.assertEqual((torch.uint8, (3, 3, 16, 24)), (frame.dtype, tuple(frame.shape)))
            expected = ContractModel(net).eval()(layout, torch.zeros(3, 6, 16, 24), world, torch.zeros(3, 16))
            self.assertLessEqual(int((frame.int() - expected.int()).abs().max()), 1)


class SyntheticTests(unittest.TestCase):
    def test_the_trainer_trains_evaluates_and_reports_on_held_out_synthetic_runs(self):
        with tempfile.TemporaryDirectory() as folder:
            train, held, work = (os.path.join(folder, n) for n in ("train", "held", "work"))
            subprocess.run([sys.executable, os.path.join(HERE, "synthetic.py"), train, "--frames", "4", "--seeds", "1"], check=True, capture_output=True)
            subprocess.run([sys.executable, os.path.join(HERE, "synthetic.py"), held, "--frames", "4", "--seeds", "1", "--first-seed", "9", "--prefix", "heldout"],
                           check=True, capture_output=True)
            data = Dataset(train)
            self.assertEqual((4, 3, 64, 64), tuple(data.batch(list(range(4)))["world"].shape))
            result = subprocess.run([sys.executable, os.path.join(HERE, "train.py"), "--data", train, "--holdout", held, "--out", work, "--steps", "2", "--batch", "2",
                                     "--classifier-steps", "2"],
                                    capture_output=True, text=True)
            self.assertEqual(0, result.returncode, result.stderr)
            with open(os.path.join(work, "metrics.json")) as f:
                holdout = json.load(f)["holdout"]
            self.assertEqual(["heldout-calm", "heldout-tsunami", "heldout-wildfire"], holdout["runs"])
            self.assertEqual(["overhead"], list(holdout["by_camera"]))
            self.assertIn("copy_last_frame", holdout["by_camera"]["overhead"])
            self.assertEqual(3, len(holdout["rollout"]["runs"]))
            self.assertIn("fire", holdout["hazards_recognised"]["model"])

    def test_a_held_out_run_that_is_also_trained_on_is_refused(self):
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run([sys.executable, os.path.join(HERE, "synthetic.py"), folder, "--frames", "2", "--seeds", "1"], check=True, capture_output=True)
            result = subprocess.run([sys.executable, os.path.join(HERE, "train.py"), "--data", folder, "--holdout", folder, "--out", folder, "--steps", "1"],
                                    capture_output=True, text=True)
            self.assertNotEqual(0, result.returncode)
            self.assertIn("is in the training data too", result.stderr)


if __name__ == "__main__":
    unittest.main()
