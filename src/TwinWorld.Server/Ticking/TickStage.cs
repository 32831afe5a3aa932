namespace TwinWorld.Server.Ticking;

/// <summary>When a <see cref="ITickListener"/> hears of a tick: the tick loop calls them in this order.</summary>
public enum TickStage
{
    /// <summary>
    /// The recorder, first: the tick's inputs and state hash are on their way to disk before anything else
    /// looks at the tick, so whatever a later listener does, even throw, the recording has it (ARCHITECTURE.md).
    /// </summary>
    Record,

    /// <summary>Metrics: the world's counts after the tick.</summary>
    Measure,

    /// <summary>Forecasts copy the live run between ticks, for the analysts who asked since the last.</summary>
    Forecast,

    /// <summary>The network: refusals to the authors who sent them, the world quantised for the state streams.</summary>
    Stream,

    /// <summary>Frames, last: conditioning the due cameras is the slowest listener (milliseconds at 256 x 256), and nothing waits on it.</summary>
    Generate,
}
