namespace TwinWorld.Simulation;

/// <summary>One step of a tick. Systems run in the order <see cref="Simulation.Systems"/> lists them.</summary>
public interface ISimulationSystem
{
    string Name { get; }

    void Update(Simulation simulation);
}
