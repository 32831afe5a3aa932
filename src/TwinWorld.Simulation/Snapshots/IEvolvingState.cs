namespace TwinWorld.Simulation.Snapshots;

/// <summary>
/// A part of the world whose evolving state is declared once, in <see cref="Walk"/>, and nowhere else:
/// saving, loading and the state hash all walk the same declaration (a fork is a save and a load), so
/// they cannot disagree about what the state is. What is not declared is site data, configuration or
/// scratch, and says so with <see cref="NotStateAttribute"/> (a test holds every field to that).
/// </summary>
public interface IEvolvingState
{
    void Walk(StateWalk walk);
}
