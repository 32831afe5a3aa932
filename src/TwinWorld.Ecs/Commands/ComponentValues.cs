namespace TwinWorld.Ecs;

/// <summary>A command buffer's recorded values of one component type, kept typed so nothing is boxed.</summary>
internal abstract class ComponentValues
{
    public abstract void Apply(World world, Entity entity, int index, bool add);

    public abstract void Clear();
}

internal sealed class ComponentValues<T> : ComponentValues where T : struct
{
    private readonly List<T> _items = [];

    public int Append(in T value)
    {
        _items.Add(value);
        return _items.Count - 1;
    }

    public override void Apply(World world, Entity entity, int index, bool add)
    {
        if (add)
        {
            world.Add(entity, _items[index]);
        }
        else
        {
            world.Set(entity, _items[index]);
        }
    }

    public override void Clear() => _items.Clear();
}
