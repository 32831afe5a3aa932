namespace TwinWorld.Ecs;

/// <summary>
/// Records structural changes during iteration and plays them back afterwards, in recorded order.
/// Entities created here get placeholder handles that later commands in the same buffer may use.
/// Playback checks every command against the world first and changes nothing if any would fail.
/// Not thread-safe: give each worker or chunk its own buffer and play them back in a fixed order.
/// </summary>
public sealed class CommandBuffer
{
    private readonly List<Command> _commands = [];
    private readonly Dictionary<ComponentType, ComponentValues> _values = [];
    private int _created;

    public int Count => _commands.Count;

    /// <summary>Records a new entity; the placeholder handle is valid in this buffer until playback.</summary>
    public Entity Create()
    {
        var placeholder = new Entity(-++_created, 0);
        _commands.Add(new Command(CommandKind.Create, placeholder, null, -1));
        return placeholder;
    }

    public void Destroy(Entity entity) => _commands.Add(new Command(CommandKind.Destroy, entity, null, -1));

    public void Add<T>(Entity entity, in T value = default) where T : struct => Record(CommandKind.Add, entity, value);

    public void Set<T>(Entity entity, in T value) where T : struct => Record(CommandKind.Set, entity, value);

    public void Remove<T>(Entity entity) where T : struct
        => _commands.Add(new Command(CommandKind.Remove, entity, ComponentType<T>.Instance, -1));

    /// <summary>
    /// Applies the commands in order and clears the buffer. Throws, with the world untouched, if any
    /// command would fail (stale entity, duplicate or missing component) or if the world is iterating.
    /// </summary>
    public void Playback(World world)
    {
        if (world.IsIterating)
        {
            throw new StructuralChangeException("play back a CommandBuffer");
        }
        Validate(world);
        var created = new Entity[_created];
        foreach (var command in _commands)
        {
            var entity = command.Entity.Id < 0 ? created[-command.Entity.Id - 1] : command.Entity;
            switch (command.Kind)
            {
                case CommandKind.Create:
                    created[-command.Entity.Id - 1] = world.Create();
                    break;
                case CommandKind.Destroy:
                    world.Destroy(entity);
                    break;
                case CommandKind.Remove:
                    world.RemoveComponent(entity, command.Type!);
                    break;
                default:
                    _values[command.Type!].Apply(world, entity, command.ValueIndex, command.Kind == CommandKind.Add);
                    break;
            }
        }
        Clear();
    }

    public void Clear()
    {
        _commands.Clear();
        foreach (var values in _values.Values)
        {
            values.Clear();
        }
        _created = 0;
    }

    private void Record<T>(CommandKind kind, Entity entity, in T value) where T : struct
    {
        var type = ComponentType<T>.Instance;
        if (!_values.TryGetValue(type, out var values))
        {
            _values.Add(type, values = new ComponentValues<T>());
        }
        _commands.Add(new Command(kind, entity, type, ((ComponentValues<T>)values).Append(value)));
    }

    /// <summary>Dry-runs the commands against each touched entity's component set.</summary>
    private void Validate(World world)
    {
        var state = new Dictionary<Entity, ComponentSet?>();
        for (int i = 0; i < _commands.Count; i++)
        {
            var command = _commands[i];
            var entity = command.Entity;
            if (command.Kind == CommandKind.Create)
            {
                state[entity] = ComponentSet.Empty;
                continue;
            }
            if (!state.TryGetValue(entity, out var set))
            {
                set = entity.Id < 0 ? null : world.ComponentSetOf(entity);
            }
            string? problem = set switch
            {
                null => entity.Id < 0 ? "it is a placeholder this buffer did not create (or not yet)" : "it is not alive",
                _ when command.Kind == CommandKind.Add && set.Contains(command.Type!.Id) => $"it already has {command.Type.Type.Name}",
                _ when command.Kind is CommandKind.Remove or CommandKind.Set && !set.Contains(command.Type!.Id) => $"it has no {command.Type.Type.Name}",
                _ => null,
            };
            if (problem is not null)
            {
                throw new InvalidOperationException($"CommandBuffer command #{i} ({command}) cannot apply, because {problem}; nothing was played back.");
            }
            state[entity] = command.Kind switch
            {
                CommandKind.Destroy => null,
                CommandKind.Add => set!.With(command.Type!.Id),
                CommandKind.Remove => set!.Without(command.Type!.Id),
                _ => set,
            };
        }
    }

    private enum CommandKind : byte
    {
        Create,
        Destroy,
        Add,
        Remove,
        Set,
    }

    private readonly record struct Command(CommandKind Kind, Entity Entity, ComponentType? Type, int ValueIndex)
    {
        public override string ToString() => Type is null ? $"{Kind} {Entity}" : $"{Kind} {Type.Type.Name} on {Entity}";
    }
}
