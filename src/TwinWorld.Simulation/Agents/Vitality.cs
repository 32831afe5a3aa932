namespace TwinWorld.Simulation.Agents;

/// <summary>Health from 0 to 100 and the state it implies; hazards lower it.</summary>
public record struct Vitality(float Health, VitalState State)
{
    public static Vitality Full => new(100, VitalState.Healthy);

    public readonly bool CanMove => State is VitalState.Healthy or VitalState.Injured;
}
