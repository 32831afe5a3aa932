namespace TwinWorld.Ecs;

/// <summary>An operation named an entity that was destroyed, never existed, or belongs to another world.</summary>
public sealed class StaleEntityException(Entity entity, string detail)
    : InvalidOperationException($"{entity} is not alive: {detail}.")
{
    public Entity Entity { get; } = entity;
}
