namespace TwinWorld.Server.World;

/// <summary>The configured world cannot be built (a scenario file that is missing or has errors); each line says why.</summary>
internal sealed class WorldConfigurationException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
