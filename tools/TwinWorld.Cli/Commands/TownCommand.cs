using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Agents;

namespace TwinWorld.Cli.Commands;

/// <summary>
/// <c>twin town</c>: a headless run of the procedural town, faster than real time. Agents go about
/// their day until an alert covers the whole town; optionally a tsunami, a fire and a tornado strike.
/// It prints progress, then minute by minute what everyone was doing and the outcome so far (people
/// evacuated and hurt, land flooded and burned, buildings damaged), and how fast the ticks ran.
/// </summary>
internal static class TownCommand
{
    public static Command Create()
    {
        var agents = Options.Ranged("--agents", "Agents to scatter over the town's low ground", 10_000, 0, 1_000_000);
        var seed = Options.Ranged("--seed", "Seed for the town and the run", 1, 0, int.MaxValue);
        var size = Options.Ranged("--size", "Town size in 2 m cells each way", 512, 128, 4096);
        var workers = Options.Ranged("--workers", "Worker threads (results do not depend on it)", Environment.ProcessorCount, 1, 256);
        var alertAfter = Options.Duration("--alert-after", "When the evacuation alert goes out", TimeSpan.FromMinutes(1));
        var tsunamiAt = Options.OptionalDuration("--tsunami-at", "When a 6 m tsunami wave train starts coming in from the west");
        var fireAt = Options.OptionalDuration("--fire-at", "When a fire starts in the grass on the town's eastern edge");
        var tornadoAt = Options.OptionalDuration("--tornado-at", "When a tornado (60 m/s) touches down south of the town and crosses it");
        var windSpeed = Options.Ranged("--wind-speed", "Ambient wind speed at 10 m, m/s", 5f, 0f, 60f);
        var windFrom = Options.Ranged("--wind-from", "Compass bearing the wind blows from, degrees (90 = from the east)", 90f, 0f, 360f);
        var until = Options.Duration("--until", "Simulated time to run", TimeSpan.FromMinutes(20));
        var command = new Command("town", "Run the procedural coastal town headless, with an evacuation alert and optional hazards")
        {
            agents, seed, size, workers, alertAfter, tsunamiAt, fireAt, tornadoAt, windSpeed, windFrom, until,
        };
        command.SetAction(parse => Run(
            new TownScenario
            {
                Seed = (ulong)parse.GetValue(seed),
                Size = parse.GetValue(size),
                Agents = parse.GetValue(agents),
                AlertAfter = parse.GetValue(alertAfter).Value,
                TsunamiAfter = parse.GetValue(tsunamiAt),
                FireAfter = parse.GetValue(fireAt),
                TornadoAfter = parse.GetValue(tornadoAt),
                Wind = (parse.GetValue(windSpeed), parse.GetValue(windFrom)),
            },
            parse.GetValue(workers),
            parse.GetValue(until).Value));
        return command;
    }

    private static int Run(TownScenario scenario, int workers, TimeSpan until)
    {
        var setup = Stopwatch.StartNew();
        var simulation = scenario.Build(tickRateHz: 20, workers);
        AnsiConsole.MarkupLine($"[bold]Town[/] {scenario.Size} x {scenario.Size} cells, {scenario.Agents:N0} agents, seed {scenario.Seed}, {workers} worker(s); set up in {setup.ElapsedMilliseconds} ms.");
        AnsiConsole.MarkupLine(Markup.Escape($"Events: {Events(scenario)}; wind {scenario.Wind.Speed} m/s from {scenario.Wind.FromBearingDegrees} degrees."));

        long ticks = (long)(until.TotalSeconds * simulation.TickRateHz);
        long ticksPerMinute = (long)(60 * simulation.TickRateHz);
        var rows = new List<(int[] Counts, RunOutcome Outcome)>();
        var tickMs = new List<double>((int)Math.Min(ticks, 1_000_000));
        var systemMs = new double[simulation.Systems.Count];
        var rejected = new List<string>();
        var run = Stopwatch.StartNew();
        void Advance(Action<double> progress)
        {
            while (simulation.Tick < ticks)
            {
                long start = Stopwatch.GetTimestamp();
                rejected.AddRange(simulation.Step().Rejected);
                tickMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                for (int s = 0; s < systemMs.Length; s++)
                {
                    systemMs[s] += simulation.SystemMilliseconds[s];
                }
                if (simulation.Tick % ticksPerMinute == 0 || simulation.Tick == ticks)
                {
                    rows.Add((simulation.CountBehaviours(), simulation.MeasureOutcome()));
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
        rejected.ForEach(reason => AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(reason)}[/]"));
        ReportBehaviours(rows);
        ReportOutcomes(rows);
        ReportSpeed(tickMs, simulation, run.Elapsed, systemMs);
        return 0;
    }

    private static string Events(TownScenario s)
    {
        var events = new List<string> { $"alert at {Duration.Format(s.AlertAfter ?? TimeSpan.Zero)}" };
        if (s.TsunamiAfter is { } tsunami)
        {
            events.Add($"tsunami at {Duration.Format(tsunami)}");
        }
        if (s.FireAfter is { } fire)
        {
            events.Add($"fire at {Duration.Format(fire)}");
        }
        if (s.TornadoAfter is { } tornado)
        {
            events.Add($"tornado at {Duration.Format(tornado)}");
        }
        return string.Join(", ", events);
    }

    private static void ReportBehaviours(List<(int[] Counts, RunOutcome Outcome)> rows)
    {
        var table = new Table().Title("What people were doing").AddColumn("time");
        var behaviours = Enum.GetValues<Behaviour>();
        foreach (var behaviour in behaviours)
        {
            table.AddColumn(new TableColumn(behaviour == Behaviour.FollowPlayer ? "player" : behaviour.ToString().ToLowerInvariant()).RightAligned());
        }
        foreach (var (counts, outcome) in rows)
        {
            table.AddRow([Duration.Format(outcome.Time), .. behaviours.Select(b => counts[(int)b].ToString("N0"))]);
        }
        AnsiConsole.Write(table);
    }

    private static void ReportOutcomes(List<(int[] Counts, RunOutcome Outcome)> rows)
    {
        var table = new Table().Title("Outcome so far").AddColumn("time");
        foreach (string column in (string[])["evacuated", "injured", "incapacitated", "flooded ha", "max depth m", "burned ha", "burning ha", "damaged bldg m2", "destroyed bldg m2"])
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }
        foreach (var (_, o) in rows)
        {
            table.AddRow(
                Duration.Format(o.Time), o.Evacuated.ToString("N0"), o.Injured.ToString("N0"), o.Incapacitated.ToString("N0"),
                (o.FloodedArea / 10_000).ToString("F2"), o.MaxInundationDepth.ToString("F2"), (o.BurnedArea / 10_000).ToString("F2"),
                (o.BurningArea / 10_000).ToString("F2"), o.DamagedBuildingArea.ToString("N0"), o.DestroyedBuildingArea.ToString("N0"));
        }
        AnsiConsole.Write(table);
        if (rows.Count > 0)
        {
            var last = rows[^1].Outcome;
            AnsiConsole.MarkupLine($"Evacuated: [bold]{last.Evacuated:N0}[/] of {last.Agents:N0} ({(last.Agents == 0 ? 0 : 100.0 * last.Evacuated / last.Agents):F1}%); injured {last.Injured:N0}; incapacitated {last.Incapacitated:N0}.");
            AnsiConsole.MarkupLine($"Flooded {last.FloodedArea / 10_000:F2} ha (deepest {last.MaxInundationDepth:F2} m); burned {last.BurnedArea / 10_000:F2} ha; damaged buildings {last.DamagedBuildingArea:N0} m2 ({last.DestroyedBuildingArea:N0} m2 destroyed).");
        }
    }

    private static void ReportSpeed(List<double> tickMs, Simulation.Simulator simulation, TimeSpan wall, double[] systemMs)
    {
        tickMs.Sort();
        double p99 = tickMs.Count == 0 ? 0 : tickMs[Math.Min(tickMs.Count - 1, (int)(tickMs.Count * 0.99))];
        AnsiConsole.MarkupLine($"Ticks: {tickMs.Count:N0}, mean {(tickMs.Count == 0 ? 0 : tickMs.Average()):F2} ms, p99 {p99:F2} ms; {simulation.SimulatedTime.TotalSeconds / Math.Max(wall.TotalSeconds, 1e-9):F1}x real time. Final state hash {simulation.StateHash:X16}.");
        var perSystem = simulation.Systems.Select((system, s) => $"{system.Name} {systemMs[s] / Math.Max(1, tickMs.Count):F2} ms");
        AnsiConsole.MarkupLine($"Mean per system: {string.Join(", ", perSystem)}; the rest of a tick is inputs and the state hash.");
    }
}
