using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;
using TwinWorld.Torch;
using static TwinWorld.Generation.Tests.Models.TorchWorldModelFixture;
using TwinWorld.TestSupport;

namespace TwinWorld.Generation.Tests.Models;

public sealed class TorchWorldModelTests
{
    [TorchFact]
    public void Packs_conditions_and_context_as_contract_1_says_for_a_contract_1_model_and_unpacks_the_frames()
    {
        // probe (contract 1): R = 10 * layout + 5 * globals[15], G = 200 * water depth, B = newest context B + oldest context R.
        using var model = TorchWorldModel.Load(Manifest("probe"));
        Assert.Equal(1, model.Manifest.ContractVersion);
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
            int pixels = Width * Height;
            for (int i = 0; i < pixels; i++)
            {
                // Contract 1's classes: the new ones as their equivalents, smoke wherever the smoke plane is thick enough.
                byte v1 = conditions.Continuous[(4 * pixels) + i] >= CameraConditions.V1SmokeBelow && conditions.Layout[i] != 0
                    ? (byte)LayoutClass.Smoke
                    : conditions.Layout[i] switch { 21 or 22 => (byte)16, 23 or 24 => (byte)15, 25 => (byte)9, var c => c };
                expected[3 * i] = (byte)Math.Round((10 * v1) + (5 * conditions.Globals[15]));
                expected[(3 * i) + 1] = (byte)Math.Round(200 * conditions.Continuous[pixels + i]);
                expected[(3 * i) + 2] = (byte)((newest.Pixels[(3 * i) + 2] + oldest.Pixels[3 * i]) % 256);
            }
            Assert.Equal((Width, Height), (frames[b].Width, frames[b].Height));
            Assert.Equal(expected, frames[b].Pixels);
        }
    }

    [TorchFact]
    public void A_contract_1_model_is_fed_a_tourist_as_a_civilian_and_a_tornado_as_smoke()
    {
        using var model = TorchWorldModel.Load(Manifest("probe"));
        var conditions = CameraConditions.Blank(default, 0, Width, Height);
        conditions.Layout[0] = (byte)LayoutClass.Tourist;
        conditions.Layout[1] = (byte)LayoutClass.Funnel;
        conditions.Layout[2] = (byte)LayoutClass.Debris;
        conditions.Layout[3] = (byte)LayoutClass.Grass;
        conditions.Continuous[(4 * Width * Height) + 3] = 0.5f; // grass under smoke

        var frame = model.Generate([new(conditions, [])])[0];

        Assert.Equal([160, 150, 90, 150], new[] { frame.Pixels[0], frame.Pixels[3], frame.Pixels[6], frame.Pixels[9] });
    }

    [TorchFact]
    public void Contract_1_conditions_are_refused_by_a_contract_2_model_with_the_reason()
    {
        using var model = TorchWorldModel.Load(Manifest("probe-v2"));
        var conditions = ConditionsFor(0) with { Continuous = new float[3 * Width * Height] };

        var error = Assert.Throws<ArgumentException>(() => model.Generate([new(conditions, [])]));
        Assert.Contains("hold 3 continuous planes; model probe-v2 (contract 2) takes 6", error.Message);
    }

    [TorchFact]
    public void Packs_contract_2_inputs_with_the_world_planes_for_a_contract_2_model()
    {
        // probe-v2: R = 10 * layout + 5 * globals[15], G = 200 * smoke plane, B = newest context B + floor(world x) (mod 256).
        using var model = TorchWorldModel.Load(Manifest("probe-v2"));
        Assert.Equal(2, model.Manifest.ContractVersion);
        var conditions = ConditionsFor(5);

        var frame = model.Generate([new(conditions, [Frame(7)])])[0];

        int pixels = Width * Height;
        for (int i = 0; i < pixels; i++)
        {
            Assert.Equal((byte)Math.Round((10 * conditions.Layout[i]) + (5 * conditions.Globals[15])), frame.Pixels[3 * i]);
            Assert.Equal((byte)Math.Round(200 * conditions.Continuous[(4 * pixels) + i]), frame.Pixels[(3 * i) + 1]);
            Assert.Equal((byte)((Frame(7).Pixels[(3 * i) + 2] + (int)MathF.Floor(conditions.World[i])) % 256), frame.Pixels[(3 * i) + 2]);
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

        var v1 = new byte[conditions.Layout.Length];
        conditions.LayoutV1(v1); // layout-only speaks contract 1
        Assert.Equal(v1.SelectMany(c => Enumerable.Repeat((byte)(3 * c), 3)), frame.Pixels);
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
