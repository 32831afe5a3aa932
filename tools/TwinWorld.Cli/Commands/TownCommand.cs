using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Agents;

namespace TwinWorld.Cli.Commands;

/// <summary>
/// <c>twin town</c>: a headless evacuation of the procedural town, faster than real time. Agents go
/// about their day until an alert covers the whole town; it prints progress, then what everyone was
/// doing minute by minute and how fast the ticks ran.
/// </summary>
internal static class TownCommand
{
    public static Command Create()
    {
        var agents = Options.Count("--agents", "Agents to scatter over the town's low ground", 10_000, 0, 1_000_000);
        var seed = Options.Count("--seed", "Seed for the town and the run", 1, 0, int.MaxValue);
        var size = Options.Count("--size", "Town size in 2 m cells each way", 512, 128, 4096);
        var workers = Options.Count("--workers", "Worker threads (results do not depend on it)", Environment.ProcessorCount, 1, 256);
        var alertAfter = Options.Duration("--alert-after", "When the evacuation alert goes out", TimeSpan.FromMinutes(1));
        var until = Options.Duration("--until", "Simulated time to run", TimeSpan.FromMinutes(20));
        var command = new Command("town", "Run a headless evacuation of the procedural coastal town")
        {
            agents, seed, size, workers, alertAfter, until,
        };
        command.SetAction(parse => Run(
            parse.GetValue(agents), (ulong)parse.GetValue(seed), parse.GetValue(size), parse.GetValue(workers),
            parse.GetValue(alertAfter), parse.GetValue(until)));
        return command;
    }

    private static int Run(int agentCount, ulong seed, int size, int workers, TimeSpan alertAfter, TimeSpan until)
    {
        var setup = Stopwatch.StartNew();
        var scenario = new TownScenario { Seed = seed, Size = size, Agents = agentCount, AlertAfter = alertAfter };
        var simulation = scenario.Build(tickRateHz: 20, workers);
        AnsiConsole.MarkupLine($"[bold]Town[/] {size} x {size} cells, {agentCount:N0} agents, seed {seed}, {workers} worker(s); alert at {Duration.Format(alertAfter)}; set up in {setup.ElapsedMilliseconds} ms.");

        long ticks = (long)(until.TotalSeconds * simulation.TickRateHz);
        long ticksPerMinute = (long)(60 * simulation.TickRateHz);
        var rows = new List<(TimeSpan At, int[] Counts)>();
        var tickMs = new List<double>((int)Math.Min(ticks, 1_000_000));
        var systemMs = new double[simulation.Systems.Count];
        var run = Stopwatch.StartNew();
        void Advance(Action<double> progress)
        {
            while (simulation.Tick < ticks)
            {
                long start = Stopwatch.GetTimestamp();
                simulation.Step();
                tickMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                for (int s = 0; s < systemMs.Length; s++)
                {
                    systemMs[s] += simulation.SystemMilliseconds[s];
                }
                if (simulation.Tick % ticksPerMinute == 0 || simulation.Tick == ticks)
                {
                    rows.Add((simulation.SimulatedTime, simulation.CountBehaviours()));
                    progress(simulation.Tick * 100.0 / ticks);
                }
            }
        }
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            AnsiConsole.Progress().Start(context =>
            {
                var task = context.AddTask("simulating", maxValue: 100);
                Advance(percent => task.Value = percent);
            });
        }
        else
        {
            int lastDecile = 0;
            Advance(percent =>
            {
                if ((int)(percent / 10) > lastDecile)
                {
                    lastDecile = (int)(percent / 10);
                    Console.WriteLine($"simulating: {percent:F0}% ({Duration.Format(simulation.SimulatedTime)} of {Duration.Format(until)})");
                }
            });
        }
        run.Stop();
        Report(rows, tickMs, simulation.SimulatedTime, run.Elapsed, agentCount, simulation.StateHash);
        var perSystem = simulation.Systems.Select((system, s) => $"{system.Name} {systemMs[s] / Math.Max(1, tickMs.Count):F2} ms");
        AnsiConsole.MarkupLine($"Mean per system: {string.Join(", ", perSystem)}; the rest of a tick is inputs and the state hash.");
        return 0;
    }

    private static void Report(List<(TimeSpan At, int[] Counts)> rows, List<double> tickMs, TimeSpan simulated, TimeSpan wall, int agents, ulong hash)
    {
        var table = new Table().AddColumn("time");
        var behaviours = Enum.GetValues<Behaviour>();
        foreach (var behaviour in behaviours)
        {
            table.AddColumn(new TableColumn(behaviour == Behaviour.FollowPlayer ? "player" : behaviour.ToString().ToLowerInvariant()).RightAligned());
        }
        foreach (var (at, counts) in rows)
        {
            table.AddRow([Duration.Format(at), .. behaviours.Select(b => counts[(int)b].ToString("N0"))]);
        }
        AnsiConsole.Write(table);
        tickMs.Sort();
        int sheltered = rows.Count > 0 ? rows[^1].Counts[(int)Behaviour.Sheltered] : 0;
        double p99 = tickMs.Count == 0 ? 0 : tickMs[Math.Min(tickMs.Count - 1, (int)(tickMs.Count * 0.99))];
        AnsiConsole.MarkupLine($"Sheltered: [bold]{sheltered:N0}[/] of {agents:N0} ({(agents == 0 ? 0 : 100.0 * sheltered / agents):F1}%).");
        AnsiConsole.MarkupLine($"Ticks: {tickMs.Count:N0}, mean {(tickMs.Count == 0 ? 0 : tickMs.Average()):F2} ms, p99 {p99:F2} ms; {simulated.TotalSeconds / Math.Max(wall.TotalSeconds, 1e-9):F1}x real time. Final state hash {hash:X16}.");
    }
}
