namespace TwinWorld.Cluster.Runs;

/// <summary>Where a run stands on its grain.</summary>
public enum RunState
{
    /// <summary>The grain holds no run: never started, or its silo was lost and this is a fresh activation elsewhere.</summary>
    Unknown,

    /// <summary>Waiting for one of its silo's run slots.</summary>
    Queued,

    Running,
    Succeeded,
    Failed,
}
