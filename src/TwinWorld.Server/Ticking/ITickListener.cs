using TwinWorld.Simulation;
using Sim = TwinWorld.Simulation.Simulator;

namespace TwinWorld.Server.Ticking;

/// <summary>
/// Told about every tick, on the tick thread, right after it ran: the one moment the world may be read.
/// Implementations take a snapshot and hand it to their own thread; they must not block.
/// </summary>
public interface ITickListener
{
    /// <summary>Where in the tick loop's order this listener is called.</summary>
    TickStage Stage { get; }

    void AfterTick(Sim simulation, TickReport report);
}
