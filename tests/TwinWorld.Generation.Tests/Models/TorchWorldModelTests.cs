using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;
using TwinWorld.Torch;
using TwinWorld.Torch.Tests;
using static TwinWorld.Generation.Tests.Models.TorchWorldModelFixture;

namespace TwinWorld.Generation.Tests.Models;

public sealed class TorchWorldModelTests
{
    [TorchFact]
    public void Packs_conditions_and_context_as_the_contract_says_and_unpacks_the_frames()
    {
        // probe: R = 10 * layout + 5 * globals[15], G = 200 * water depth, B = newest context B + oldest context R.
        using var model = TorchWorldModel.Load(Manifest("probe"));
        GenerationInput[] batch =
        [
            new(ConditionsFor(0), [Frame(1), Frame(2)]),
            new(ConditionsFor(1), [Frame(3)]),   // one frame so far: the older slot is black
            new(ConditionsFor(2), []),
        ];

        var frames = model.Generate(batch);

        Assert.Equal(3, frames.Count);
        for (int b = 0; b < batch.Length; b++)
        {
            var conditions = batch[b].Conditions;
            var context = batch[b].Context;
            var newest = context.Count > 0 ? context[^1] : new RgbImage(Width, Height);
            var oldest = context.Count > 1 ? context[^2] : new RgbImage(Width, Height);
            var expected = new byte[Width * Height * 3];
            for (int i = 0; i < Width * Height; i++)
            {
                expected[3 * i] = (byte)Math.Round((10 * conditions.Layout[i]) + (5 * conditions.Globals[15]));
                expected[(3 * i) + 1] = (byte)Math.Round(200 * conditions.Continuous[(Width * Height) + i]);
                expected[(3 * i) + 2] = (byte)((newest.Pixels[(3 * i) + 2] + oldest.Pixels[3 * i]) % 256);
            }
            Assert.Equal((Width, Height), (frames[b].Width, frames[b].Height));
            Assert.Equal(expected, frames[b].Pixels);
        }
    }

    [TorchFact]
    public void Of_a_longer_context_the_newest_frames_are_used()
    {
        using var model = TorchWorldModel.Load(Manifest("probe"));

        var longer = model.Generate([new(ConditionsFor(0), [Frame(9), Frame(1), Frame(2)])]);
        var exact = model.Generate([new(ConditionsFor(0), [Frame(1), Frame(2)])]);

        Assert.Equal(exact[0].Pixels, longer[0].Pixels);
    }

    [TorchFact]
    public void Inputs_the_manifest_leaves_out_are_not_passed()
    {
        using var model = TorchWorldModel.Load(Manifest("layout-only"));
        var conditions = ConditionsFor(4);

        var frame = model.Generate([new(conditions, [Frame(1)])])[0];

        Assert.Equal(conditions.Layout.SelectMany(c => Enumerable.Repeat((byte)(3 * c), 3)), frame.Pixels);
    }

    [TorchFact]
    public void A_frame_tensor_that_breaks_the_manifest_is_refused_with_its_shape()
    {
        using var model = TorchWorldModel.Load(Manifest("wrong-shape"));

        var error = Assert.Throws<TorchException>(() => model.Generate([new(ConditionsFor(0), []), new(ConditionsFor(1), [])]));
        Assert.Contains("returned uint8 [2, 1, 6, 8]; its manifest promises uint8 [2, 3, 6, 8]", error.Message);
    }

    [TorchFact]
    public void A_warmed_up_model_makes_the_same_frames_and_a_model_that_breaks_the_manifest_fails_at_load()
    {
        using var cold = TorchWorldModel.Load(Manifest("probe"));
        using var warm = TorchWorldModel.LoadAndWarmUp(Manifest("probe"));
        GenerationInput[] batch = [new(ConditionsFor(2), [Frame(1)])];

        Assert.Equal(cold.Generate(batch)[0].Pixels, warm.Generate(batch)[0].Pixels);
        var error = Assert.Throws<TorchException>(() => TorchWorldModel.LoadAndWarmUp(Manifest("wrong-shape")));
        Assert.Contains("returned uint8 [1, 1, 6, 8]", error.Message);
    }

    [TorchFact]
    public void A_batch_over_max_batch_is_refused_and_an_empty_one_gives_nothing()
    {
        using var model = TorchWorldModel.Load(Manifest("probe"));
        var batch = Enumerable.Range(0, model.Manifest.MaxBatch + 1).Select(c => new GenerationInput(ConditionsFor(c), [])).ToList();

        var error = Assert.Throws<ArgumentException>(() => model.Generate(batch));
        Assert.Contains("max_batch is 4", error.Message);
        Assert.Equal(4, model.Generate(batch[..4]).Count);
        Assert.Empty(model.Generate([]));
    }

    [TorchFact]
    public void Conditions_at_another_resolution_are_refused()
    {
        using var model = TorchWorldModel.Load(Manifest("probe"));

        var error = Assert.Throws<ArgumentException>(() => model.Generate([new(ConditionsFor(0, Height, Width), [])]));
        Assert.Contains("are 6 x 8; model probe takes 8 x 6", error.Message);
    }

    [TorchFact]
    public void A_manifest_whose_model_file_is_missing_or_corrupt_fails_to_load()
    {
        var folder = Directory.CreateTempSubdirectory("torch-world-model-");
        try
        {
            string manifest = Path.Combine(folder.FullName, "probe.json");
            File.Copy(Manifest("probe"), manifest);
            var missing = Assert.Throws<TorchException>(() => TorchWorldModel.Load(manifest));
            Assert.Contains("probe.pt", missing.Message);

            File.WriteAllText(Path.Combine(folder.FullName, "probe.pt"), "not TorchScript");
            Assert.Throws<TorchException>(() => TorchWorldModel.Load(manifest));

            File.WriteAllText(manifest, "{}");
            Assert.Throws<ManifestException>(() => TorchWorldModel.Load(manifest));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
