using TwinWorld.Simulation.Agents;

namespace TwinWorld.Generation.Conditions;

/// <summary>Facts about the classes: which are figures, each role's class, and each class's contract-1 equivalent.</summary>
public static class LayoutClasses
{
    /// <summary>How many classes contract 1 had (0 to 20).</summary>
    public const int V1Count = 21;

    // Contract 2's classes as contract 1 knew them: the new figures as civilians, the funnel and its debris cloud as smoke, debris as damaged building.
    private static readonly byte[] V1 = [.. Enumerable.Range(0, V1Count).Select(i => (byte)i),
        (byte)LayoutClass.Resident, (byte)LayoutClass.Resident, (byte)LayoutClass.Smoke, (byte)LayoutClass.Smoke, (byte)LayoutClass.DamagedBuilding];

    /// <summary>A person or a vehicle.</summary>
    public static bool IsFigure(LayoutClass kind) => kind is >= LayoutClass.Resident and <= LayoutClass.Guard;

    /// <summary>Water of any depth.</summary>
    public static bool IsWater(LayoutClass kind) => kind is LayoutClass.WaterShallow or LayoutClass.WaterWading or LayoutClass.WaterDeep;

    /// <summary>The class a role is drawn as.</summary>
    public static LayoutClass Of(AgentRole role) => role switch
    {
        AgentRole.Resident => LayoutClass.Resident,
        AgentRole.Child => LayoutClass.Child,
        AgentRole.Elderly => LayoutClass.Elderly,
        AgentRole.Car => LayoutClass.Vehicle,
        AgentRole.Firefighter => LayoutClass.Firefighter,
        AgentRole.Tourist => LayoutClass.Tourist,
        AgentRole.Guard => LayoutClass.Guard,
        _ => LayoutClass.Resident,
    };

    /// <summary>The contract-1 class a class is fed to a contract-1 model as.</summary>
    public static byte ToV1(byte kind) => kind < V1.Length ? V1[kind] : (byte)LayoutClass.Resident;
}
