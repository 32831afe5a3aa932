using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TwinWorld.Cli.Bots;
using TwinWorld.Cli.Sweeps;

namespace TwinWorld.Cli.Commands;

/// <summary>
/// <c>twin bots --count N --server host:port --token T</c>: N headless clients join a running server,
/// steer their avatars on seeded random walks and subscribe to cameras, with live figures while they
/// run and, at the end, per bot: bytes received a second, round trip, state updates and frames a second
/// (mean and 95th percentile over the bots), and the errors. The bots run as a game runs the portable client:
/// one synchronous loop, a turn about every millisecond, polls every bot's client in turn (no thread per bot).
/// </summary>
internal static class BotsCommand
{
    /// <summary>Bots connecting at once: a burst of handshakes and snapshots is what a server sees at worst, not what it sees all day.</summary>
    private const int JoiningAtOnce = 16;

    /// <summary>The pause between turns of the loop. A thread's sleep, not Task.Delay: that waited 4 to 5 ms a turn here, which showed in the round trips.</summary>
    private static readonly TimeSpan Turn = TimeSpan.FromMilliseconds(1);

    public static Command Create()
    {
        var count = Options.Ranged("--count", "Bots to connect", 10, 1, 4096);
        var server = new Option<string>("--server") { Description = "The server, as host:port (e.g. 127.0.0.1:7777)", Required = true };
        var token = new Option<string>("--token") { Description = "The role token the bots join with (a player's to steer avatars)", Required = true };
        var seconds = Options.Ranged("--seconds", "How long to measure, once every bot has joined", 30.0, 1.0, 86_400.0);
        var cameras = Options.Ranged("--cameras", "Cameras each bot subscribes to (as many as the server has, at most)", 1, 0, 16);
        var seed = Options.Ranged("--seed", "Seed of the bots' random walks", 1, 0, int.MaxValue);
        var command = new Command("bots", "Connect headless bots to a server and measure what they receive") { count, server, token, seconds, cameras, seed };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse.GetValue(count), parse.GetValue(server)!, parse.GetValue(token)!, parse.GetValue(seconds),
            parse.GetValue(cameras), parse.GetValue(seed), cancel)));
        return command;
    }

    private static int Run(int count, string server, string token, double seconds, int cameras, int seed, CancellationToken cancel)
    {
        if (!TryParseServer(server, out string host, out int port))
        {
            Console.Error.WriteLine($"--server: '{server}' is not host:port with a port of 1 to 65535 (e.g. 127.0.0.1:7777).");
            return 2;
        }
        var bots = Enumerable.Range(0, count).Select(i => new Bot(i, seed + i)).ToList();
        try
        {
            AnsiConsole.MarkupLine(Markup.Escape($"Connecting {count} bot(s) to {host}:{port} ..."));
            var joining = Stopwatch.StartNew();
            Join(bots, host, port, token, cameras, cancel);
            var joined = bots.Where(b => b.Running).ToList();
            AnsiConsole.MarkupLine(Markup.Escape($"{joined.Count} of {count} joined in {joining.Elapsed.TotalSeconds:F1} s" +
                (joined.Count > 0 ? $" as {joined[0].Client!.Welcome.Role}" : "")));
            if (joined.Count == 0)
            {
                WriteFailures(bots);
                return 1;
            }
            joined.ForEach(b => b.StartMeasuring());
            double measured = Measure(joined, TimeSpan.FromSeconds(seconds), cancel);
            Report(bots, joined, measured);
            return bots.All(b => b.Failure is null && b.Running) ? 0 : 1;
        }
        finally
        {
            bots.ForEach(b => b.Dispose());
        }
    }

    /// <summary>
    /// Connects the bots in batches of <see cref="JoiningAtOnce"/>, the next once the last has joined or failed, polling
    /// them all meanwhile (until Ctrl+C). Batches, not a steady 16 in flight: that asked faster than the server's
    /// connection requests per address allow (all bots share one), and the requests over it went unanswered.
    /// </summary>
    private static void Join(List<Bot> bots, string host, int port, string token, int cameras, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        int next = 0;
        while (!cancel.IsCancellationRequested && (next < bots.Count || bots.Any(b => b.Joining)))
        {
            if (!bots.Any(b => b.Joining))
            {
                foreach (var bot in bots.Skip(next).Take(JoiningAtOnce))
                {
                    bot.Connect(host, port, token, cameras, clock.Elapsed);
                    next++;
                }
            }
            Update(bots, clock.Elapsed);
            Thread.Sleep(Turn);
        }
    }

    /// <summary>One turn of the loop: every bot's client polled once (its events fire here).</summary>
    private static void Update(List<Bot> bots, TimeSpan elapsed)
    {
        foreach (var bot in bots)
        {
            bot.Update(elapsed);
        }
    }

    /// <summary>Drives and pings the bots until the time is up (or Ctrl+C), with live figures; returns the seconds measured.</summary>
    private static double Measure(List<Bot> bots, TimeSpan duration, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var live = new LiveFigures(bots);
        void Loop(Action<string[]> show)
        {
            var nextPing = TimeSpan.Zero;
            var nextShow = TimeSpan.FromSeconds(1);
            while (clock.Elapsed < duration && !cancel.IsCancellationRequested && bots.Any(b => b.Running))
            {
                Update(bots, clock.Elapsed);
                bots.ForEach(b => b.Drive(clock.Elapsed));
                if (clock.Elapsed >= nextPing)
                {
                    // Once a second each, without waiting on the answers.
                    nextPing += TimeSpan.FromSeconds(1);
                    _ = Task.WhenAll(bots.Select(b => b.PingAsync()));
                }
                if (clock.Elapsed >= nextShow)
                {
                    nextShow += TimeSpan.FromSeconds(1);
                    show(live.Sample(clock.Elapsed));
                }
                Thread.Sleep(Turn);
            }
        }
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            var table = new Table().AddColumns(LiveFigures.Columns);
            AnsiConsole.Live(table).Start(context => Loop(row =>
            {
                table.Rows.Clear();
                table.AddRow(row);
                context.Refresh();
            }));
        }
        else
        {
            int shown = 0;
            Loop(row =>
            {
                // Piped: a line every 5 s.
                if (++shown % 5 == 0)
                {
                    Console.WriteLine(string.Join(", ", LiveFigures.Columns.Zip(row, (c, v) => $"{c} {v}")));
                }
            });
        }
        // The last pings' answers.
        for (var answers = Stopwatch.StartNew(); answers.ElapsedMilliseconds < 200; Thread.Sleep(Turn))
        {
            Update(bots, clock.Elapsed);
        }
        if (!bots.Any(b => b.Running))
        {
            AnsiConsole.MarkupLine(Markup.Escape($"All {bots.Count} bot(s) are gone after {clock.Elapsed.TotalSeconds:F1} s; stopping early."));
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static void Report(List<Bot> bots, List<Bot> joined, double seconds)
    {
        var figures = joined.Select(b => b.Figures(seconds)).ToList();
        var roundTrips = joined.SelectMany(b => b.RoundTrips).ToList();
        var table = new Table().AddColumns("per bot", "mean", "p95", "min", "max");
        void Row(string name, IEnumerable<double> values, string format)
        {
            var list = values.Where(double.IsFinite).ToList();
            string[] cells = list.Count == 0 ? ["-", "-", "-", "-"] : [.. new[] { list.Average(), Percentile.Of(list, 0.95), list.Min(), list.Max() }.Select(v => v.ToString(format))];
            table.AddRow([name, .. cells]);
        }
        Row("received, KB/s", figures.Select(f => f.BytesPerSecond / 1000), "F1");
        Row("state updates/s", figures.Select(f => f.UpdatesPerSecond), "F1");
        Row("frames/s", figures.Select(f => f.FramesPerSecond), "F2");
        Row("round trip, ms (every ping)", roundTrips, "F2");
        Row("avatar moved, m (start to end)", figures.Select(f => f.AvatarMovedMetres), "F1");
        AnsiConsole.MarkupLine(Markup.Escape($"{joined.Count} bot(s) measured for {seconds:F1} s; {roundTrips.Count} pings answered."));
        AnsiConsole.Write(table);
        int errors = figures.Sum(f => f.Errors) + bots.Count - joined.Count;
        AnsiConsole.MarkupLine(Markup.Escape($"errors: {errors} (error replies from the server, failed joins and disconnects)"));
        WriteFailures(bots);
        foreach (var group in joined.SelectMany(b => b.ErrorReplies).GroupBy(e => $"{e.Code}: {e.Message}").OrderByDescending(g => g.Count()).Take(5))
        {
            AnsiConsole.MarkupLine(Markup.Escape($"  {group.Count()} error repl{(group.Count() == 1 ? "y" : "ies")}: {group.Key}"));
        }
        int subscribed = joined.Count(b => b.Cameras > 0);
        if (figures.All(f => f.FramesPerSecond == 0))
        {
            AnsiConsole.MarkupLine(Markup.Escape(subscribed == 0
                ? "frames: none; the server has no cameras to subscribe to (frames flow once it places cameras and generates them)."
                : $"frames: none; {subscribed} bot(s) subscribed to cameras but the server sent no frames (it is not generating any)."));
        }
    }

    private static void WriteFailures(List<Bot> bots)
    {
        foreach (var group in bots.Where(b => b.Failure is not null).GroupBy(b => b.Failure).OrderByDescending(g => g.Count()).Take(5))
        {
            AnsiConsole.MarkupLine(Markup.Escape($"  {group.Count()} bot(s): {group.Key}"));
        }
    }

    private static bool TryParseServer(string server, out string host, out int port)
    {
        int colon = server.LastIndexOf(':');
        host = colon > 0 ? server[..colon] : "";
        port = 0;
        return colon > 0 && int.TryParse(server[(colon + 1)..], out port) && port is >= 1 and <= 65535;
    }
}
