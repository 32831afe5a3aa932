namespace TwinWorld.Ecs;

/// <summary>A world's archetype for one creation signature, with the column of each signature position.</summary>
internal sealed class SignatureArchetype(Archetype archetype, int[] columns)
{
    public Archetype Archetype { get; } = archetype;

    public int[] Columns { get; } = columns;
}
