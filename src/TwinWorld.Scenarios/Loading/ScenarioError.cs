namespace TwinWorld.Scenarios.Loading;

/// <summary>One thing wrong with a scenario, where it is (1-based line and column; 0 for the file as a whole), and what to do about it.</summary>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    public override string ToString() => Line == 0 ? $"{File}: {Message}" : $"{File}:{Line}:{Column}: {Message}";
}
