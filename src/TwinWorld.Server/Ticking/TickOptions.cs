using System.ComponentModel.DataAnnotations;

namespace TwinWorld.Server.Ticking;

/// <summary>The "Tick" configuration section.</summary>
public sealed class TickOptions
{
    public const string Section = "Tick";

    /// <summary>Simulation ticks per second.</summary>
    // Bounds written as doubles: whole-number bounds make the check convert the value to int, which NaN cannot survive.
    [Range(1.0, 1000.0, ErrorMessage = "Tick:RateHz must be between 1 and 1000 ticks per second.")]
    public double RateHz { get; set; } = 20;

    /// <summary>How often tick statistics are logged.</summary>
    [Range(0.1, 3600, ErrorMessage = "Tick:StatsIntervalSeconds must be between 0.1 and 3600.")]
    public double StatsIntervalSeconds { get; set; } = 5;

    /// <summary>How far the loop may fall behind before it stops catching up and skips ahead.</summary>
    [Range(0.05, 60, ErrorMessage = "Tick:MaxCatchUpSeconds must be between 0.05 and 60.")]
    public double MaxCatchUpSeconds { get; set; } = 1;
}
