namespace TwinWorld.Bench.Ecs;

/// <summary>The iteration benchmarks' two groups, each with its own baseline: scalar loops and SIMD kernels.</summary>
internal static class IterationCategory
{
    public const string Scalar = "Scalar";
    public const string Simd = "Simd";
}
