using TwinWorld.Generation.Frames;

namespace TwinWorld.Generation.Scheduling;

/// <summary>A camera's place in the <see cref="FrameScheduler"/>: its rate, viewers, waiting request and last frames. Guarded by the scheduler's lock.</summary>
internal sealed class CameraSchedule(double fps)
{
    public double Fps { get; set; } = fps;

    /// <summary>The tick (fractional, so rates that do not divide the tick rate keep their average) of the next frame.</summary>
    public double NextDue { get; set; } = double.NegativeInfinity;

    public int Viewers { get; set; }

    /// <summary>The tick of the last submitted conditions; -1 before the first.</summary>
    public long LastSubmitted { get; set; } = -1;

    /// <summary>The latest request not yet taken by the generation thread.</summary>
    public FrameRequest? Pending { get; set; }

    /// <summary>The camera's last frames, oldest first: the context for its next one.</summary>
    public Queue<RgbImage> History { get; } = new();

    /// <summary>The small allowance absorbs rounding in the stepped <see cref="NextDue"/> (three steps of 20/3 make 20.000000000000004).</summary>
    public bool IsDue(long tick) => tick >= NextDue - 1e-6;

    /// <summary>Moves the schedule on after a submission at <paramref name="tick"/>.</summary>
    public void Submitted(long tick, double tickRateHz)
    {
        double interval = tickRateHz / Fps;
        if (double.IsNegativeInfinity(NextDue) || tick >= NextDue + interval)
        {
            NextDue = tick + interval;          // the first frame, or a camera left unsubmitted for a while: start afresh
        }
        else if (IsDue(tick))
        {
            NextDue += interval;                // on time: step by the exact interval so the average rate holds
        }
    }

    public void Remember(RgbImage frame, int length)
    {
        History.Enqueue(frame);
        while (History.Count > length)
        {
            History.Dequeue();
        }
    }
}
