namespace TwinWorld.Simulation.Snapshots;

/// <summary>
/// Marks a changeable field of an <see cref="IEvolvingState"/> that is deliberately not walked: scratch
/// rebuilt before it is read, a cache keyed so a fresh one is equivalent, or site data. The reason is
/// the documentation; a test fails for any changeable field that is neither walked nor marked.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class NotStateAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
