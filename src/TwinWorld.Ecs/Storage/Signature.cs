namespace TwinWorld.Ecs;

/// <summary>
/// A process-wide index for each generic list of component types used to create entities, so a world
/// finds the archetype for <c>Create&lt;A, B&gt;</c> with one array read instead of a set lookup.
/// </summary>
internal static class Signature
{
    private static int s_count;

    public static int Next() => Interlocked.Increment(ref s_count) - 1;
}

internal static class Signature<T1>
    where T1 : struct
{
    public static readonly int Index = Signature.Next();
    public static readonly ComponentType[] Types = [ComponentType<T1>.Instance];
}

internal static class Signature<T1, T2>
    where T1 : struct where T2 : struct
{
    public static readonly int Index = Signature.Next();
    public static readonly ComponentType[] Types = [ComponentType<T1>.Instance, ComponentType<T2>.Instance];
}

internal static class Signature<T1, T2, T3>
    where T1 : struct where T2 : struct where T3 : struct
{
    public static readonly int Index = Signature.Next();
    public static readonly ComponentType[] Types =
        [ComponentType<T1>.Instance, ComponentType<T2>.Instance, ComponentType<T3>.Instance];
}

internal static class Signature<T1, T2, T3, T4>
    where T1 : struct where T2 : struct where T3 : struct where T4 : struct
{
    public static readonly int Index = Signature.Next();
    public static readonly ComponentType[] Types =
        [ComponentType<T1>.Instance, ComponentType<T2>.Instance, ComponentType<T3>.Instance, ComponentType<T4>.Instance];
}
