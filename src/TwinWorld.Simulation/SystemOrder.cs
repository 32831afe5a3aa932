namespace TwinWorld.Simulation;

/// <summary>
/// Puts systems in an order that respects every <see cref="ISimulationSystem.RunsAfter"/>: a stable
/// topological sort (Kahn's), so systems that do not depend on each other keep the order they were
/// given in, and the order, like everything in a tick, is the same on every run.
/// </summary>
public static class SystemOrder
{
    /// <summary>The systems in running order; throws for a dependency that is not among them, or a cycle.</summary>
    public static IReadOnlyList<ISimulationSystem> Sort(IReadOnlyList<ISimulationSystem> systems)
    {
        var byType = systems.ToDictionary(system => system.GetType());
        foreach (var system in systems)
        {
            if (system.RunsAfter.FirstOrDefault(type => !byType.ContainsKey(type)) is { } missing)
            {
                throw new InvalidOperationException($"The {system.Name} system runs after {missing.Name}, which is not one of the systems.");
            }
        }
        var sorted = new List<ISimulationSystem>(systems.Count);
        var placed = new HashSet<Type>();
        while (sorted.Count < systems.Count)
        {
            var next = systems.FirstOrDefault(s => !placed.Contains(s.GetType()) && s.RunsAfter.All(placed.Contains))
                ?? throw new InvalidOperationException($"The systems' RunsAfter form a cycle among: {string.Join(", ", systems.Where(s => !placed.Contains(s.GetType())).Select(s => s.Name))}.");
            sorted.Add(next);
            placed.Add(next.GetType());
        }
        return sorted;
    }
}
