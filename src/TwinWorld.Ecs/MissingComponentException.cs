namespace TwinWorld.Ecs;

/// <summary>Get, Set or Remove named a component the entity does not have. The world is unchanged.</summary>
public sealed class MissingComponentException(Entity entity, Type component, string has)
    : InvalidOperationException($"{entity} has no {component.Name} component (it has {has}).")
{
    public Entity Entity { get; } = entity;
    public Type Component { get; } = component;
}
