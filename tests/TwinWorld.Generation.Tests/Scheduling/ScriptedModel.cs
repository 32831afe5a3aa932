using System.Collections.Concurrent;
using TwinWorld.Ecs;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;

namespace TwinWorld.Generation.Tests.Scheduling;

/// <summary>
/// A world model that misbehaves on cue (slow or hung behind <see cref="Gate"/>, throwing while <see cref="Failing"/>)
/// and records every call. Its frames are flat: red is the model's <see cref="Marker"/>, green and blue the tick, so a
/// frame (or a context frame handed back later) says who made it and for which tick.
/// </summary>
internal sealed class ScriptedModel(string name, byte marker, int contextFrames = 0, int maxBatch = 32, int size = ScriptedModel.Size) : IWorldModel
{
    public const int Size = 16;

    private int _active;

    public ModelManifest Manifest { get; } = ModelManifest.For(name, size, size, contextFrames, maxBatch);

    public byte Marker => marker;

    /// <summary>Generate waits here while it is reset.</summary>
    public ManualResetEventSlim Gate { get; } = new(initialState: true);

    /// <summary>Released once each time a call starts.</summary>
    public SemaphoreSlim Entered { get; } = new(0);

    public volatile bool Failing;

    public ConcurrentQueue<IReadOnlyList<Request>> Calls { get; } = new();

    /// <summary>Calls under way now.</summary>
    public int Active => Volatile.Read(ref _active);

    public bool Disposed { get; private set; }

    public IReadOnlyList<RgbImage> Generate(IReadOnlyList<GenerationInput> batch)
    {
        Interlocked.Increment(ref _active);
        try
        {
            Calls.Enqueue([.. batch.Select(input => new Request(input.Conditions.Camera, input.Conditions.Tick, [.. input.Context.Select(TickOf)]))]);
            Entered.Release();
            Gate.Wait();
            if (Failing)
            {
                throw new InvalidOperationException($"{name} failed on purpose");
            }
            return [.. batch.Select(input => Paint(input.Conditions.Tick))];
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    public RgbImage Paint(long tick)
    {
        var image = new RgbImage(Manifest.Width, Manifest.Height);
        for (int i = 0; i < image.Pixels.Length; i += 3)
        {
            image.Pixels[i] = marker;
            image.Pixels[i + 1] = (byte)tick;
            image.Pixels[i + 2] = (byte)(tick >> 8);
        }
        return image;
    }

    public static long TickOf(RgbImage image) => image.Pixels[1] | (image.Pixels[2] << 8);

    public void Dispose() => Disposed = true;

    /// <summary>One camera's part of a call: the ticks of the context frames it was given, oldest first.</summary>
    public sealed record Request(Entity Camera, long Tick, long[] ContextTicks);
}
