namespace TwinWorld.Cluster.Runs;

/// <summary>
/// One run of a sweep on the cluster, keyed by the sweep and the run. The client starts it and polls it
/// (runs take minutes, longer than a call may wait); a poll that finds <see cref="RunState.Unknown"/>
/// means the silo that held it was lost, and the client starts it again.
/// </summary>
public interface IScenarioRunGrain : IGrainWithStringKey
{
    /// <summary>Queues the run on this grain's silo; a second call while it is held does nothing.</summary>
    Task Start(RunRequest request);

    /// <summary>Where the run stands; once it has ended and been told, the grain goes away.</summary>
    Task<RunStatus> Poll();

    /// <summary>Stops the run between ticks and lets the grain go.</summary>
    Task Cancel();
}
