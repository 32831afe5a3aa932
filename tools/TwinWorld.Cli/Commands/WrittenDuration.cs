namespace TwinWorld.Cli.Commands;

/// <summary>A duration option's value: help shows its default as it is written (<c>1m</c>, <c>200ms</c>), not as <c>00:01:00</c>.</summary>
internal readonly record struct WrittenDuration(TimeSpan Value)
{
    public override string ToString() => Options.Show(Value);
}
