namespace TwinWorld.Ecs;

/// <summary>
/// A handle to an entity: a slot id plus the version the slot had when the entity was created.
/// Destroying an entity bumps the slot's version, so old handles become stale instead of silently
/// pointing at whichever entity reuses the slot.
/// </summary>
public readonly record struct Entity(int Id, int Version)
{
    /// <summary>The default handle; never alive, because live versions start at 1.</summary>
    public static Entity Null => default;

    public override string ToString() => Id < 0 ? $"Entity(pending #{-Id})" : $"Entity({Id}v{Version})";
}
