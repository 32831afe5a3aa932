namespace TwinWorld.Simulation;

/// <summary>
/// One step of a tick. A system names the systems whose results of the same tick it reads
/// (<see cref="RunsAfter"/>); <see cref="SystemOrder"/> turns those into the order they run in.
/// </summary>
public interface ISimulationSystem
{
    string Name { get; }

    /// <summary>The system types that must run before this one in a tick.</summary>
    IReadOnlyList<Type> RunsAfter { get; }

    void Update(Simulator simulation);
}
