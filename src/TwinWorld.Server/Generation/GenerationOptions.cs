using System.ComponentModel.DataAnnotations;

namespace TwinWorld.Server.Generation;

/// <summary>The "Generation" configuration section: how the server makes its cameras' frames.</summary>
public sealed class GenerationOptions
{
    public const string Section = "Generation";

    public bool Enabled { get; set; } = true;

    /// <summary>A world model's manifest (protocol/world-model.md); appsettings.json names the trained reference model; empty: the reference renderer makes every frame.</summary>
    public string? Model { get; set; }

    /// <summary>Where the model runs: "cpu", or "cuda" / "cuda:N" with a CUDA build of libtorch.</summary>
    [RegularExpression("^(cpu|cuda(:[0-9]+)?)$", ErrorMessage = "Generation:Device must be cpu, cuda or cuda:N.")]
    public string Device { get; set; } = "cpu";

    /// <summary>libtorch's threads for the model (process-wide).</summary>
    [Range(1, 256, ErrorMessage = "Generation:Threads must be 1 to 256.")]
    public int Threads { get; set; } = 1;

    /// <summary>Frame width and height in pixels without a model (a model's manifest sets its own).</summary>
    [Range(16, 1024, ErrorMessage = "Generation:Resolution must be 16 to 1024 pixels.")]
    public int Resolution { get; set; } = 256;

    /// <summary>Frames per second of simulated time per camera.</summary>
    [Range(0.1, 60, ErrorMessage = "Generation:Fps must be 0.1 to 60.")]
    public double Fps { get; set; } = 5;

    [Range(1, 100, ErrorMessage = "Generation:JpegQuality must be 1 to 100.")]
    public int JpegQuality { get; set; } = 85;

    /// <summary>How long a frame may wait for the model before the renderer's frame goes out instead.</summary>
    [Range(1, 60_000, ErrorMessage = "Generation:DeadlineMs must be 1 to 60000.")]
    public int DeadlineMs { get; set; } = 250;

    /// <summary>The most cameras in one model call.</summary>
    [Range(1, 256, ErrorMessage = "Generation:MaxBatch must be 1 to 256.")]
    public int MaxBatch { get; set; } = 8;

    /// <summary>
    /// Tick-thread time, in ms, spent on conditioning due cameras each tick (at least one camera a tick): past it,
    /// the rest wait for a later tick, watched cameras first, so many cameras lower the frame rate, not the tick rate.
    /// </summary>
    [Range(0.1, 1000.0, ErrorMessage = "Generation:ConditioningBudgetMs must be between 0.1 and 1000.")]
    public double ConditioningBudgetMs { get; set; } = 10;
}
