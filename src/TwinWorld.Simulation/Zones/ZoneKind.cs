namespace TwinWorld.Simulation.Zones;

public enum ZoneKind
{
    /// <summary>A safe place to evacuate to, on high ground.</summary>
    Shelter,
    School,
    /// <summary>Where commuters go during a normal day.</summary>
    Workplace,
}
