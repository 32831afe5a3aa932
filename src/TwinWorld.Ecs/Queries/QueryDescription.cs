namespace TwinWorld.Ecs;

/// <summary>
/// Which entities a query visits: those with every <c>All</c> component, at least one <c>Any</c>
/// component (when any are named), and no <c>None</c> component. Immutable; keep one in a static
/// field and reuse it, since each world caches the matching archetypes per description.
/// </summary>
public sealed class QueryDescription : IEquatable<QueryDescription>
{
    public static readonly QueryDescription Everything = new(ComponentSet.Empty, ComponentSet.Empty, ComponentSet.Empty);

    private QueryDescription(ComponentSet all, ComponentSet any, ComponentSet none)
    {
        All = all;
        Any = any;
        None = none;
    }

    public QueryDescription() : this(ComponentSet.Empty, ComponentSet.Empty, ComponentSet.Empty)
    {
    }

    internal ComponentSet All { get; }

    internal ComponentSet Any { get; }

    internal ComponentSet None { get; }

    public QueryDescription WithAll<T1>() where T1 : struct => WithAll(Signature<T1>.Types);

    public QueryDescription WithAll<T1, T2>() where T1 : struct where T2 : struct
        => WithAll(Signature<T1, T2>.Types);

    public QueryDescription WithAll<T1, T2, T3>() where T1 : struct where T2 : struct where T3 : struct
        => WithAll(Signature<T1, T2, T3>.Types);

    public QueryDescription WithAll<T1, T2, T3, T4>() where T1 : struct where T2 : struct where T3 : struct where T4 : struct
        => WithAll(Signature<T1, T2, T3, T4>.Types);

    public QueryDescription WithAny<T1>() where T1 : struct => WithAny(Signature<T1>.Types);

    public QueryDescription WithAny<T1, T2>() where T1 : struct where T2 : struct
        => WithAny(Signature<T1, T2>.Types);

    public QueryDescription WithAny<T1, T2, T3>() where T1 : struct where T2 : struct where T3 : struct
        => WithAny(Signature<T1, T2, T3>.Types);

    public QueryDescription WithNone<T1>() where T1 : struct => WithNone(Signature<T1>.Types);

    public QueryDescription WithNone<T1, T2>() where T1 : struct where T2 : struct
        => WithNone(Signature<T1, T2>.Types);

    public QueryDescription WithNone<T1, T2, T3>() where T1 : struct where T2 : struct where T3 : struct
        => WithNone(Signature<T1, T2, T3>.Types);

    internal QueryDescription WithAll(ComponentType[] types) => new(All.Union(ComponentSet.Of(types)), Any, None);

    private QueryDescription WithAny(ComponentType[] types) => new(All, Any.Union(ComponentSet.Of(types)), None);

    private QueryDescription WithNone(ComponentType[] types) => new(All, Any, None.Union(ComponentSet.Of(types)));

    internal bool Matches(ComponentSet archetype)
        => archetype.ContainsAll(All) && (Any.IsEmpty || archetype.Overlaps(Any)) && !archetype.Overlaps(None);

    public bool Equals(QueryDescription? other)
        => ReferenceEquals(this, other) || (other is not null && All.Equals(other.All) && Any.Equals(other.Any) && None.Equals(other.None));

    public override bool Equals(object? obj) => Equals(obj as QueryDescription);

    public override int GetHashCode() => HashCode.Combine(All, Any, None);

    public override string ToString() => $"All{All} Any{Any} None{None}";
}
