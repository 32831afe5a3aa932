using System.Text.Json;
using System.Text.Json.Serialization;
using TwinWorld.Scenarios.Running;

namespace TwinWorld.Cluster.Runs;

/// <summary>
/// What <c>twin run --summary file.json</c> writes: the run's identity (scenario, seed, parameter
/// values), how it ended, its final outcome, its evacuation time and its metric samples over time.
/// <c>twin sweep</c> reads one per run. The fields are documented in the README ("Sweeps").
/// </summary>
public sealed record RunSummary(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("seed")] ulong Seed,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, string> Parameters,
    [property: JsonPropertyName("tick_rate_hz")] double TickRateHz,
    [property: JsonPropertyName("end_reason")] string EndReason,
    [property: JsonPropertyName("state_hash")] string StateHash,
    [property: JsonPropertyName("evacuation_time_s")] double? EvacuationTimeSeconds,
    [property: JsonPropertyName("outcome")] OutcomeSample Outcome,
    [property: JsonPropertyName("samples")] IReadOnlyList<OutcomeSample> Samples)
{
    /// <summary>Bumped when a field changes meaning or goes away (adding one does not).</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // A summary with a field missing or null where none may be is refused, not half read.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The summary of a run that has ended.</summary>
    public static RunSummary Of(ScenarioRun run, EvacuationClock evacuation)
    {
        var scenario = run.Scenario;
        var final = run.Samples[^1].Outcome;
        return new RunSummary(
            CurrentFormat,
            scenario.Name,
            Path.GetFullPath(scenario.File),
            scenario.Seed,
            scenario.Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
            scenario.TickRateHz,
            run.EndReason ?? "still running",
            run.Simulation.StateHash.ToString("X16"),
            evacuation.TimeToReach(final.Evacuated),
            OutcomeSample.Of(final),
            [.. run.Samples.Select(s => OutcomeSample.Of(s.Outcome))]);
    }

    /// <summary>The summary as the file holds it: what a silo sends back, so that a cluster's run files are a local run's to the byte.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public void Write(string path) => System.IO.File.WriteAllText(path, ToJson());

    /// <summary>Reads a summary; throws <see cref="IOException"/> or <see cref="JsonException"/> when it cannot.</summary>
    public static RunSummary Read(string path) => Parse(System.IO.File.ReadAllText(path), path);

    /// <summary>Reads a summary's JSON; <paramref name="source"/> names it in the error when it holds none.</summary>
    public static RunSummary Parse(string json, string source)
        => JsonSerializer.Deserialize<RunSummary>(json, Json) ?? throw new JsonException($"{source} holds no summary (null)");
}
