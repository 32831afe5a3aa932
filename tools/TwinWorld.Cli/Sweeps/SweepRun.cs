namespace TwinWorld.Cli.Sweeps;

/// <summary>One run of a sweep: a variant with a seed, and where its summary goes.</summary>
internal sealed record SweepRun(Variant Variant, ulong Seed, string SummaryPath)
{
    public override string ToString() => $"{Variant.Label} seed {Seed}";
}
