using TwinWorld.Generation.Frames;

namespace TwinWorld.Generation.Models;

/// <summary>
/// A generator of camera frames that honours protocol/world-model.md. Backends: TorchScript models
/// (TwinWorld.Torch) and the reference renderer. Called from generation threads only, one call at a time.
/// </summary>
public interface IWorldModel : IDisposable
{
    /// <summary>Resolution, context length and batch limit; the conditions are built to match.</summary>
    ModelManifest Manifest { get; }

    /// <summary>Generates one frame per input, in order, in one pass. Throws if the model fails; the scheduler then falls back.</summary>
    IReadOnlyList<RgbImage> Generate(IReadOnlyList<GenerationInput> batch);
}
