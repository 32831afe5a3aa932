namespace TwinWorld.Scenarios.Loading;

/// <summary>One thing wrong with a scenario, where it is (1-based line and column), and what to do about it.</summary>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
