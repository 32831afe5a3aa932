using TwinWorld.Scenarios.Model;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Running;

/// <summary>
/// What binding a scenario's parameters differently changes, seen from the tick a run is forked at.
/// <see cref="Before"/>: what happened before that tick (the fork keeps the world as it was, so these
/// change nothing); <see cref="Ahead"/>: what still applies from it on. Anything that may act after the
/// start (zones, the map, the alert policy, triggers, the end) counts as ahead, so a change is called
/// useless only when it surely is. The population's placement and the seed are left to the setup hash.
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
                (forkTick == 0 ? ahead : before).Add($"the walking speed of group '{group.Name}' (drawn when its people are placed)");
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
        // An alert at a fixed time is a timeline entry; the rest of the policy (after the first hazard, where, which shelter) acts later.
        if (WithoutFixedTime(saved.AlertPolicy) != WithoutFixedTime(changed.AlertPolicy))
        {
            ahead.Add("the alert policy");
        }
        foreach (var (was, zone) in saved.Site.Zones.Zones.Zip(changed.Site.Zones.Zones))
        {
            if (was.Name != zone.Name || was.Kind != zone.Kind || was.Centre != zone.Centre || !was.Cells.AsSpan().SequenceEqual(zone.Cells))
            {
                ahead.Add($"zone '{zone.Name}'");
            }
        }
        if (saved.Site.Zones.Zones.Count != changed.Site.Zones.Zones.Count || !SameGround(saved.Site.Terrain, changed.Site.Terrain) || saved.WaterCellSize != changed.WaterCellSize)
        {
            ahead.Add("the map");
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

    private static AlertPolicy? WithoutFixedTime(AlertPolicy? policy) => policy is null ? null : policy with { At = null };

    private static bool SameGround(TerrainGrid a, TerrainGrid b)
        => ReferenceEquals(a, b) || (a.Width == b.Width && a.CellSize == b.CellSize && a.Elevation.AsSpan().SequenceEqual(b.Elevation)
            && a.LandUse.AsSpan().SequenceEqual(b.LandUse) && a.Fuel.AsSpan().SequenceEqual(b.Fuel));

    private static bool SameGroups(IReadOnlyList<IReadOnlyList<ConditionSpec>> a, IReadOnlyList<IReadOnlyList<ConditionSpec>> b)
        => a.Count == b.Count && a.Zip(b).All(pair => pair.First.SequenceEqual(pair.Second));

    private static string Describe(ActionSpec action, long tick) => action switch
    {
        CommandAction { Key: "wind" } when tick == 0 => "the wind",
        CommandAction { Key: "wind" } => "the wind change",
        CommandAction { HazardName.Length: > 0 } command => $"{command.Key.Replace('_', ' ')} '{command.HazardName}'",
        CommandAction { Command.Camera: { } camera } => $"camera '{camera.Name}'",
        CommandAction command => $"the {command.Key.Replace('_', ' ')}",
        _ => $"the {action.GetType().Name.Replace("Action", "", StringComparison.Ordinal).ToLowerInvariant()}",
    };
}
