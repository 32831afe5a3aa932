namespace TwinWorld.Bench.Ecs;

internal static class EntityCount
{
    /// <summary>As in the published comparisons; every ECS benchmark reports time per entity.</summary>
    public const int Value = 100_000;
}
