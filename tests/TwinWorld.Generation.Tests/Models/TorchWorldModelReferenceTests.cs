using System.Numerics;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;
using TwinWorld.Generation.Rendering;
using TwinWorld.Generation.Tests.Conditions;
using TwinWorld.TestSupport;

namespace TwinWorld.Generation.Tests.Models;

/// <summary>
/// The reference world models through TorchWorldModel, fed by the C# conditioner: the committed contract-2 model
/// (tools/train/reference) and the contract-1 model from before it, which must still load and run. Each stays close
/// to what the reference renderer draws (a model trained on other pictures, or black, falls far below the floors).
/// The probe fixtures check the packing itself exactly.
/// </summary>
public sealed class TorchWorldModelReferenceTests
{
    private static string Manifest => Path.Combine(AppContext.BaseDirectory, "Contract1", "reference-unet-64.json");

    private static string Reference => Path.Combine(AppContext.BaseDirectory, "Reference", "reference-tile-256.json");

    /// <summary>The committed model scores 40.7, 23.7 (the sea: its waves move with the tick, which no input carries) and 30.9 dB on these views.</summary>
    private const double ReferenceFloorDb = 20;

    private static double Psnr(RgbImage a, RgbImage b)
    {
        double sum = 0;
        for (int i = 0; i < a.Pixels.Length; i++)
        {
            double d = a.Pixels[i] - b.Pixels[i];
            sum += d * d;
        }
        return 10 * Math.Log10(255.0 * 255.0 / Math.Max(sum / a.Pixels.Length, 1e-10));
    }

    [TorchFact]
    public void The_reference_model_draws_the_coast_at_256_close_to_the_renderer_from_above_and_in_perspective()
    {
        using var model = TorchWorldModel.LoadAndWarmUp(Reference);
        Assert.Equal((256, 256, 0), (model.Manifest.Width, model.Manifest.Height, model.Manifest.ContextFrames));
        var simulation = CoastSite.Simulation();
        var conditioner = new CameraConditioner(simulation, 256, 256);
        var renderer = new ReferenceRenderer();
        var cameras = new[]
        {
            CoastSite.Overhead(simulation, CoastSite.Houses, 80),
            CoastSite.Overhead(simulation, new Vector2(60, 100), 120, yaw: 0.3f),
            CoastSite.Looking(simulation, new Vector3(150, 100, 12), yaw: MathF.PI, pitch: -0.15f), // west, over the road to the sea
        };
        var conditions = cameras.Select(conditioner.Build).ToArray();

        var generated = model.Generate([.. conditions.Select(c => new GenerationInput(c, []))]);

        var scores = conditions.Select((c, i) => Psnr(generated[i], renderer.Render(c))).ToList();
        Assert.All(scores, psnr => Assert.True(psnr > ReferenceFloorDb, $"PSNR against the renderer: {string.Join(", ", scores.Select(s => s.ToString("F1")))} dB"));
    }

    [TorchFact]
    public void The_contract_1_model_draws_a_run_of_frames_close_to_the_renderers_from_its_own_context()
    {
        using var model = TorchWorldModel.Load(Manifest);
        Assert.Equal((64, 64, 2), (model.Manifest.Width, model.Manifest.Height, model.Manifest.ContextFrames));
        var simulation = CoastSite.Simulation();
        var conditioner = new CameraConditioner(simulation, 64, 64);
        var renderer = new ReferenceRenderer(64, 64);
        var cameras = new[]
        {
            CoastSite.Overhead(simulation, CoastSite.Houses, 60),
            CoastSite.Overhead(simulation, new Vector2(60, 100), 90, yaw: 0.3f),
        };
        var context = cameras.Select(_ => new List<RgbImage>()).ToArray();
        var scores = new List<double>();
        for (int frame = 0; frame < 4; frame++)
        {
            var conditions = cameras.Select(conditioner.Build).ToArray();
            var generated = model.Generate([.. conditions.Select((c, i) => new GenerationInput(c, context[i]))]);
            for (int i = 0; i < cameras.Length; i++)
            {
                scores.Add(Psnr(generated[i], renderer.Render(conditions[i])));
                context[i].Add(generated[i]);
            }
            simulation.Step();
        }

        Assert.All(scores, psnr => Assert.True(psnr > 24, $"PSNR against the renderer: {string.Join(", ", scores.Select(s => s.ToString("F1")))} dB"));
    }
}
