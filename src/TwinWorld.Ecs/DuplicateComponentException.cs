namespace TwinWorld.Ecs;

/// <summary>Add (or a create) named a component the entity already has. The world is unchanged.</summary>
public sealed class DuplicateComponentException(Entity entity, Type component)
    : InvalidOperationException($"{entity} already has a {component.Name} component; use Set to change its value.")
{
    public Entity Entity { get; } = entity;
    public Type Component { get; } = component;
}
