namespace TwinWorld.Cli.Bots;

/// <summary>The swarm's figures over the last second, for the live display.</summary>
internal sealed class LiveFigures(IReadOnlyList<Bot> bots)
{
    public static readonly string[] Columns = ["elapsed", "running", "received KB/s (all)", "per bot", "updates/s per bot", "frames/s per bot", "round trip ms", "errors"];

    private long _bytes, _updates, _frames;
    private TimeSpan _at;

    public string[] Sample(TimeSpan elapsed)
    {
        var clients = bots.Select(b => b.Client).OfType<Client.TwinClient>().ToList();
        long bytes = clients.Sum(c => c.BytesReceived), updates = clients.Sum(c => c.StateUpdatesApplied), frames = clients.Sum(c => c.FramesReceived);
        double seconds = Math.Max(1e-3, (elapsed - _at).TotalSeconds);
        int running = bots.Count(b => b.Running);
        double perBot = Math.Max(1, running);
        var row = new[]
        {
            $"{elapsed.TotalSeconds:F0} s",
            running.ToString(),
            $"{(bytes - _bytes) / seconds / 1000:F1}",
            $"{(bytes - _bytes) / seconds / 1000 / perBot:F1}",
            $"{(updates - _updates) / seconds / perBot:F1}",
            $"{(frames - _frames) / seconds / perBot:F2}",
            clients.Where(c => double.IsFinite(c.RoundTripMs)).Select(c => c.RoundTripMs).DefaultIfEmpty(double.NaN).Average().ToString("F2"),
            clients.Sum(c => c.Errors.Count).ToString(),
        };
        (_bytes, _updates, _frames, _at) = (bytes, updates, frames, elapsed);
        return row;
    }
}
