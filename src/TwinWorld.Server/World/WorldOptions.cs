using System.ComponentModel.DataAnnotations;

namespace TwinWorld.Server.World;

/// <summary>The "World" configuration section: a scenario file, or the embedded default world, the procedural town.</summary>
public sealed class WorldOptions
{
    public const string Section = "World";

    /// <summary>A scenario file (relative to the working directory) to host instead of the procedural town; Seed, Size, Agents and AlertAfterSeconds then do not apply.</summary>
    public string? Scenario { get; set; }

    /// <summary>The scenario's parameters, as <c>twin run --set</c> takes them (World:Parameters:wave_height=8).</summary>
    public Dictionary<string, string> Parameters { get; set; } = [];

    [Range(0, int.MaxValue, ErrorMessage = "World:Seed must be zero or positive.")]
    public int Seed { get; set; } = 1;

    /// <summary>Cells each way (2 m each).</summary>
    [Range(128, 4096, ErrorMessage = "World:Size must be between 128 and 4096 cells.")]
    public int Size { get; set; } = 512;

    /// <summary>Agents scattered over the town's low ground at start.</summary>
    [Range(0, 1_000_000, ErrorMessage = "World:Agents must be between 0 and 1,000,000.")]
    public int Agents { get; set; } = 2000;

    /// <summary>If set, an evacuation alert covering the whole town goes out this long after start.</summary>
    [Range(0, 1e7, ErrorMessage = "World:AlertAfterSeconds must be zero or positive.")]
    public double? AlertAfterSeconds { get; set; }

    /// <summary>Worker threads for the parallel systems.</summary>
    [Range(1, 256, ErrorMessage = "World:Workers must be between 1 and 256.")]
    public int Workers { get; set; } = Environment.ProcessorCount;
}
