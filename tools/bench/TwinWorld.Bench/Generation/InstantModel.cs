using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;

namespace TwinWorld.Bench.Generation;

/// <summary>
/// A world model that costs nothing, so what is timed around it is the scheduler's own cost. It hands out frames
/// from a ring of <see cref="Ring"/> pictures: a frame comes round again only after four full batches, by when the
/// scheduler has encoded it and let it go from every camera's context (which keeps the last two).
/// </summary>
internal sealed class InstantModel : IWorldModel
{
    private const int MaxBatch = 8;
    private const int Ring = 4 * MaxBatch;

    private readonly RgbImage[] _ring;
    private int _next;

    public InstantModel(int size, int contextFrames)
    {
        Manifest = ModelManifest.For("instant", size, size, contextFrames, MaxBatch);
        _ring = [.. Enumerable.Range(0, Ring).Select(_ => BenchFrames.Scene(size))];
    }

    public ModelManifest Manifest { get; }

    public IReadOnlyList<RgbImage> Generate(IReadOnlyList<GenerationInput> batch)
    {
        var frames = new RgbImage[batch.Count];
        for (int i = 0; i < frames.Length; i++)
        {
            frames[i] = _ring[_next];
            _next = (_next + 1) % Ring;
        }
        return frames;
    }

    public void Dispose()
    {
    }
}
