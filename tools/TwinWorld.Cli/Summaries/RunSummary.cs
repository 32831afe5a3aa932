using System.Text.Json;
using System.Text.Json.Serialization;
using TwinWorld.Scenarios.Running;

namespace TwinWorld.Cli.Summaries;

/// <summary>
/// What <c>twin run --summary file.json</c> writes: the run's identity (scenario, seed, parameter
/// values), how it ended, its final outcome, its evacuation time and its metric samples over time.
/// <c>twin sweep</c> reads one per run. The fields are documented in the README ("Sweeps").
/// </summary>
internal sealed record RunSummary(
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

    public void Write(string path) => System.IO.File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>Reads a summary; throws <see cref="IOException"/> or <see cref="JsonException"/> when it cannot.</summary>
    public static RunSummary Read(string path)
        => JsonSerializer.Deserialize<RunSummary>(System.IO.File.ReadAllText(path), Json)
            ?? throw new JsonException($"{path} holds no summary (null)");
}
