using System.Numerics;

namespace TwinWorld.Ecs;

/// <summary>An immutable set of component type ids, as a bit set: archetype signatures and query filters.</summary>
internal sealed class ComponentSet : IEquatable<ComponentSet>
{
    public static readonly ComponentSet Empty = new([]);

    private readonly ulong[] _words;
    private readonly int _hash;

    private ComponentSet(ulong[] words)
    {
        int length = words.Length;
        while (length > 0 && words[length - 1] == 0)
        {
            length--;
        }
        _words = length == words.Length ? words : words[..length];
        var hash = new HashCode();
        foreach (ulong word in _words)
        {
            hash.Add(word);
        }
        _hash = hash.ToHashCode();
    }

    public static ComponentSet Of(ReadOnlySpan<ComponentType> types)
    {
        var set = Empty;
        foreach (var type in types)
        {
            set = set.With(type.Id);
        }
        return set;
    }

    public bool IsEmpty => _words.Length == 0;

    public bool Contains(int id)
    {
        int word = id >> 6;
        return word < _words.Length && (_words[word] & (1UL << id)) != 0;
    }

    public ComponentSet With(int id)
    {
        var words = new ulong[Math.Max(_words.Length, (id >> 6) + 1)];
        _words.CopyTo(words, 0);
        words[id >> 6] |= 1UL << id;
        return new ComponentSet(words);
    }

    public ComponentSet Without(int id)
    {
        var words = (ulong[])_words.Clone();
        if (id >> 6 < words.Length)
        {
            words[id >> 6] &= ~(1UL << id);
        }
        return new ComponentSet(words);
    }

    public ComponentSet Union(ComponentSet other)
    {
        var words = new ulong[Math.Max(_words.Length, other._words.Length)];
        _words.CopyTo(words, 0);
        for (int i = 0; i < other._words.Length; i++)
        {
            words[i] |= other._words[i];
        }
        return new ComponentSet(words);
    }

    public bool ContainsAll(ComponentSet other)
    {
        if (other._words.Length > _words.Length)
        {
            return false;
        }
        for (int i = 0; i < other._words.Length; i++)
        {
            if ((_words[i] & other._words[i]) != other._words[i])
            {
                return false;
            }
        }
        return true;
    }

    public bool Overlaps(ComponentSet other)
    {
        int length = Math.Min(_words.Length, other._words.Length);
        for (int i = 0; i < length; i++)
        {
            if ((_words[i] & other._words[i]) != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The ids in ascending order.</summary>
    public IEnumerable<int> Ids()
    {
        for (int w = 0; w < _words.Length; w++)
        {
            ulong word = _words[w];
            while (word != 0)
            {
                yield return (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }

    public bool Equals(ComponentSet? other) => other is not null && _words.AsSpan().SequenceEqual(other._words);

    public override bool Equals(object? obj) => Equals(obj as ComponentSet);

    public override int GetHashCode() => _hash;

    public override string ToString() => "[" + string.Join(", ", Ids().Select(id => ComponentType.FromId(id).Type.Name)) + "]";
}
