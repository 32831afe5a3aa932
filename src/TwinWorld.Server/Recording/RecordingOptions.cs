using System.ComponentModel.DataAnnotations;

namespace TwinWorld.Server.Recording;

/// <summary>The "Recording" configuration section: where the hosted scenario run is recorded, if anywhere.</summary>
public sealed class RecordingOptions
{
    public const string Section = "Recording";

    /// <summary>A folder for recordings (created if missing); none: the server records nothing. Needs World:Scenario.</summary>
    public string? Folder { get; set; }

    /// <summary>Simulated seconds between snapshots, which replays seek through.</summary>
    // Bounds written as doubles: whole-number bounds make the check convert the value to int, which NaN cannot survive.
    [Range(1.0, 86_400.0, ErrorMessage = "Recording:SnapshotEverySeconds must be between 1 and 86400.")]
    public double SnapshotEverySeconds { get; set; } = 60;
}
