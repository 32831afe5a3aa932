namespace TwinWorld.Ecs;

/// <summary>
/// Walks a query's chunks; holds the world's iteration guard from creation until disposed. A class,
/// not a struct, so that no copy of it can release the guard a second time.
/// </summary>
public sealed class ChunkEnumerator : IDisposable
{
    private readonly World _world;
    private readonly List<Archetype> _archetypes;
    private readonly int _archetypeCount;
    private int _archetype;
    private int _chunk;
    private int _index;
    private bool _disposed;

    internal ChunkEnumerator(World world, List<Archetype> archetypes)
    {
        _world = world;
        _archetypes = archetypes;
        _archetypeCount = archetypes.Count;
        _chunk = -1;
        world.BeginIteration();
    }

    public ChunkView Current { get; private set; }

    public bool MoveNext()
    {
        while (_archetype < _archetypeCount)
        {
            var archetype = _archetypes[_archetype];
            if (++_chunk < archetype.ChunkCount)
            {
                Current = new ChunkView(archetype, archetype.GetChunk(_chunk), _index++);
                return true;
            }
            _archetype++;
            _chunk = -1;
        }
        return false;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _world.EndIteration();
        }
    }
}
