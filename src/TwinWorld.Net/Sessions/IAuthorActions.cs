using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Net.Sessions;

/// <summary>
/// Reads an author's action written as in a scenario file (<c>fire: {at: [500, 500], radius: 5}</c>) into the
/// simulation input that does it: the host knows the scenario's vocabulary and parameters, the network side does not.
/// </summary>
public interface IAuthorActions
{
    /// <summary>The input that does the action at <paramref name="tick"/>, or why there is none (each problem at its live:line:column). Called on the network thread.</summary>
    (SimulationInput? Input, string? Problem) Parse(string action, long tick);
}
