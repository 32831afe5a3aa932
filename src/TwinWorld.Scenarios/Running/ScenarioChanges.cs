using TwinWorld.Scenarios.Model;

namespace TwinWorld.Scenarios.Running;

/// <summary>
/// What binding a scenario's parameters differently changes, seen from the tick a run is forked at.
/// <see cref="Before"/>: what happened before that tick (the fork keeps the world as it was, so these
/// change nothing); <see cref="Ahead"/>: what still applies from it on. The setup (map, population
/// placement, seed) is not compared: a fork refuses changes to it.
/// </summary>
public sealed record ScenarioChanges(IReadOnlyList<string> Before, IReadOnlyList<string> Ahead)
{
    public bool IsEmpty => Before.Count == 0 && Ahead.Count == 0;

    public static ScenarioChanges Between(Scenario saved, Scenario changed, long forkTick)
    {
        var (before, ahead) = (new List<string>(), new List<string>());
        double hz = changed.TickRateHz;
        var old = ScenarioRun.Timeline(saved);
        var now = ScenarioRun.Timeline(changed);
        string At(ActionSpec action, long tick) => $"{Describe(action, tick)} at {Duration.Format(TimeSpan.FromSeconds(tick / hz))}";
        var added = Unmatched(now, old).Select(e => (e.Tick, Text: At(e.Action, e.Tick))).ToList();
        var dropped = Unmatched(old, now).Select(e => (e.Tick, Text: At(e.Action, e.Tick))).Where(e => !added.Contains(e)).Select(e => (e.Tick, Text: e.Text + " (dropped)"));
        foreach (var (tick, text) in added.Concat(dropped).Distinct().OrderBy(e => e.Tick))
        {
            (tick < forkTick ? before : ahead).Add(text);
        }
        foreach (var (was, group) in saved.Population.Zip(changed.Population))
        {
            if (was.ReactionDelaySeconds != group.ReactionDelaySeconds || was.FollowsAlerts != group.FollowsAlerts)
            {
                ahead.Add($"how group '{group.Name}' reacts to alerts");
            }
            if (was.Speed != group.Speed)
            {
                before.Add($"the walking speed of group '{group.Name}' (drawn when its people were placed)");
            }
        }
        foreach (var (was, trigger) in saved.Triggers.Zip(changed.Triggers))
        {
            if (was.Repeat != trigger.Repeat || was.EveryTick != trigger.EveryTick || was.Delay != trigger.Delay
                || !SameGroups(was.AnyOf, trigger.AnyOf) || !was.Actions.SequenceEqual(trigger.Actions))
            {
                ahead.Add($"trigger '{trigger.Name}'");
            }
        }
        if (saved.AlertPolicy?.AfterFirstHazard != changed.AlertPolicy?.AfterFirstHazard)
        {
            ahead.Add("the alert after the first hazard");
        }
        if (saved.End.After != changed.End.After || !SameGroups(saved.End.When, changed.End.When))
        {
            ahead.Add("the end");
        }
        if (!saved.Metrics.SequenceEqual(changed.Metrics) || saved.MetricsInterval != changed.MetricsInterval)
        {
            ahead.Add("the metrics");
        }
        return new ScenarioChanges(before, ahead);
    }

    /// <summary>Timeline entries of <paramref name="from"/> that <paramref name="other"/> lacks (counting repeats).</summary>
    private static IEnumerable<(ActionSpec Action, long Tick)> Unmatched(List<(ActionSpec Action, long Tick)> from, List<(ActionSpec Action, long Tick)> other)
    {
        var left = new List<(ActionSpec Action, long Tick)>(other);
        foreach (var entry in from)
        {
            if (!left.Remove(entry))
            {
                yield return entry;
            }
        }
    }

    private static bool SameGroups(IReadOnlyList<IReadOnlyList<ConditionSpec>> a, IReadOnlyList<IReadOnlyList<ConditionSpec>> b)
        => a.Count == b.Count && a.Zip(b).All(pair => pair.First.SequenceEqual(pair.Second));

    private static string Describe(ActionSpec action, long tick) => action switch
    {
        WindAction when tick == 0 => "the wind",
        WindAction => "the wind change",
        FireAction { Name: { } name } => $"fire '{name}'",
        TsunamiAction { Name: { } name } => $"tsunami '{name}'",
        TornadoAction { Name: { } name } => $"tornado '{name}'",
        RaiseSeaAction { Name: { } name } => $"sea raise '{name}'",
        CameraAction camera => $"camera '{camera.Camera.Name}'",
        _ => $"the {action.GetType().Name.Replace("Action", "", StringComparison.Ordinal).ToLowerInvariant()}",
    };
}
