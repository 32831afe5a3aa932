using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;

namespace TwinWorld.Replay.Reports;

/// <summary>
/// One run as a comparison report shows it: a name the analyst chose ("baseline", "alert 5 min
/// earlier"), what was different about it, its outcome sampled over time, and optionally its maps.
/// </summary>
public sealed class ReportRun
{
    public ReportRun(string name, string parameters, IEnumerable<(TimeSpan At, RunOutcome Outcome)> samples, RunMaps? maps = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(samples);
        var copy = samples.ToArray();
        if (copy.Length == 0)
        {
            throw new ArgumentException($"Run '{name}' has no samples; a report needs at least one.", nameof(samples));
        }
        for (int i = 1; i < copy.Length; i++)
        {
            if (copy[i].At <= copy[i - 1].At)
            {
                throw new ArgumentException($"Run '{name}': sample {i} at {copy[i].At} does not come after the one before it ({copy[i - 1].At}).", nameof(samples));
            }
        }
        if (copy[0].At < TimeSpan.Zero)
        {
            throw new ArgumentException($"Run '{name}' has a sample before the run started ({copy[0].At}).", nameof(samples));
        }
        Name = name;
        Parameters = parameters;
        Samples = copy;
        Maps = maps;
    }

    public string Name { get; }

    /// <summary>What was set for this run, as people read it ("warning_delay=0s"); may be empty.</summary>
    public string Parameters { get; }

    /// <summary>The outcome at each sample time, in time order (a copy, taken when the run was made).</summary>
    public IReadOnlyList<(TimeSpan At, RunOutcome Outcome)> Samples { get; }

    public RunMaps? Maps { get; }

    public TimeSpan End => Samples[^1].At;

    public RunOutcome Final => Samples[^1].Outcome;

    /// <summary>The same run, described otherwise (the actions a what-if took, a seed that differs from the others').</summary>
    public ReportRun Describing(string parameters) => new(Name, parameters, Samples, Maps);

    /// <summary>
    /// A scenario run as it stands: its samples, the parameters it set away from their defaults,
    /// and (unless left out) its maps now.
    /// </summary>
    public static ReportRun From(ScenarioRun run, string name, bool withMaps = true)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ReportRun(name, DescribeParameters(run.Scenario), run.Samples, withMaps ? RunMaps.Capture(run.Simulation) : null);
    }

    /// <summary>The parameters a scenario load set away from their defaults ("wave_height=9, arrival=0s"), or "defaults".</summary>
    public static string DescribeParameters(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var changed = scenario.Parameters.Where(p => p.Value != p.Default).Select(p => $"{p.Name}={p.Value}").ToArray();
        return changed.Length == 0 ? "defaults" : string.Join(", ", changed);
    }
}
