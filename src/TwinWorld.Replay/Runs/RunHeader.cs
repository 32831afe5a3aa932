using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Model;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Replay.Runs;

/// <summary>
/// What a recording was made of: the scenario's text (so the recording stands alone), the parameter
/// overrides and seed it ran with, the build, the hash of its setup, the names of the state hash's
/// parts, how often it took snapshots, and for a what-if fork where it came from.
/// </summary>
public sealed record RunHeader(
    string BuildId,
    string ScenarioPath,
    string ScenarioText,
    IReadOnlyDictionary<string, string> Overrides,
    ulong Seed,
    ulong SetupHash,
    IReadOnlyList<string> HashParts,
    long SnapshotEveryTicks,
    long StartTick,
    string? ForkedFrom,
    DateTimeOffset Created)
{
    private const int Format = 1;

    /// <summary>This build: the module ids of the assemblies whose code decides every hash.</summary>
    public static string CurrentBuild { get; } = string.Join("/", new[] { typeof(Simulation.Simulator), typeof(Scenario) }.Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12]));

    /// <summary>Loads the scenario as it ran (with its overrides and seed), plus any further overrides (a what-if's).</summary>
    public ScenarioLoad LoadScenario(IReadOnlyDictionary<string, string>? moreOverrides = null)
    {
        var overrides = new Dictionary<string, string>(Overrides);
        foreach (var (name, value) in moreOverrides ?? new Dictionary<string, string>())
        {
            overrides[name] = value;
        }
        var load = ScenarioLoader.Parse(ScenarioText, ScenarioPath, overrides);
        return load.Scenario is { } scenario ? load with { Scenario = scenario with { Seed = Seed } } : load;
    }

    public byte[] ToBytes()
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes))
        {
            writer.Write(Format);
            writer.Write(BuildId);
            writer.Write(ScenarioPath);
            writer.Write(ScenarioText);
            writer.Write(Overrides.Count);
            foreach (var (name, value) in Overrides.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                writer.Write(name);
                writer.Write(value);
            }
            writer.Write(Seed);
            writer.Write(SetupHash);
            writer.Write(HashParts.Count);
            foreach (string part in HashParts)
            {
                writer.Write(part);
            }
            writer.Write(SnapshotEveryTicks);
            writer.Write(StartTick);
            writer.WriteNullable(ForkedFrom);
            writer.Write(Created.ToUnixTimeMilliseconds());
        }
        return bytes.ToArray();
    }

    public static RunHeader FromBytes(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload));
        int format = reader.ReadInt32();
        if (format != Format)
        {
            throw new InvalidDataException($"The recording's header is format {format}; this build reads format {Format}.");
        }
        string build = reader.ReadString();
        string path = reader.ReadString();
        string text = reader.ReadString();
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = reader.ReadInt32(); i > 0; i--)
        {
            overrides[reader.ReadString()] = reader.ReadString();
        }
        ulong seed = reader.ReadUInt64();
        ulong setup = reader.ReadUInt64();
        var parts = new List<string>();
        for (int i = reader.ReadInt32(); i > 0; i--)
        {
            parts.Add(reader.ReadString());
        }
        return new RunHeader(build, path, text, overrides, seed, setup, parts, reader.ReadInt64(), reader.ReadInt64(), reader.ReadNullableString(),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64()));
    }

    /// <summary>A header for a run of a scenario file as loaded with these overrides.</summary>
    public static RunHeader For(Scenario scenario, IReadOnlyDictionary<string, string> overrides, ulong setupHash, long snapshotEveryTicks, long startTick = 0, string? forkedFrom = null, string? scenarioText = null)
        => new(CurrentBuild, scenario.File, scenarioText ?? File.ReadAllText(scenario.File), overrides, scenario.Seed, setupHash,
            [.. StateHashParts.All.Select(p => p.Name)], snapshotEveryTicks, startTick, forkedFrom, DateTimeOffset.UtcNow);
}
