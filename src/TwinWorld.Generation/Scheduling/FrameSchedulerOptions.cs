namespace TwinWorld.Generation.Scheduling;

/// <summary>How the <see cref="FrameScheduler"/> paces, batches and guards frame generation.</summary>
public sealed record FrameSchedulerOptions
{
    /// <summary>The simulation's tick rate, to turn a camera's frames per second into ticks between frames.</summary>
    public double TickRateHz { get; init; } = 20;

    /// <summary>Frames per second for a camera that has not been given its own rate.</summary>
    public double DefaultFps { get; init; } = 5;

    /// <summary>The most cameras in one model call; the model's manifest may cap it lower.</summary>
    public int MaxBatch { get; init; } = 8;

    /// <summary>How long after its submission a frame may wait for the model before the renderer's frame is sent instead.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMilliseconds(250);

    public int JpegQuality { get; init; } = Encoding.JpegEncoder.DefaultQuality;

    /// <summary>The first wait before a model that threw or failed to load is tried again; it doubles on each further failure.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between tries of a failing model.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        static void Check(bool ok, string setting, object value, string rule)
        {
            if (!ok)
            {
                throw new ArgumentException($"{setting} is {value}; it must be {rule}");
            }
        }

        Check(double.IsFinite(TickRateHz) && TickRateHz > 0, nameof(TickRateHz), TickRateHz, "above 0");
        Check(double.IsFinite(DefaultFps) && DefaultFps > 0, nameof(DefaultFps), DefaultFps, "above 0");
        Check(MaxBatch >= 1, nameof(MaxBatch), MaxBatch, "at least 1");
        Check(Deadline > TimeSpan.Zero, nameof(Deadline), Deadline, "above 0");
        Check(JpegQuality is >= 1 and <= 100, nameof(JpegQuality), JpegQuality, "1 to 100");
        Check(RetryAfter > TimeSpan.Zero, nameof(RetryAfter), RetryAfter, "above 0");
        Check(MaxRetryAfter >= RetryAfter, nameof(MaxRetryAfter), MaxRetryAfter, $"at least {nameof(RetryAfter)} ({RetryAfter})");
    }
}
