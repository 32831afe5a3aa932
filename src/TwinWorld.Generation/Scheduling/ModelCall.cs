using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;

namespace TwinWorld.Generation.Scheduling;

/// <summary>
/// One batch handed to the model thread. The generation thread waits for it up to the deadline and then gives up;
/// whichever of finishing and giving up happens first decides, so a late result is known to be late and discarded.
/// </summary>
internal sealed class ModelCall(IReadOnlyList<GenerationInput> batch)
{
    private const int Waiting = 0;
    private const int Finished = 1;
    private const int GivenUp = 2;

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public IReadOnlyList<GenerationInput> Batch { get; } = batch;

    /// <summary>The model's frames, once finished without an error.</summary>
    public IReadOnlyList<RgbImage>? Frames { get; private set; }

    public Exception? Error { get; private set; }

    /// <summary>On the model thread: records the outcome; false if the generation thread had already given up (the result is late).</summary>
    public bool Finish(IReadOnlyList<RgbImage>? frames, Exception? error)
    {
        Frames = frames;
        Error = error;
        bool inTime = Interlocked.CompareExchange(ref _state, Finished, Waiting) == Waiting;
        _done.SetResult();
        return inTime;
    }

    /// <summary>
    /// On the generation thread: true if the call finished within <paramref name="timeout"/> (see <see cref="Frames"/>,
    /// <see cref="Error"/>); false if it is given up, at the timeout or sooner when <paramref name="stop"/> fires.
    /// </summary>
    public bool Wait(TimeSpan timeout, CancellationToken stop)
    {
        try
        {
            _done.Task.Wait(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, stop);
        }
        catch (OperationCanceledException)
        {
            // Stopping: give up now rather than at the deadline.
        }
        return Interlocked.CompareExchange(ref _state, GivenUp, Waiting) == Finished;
    }
}
