namespace TwinWorld.Ecs;

/// <summary>
/// A world's cached answer to a description: the matching archetypes in creation order. Archetypes
/// are never removed, so it only has to look at the ones created since it last looked.
/// </summary>
internal sealed class Query(QueryDescription description)
{
    private readonly List<Archetype> _matches = [];
    private int _seen;

    public QueryDescription Description { get; } = description;

    public List<Archetype> Archetypes(List<Archetype> worldArchetypes)
    {
        for (; _seen < worldArchetypes.Count; _seen++)
        {
            if (Description.Matches(worldArchetypes[_seen].Set))
            {
                _matches.Add(worldArchetypes[_seen]);
            }
        }
        return _matches;
    }
}
