using Spectre.Console;

namespace TwinWorld.Cli.Summaries;

/// <summary>
/// Where a headless run's time went (<c>--profile</c>): each system's wall time and the state hash's,
/// summed over the ticks, and what is left of the wall clock (triggers, metrics, recording, checking
/// a replay's hashes, the command's own work).
/// </summary>
internal sealed class TickProfile
{
    private string[] _systems = [];
    private double[] _milliseconds = [];
    private double _hash;
    private long _ticks;

    /// <summary>Takes in the tick the simulation just ran.</summary>
    public void Add(Simulation.Simulator simulation)
    {
        if (_systems.Length == 0)
        {
            _systems = [.. simulation.Systems.Select(s => s.Name)];
            _milliseconds = new double[_systems.Length];
        }
        for (int s = 0; s < _milliseconds.Length; s++)
        {
            _milliseconds[s] += simulation.SystemMilliseconds[s];
        }
        _hash += simulation.HashMilliseconds;
        _ticks++;
    }

    public void Write(TimeSpan wall)
    {
        double total = wall.TotalMilliseconds;
        var table = new Table().Title($"Time per part over {_ticks:N0} ticks").AddColumn("part")
            .AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("ms a tick").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        void Row(string part, double milliseconds) =>
            table.AddRow(Markup.Escape(part), $"{milliseconds / 1000:F2}", $"{milliseconds / Math.Max(1, _ticks):F3}", $"{milliseconds / Math.Max(total, 1e-9):P0}");
        for (int s = 0; s < _systems.Length; s++)
        {
            Row(_systems[s], _milliseconds[s]);
        }
        Row("state hash", _hash);
        Row("the rest", Math.Max(0, total - _hash - _milliseconds.Sum()));
        AnsiConsole.Write(table);
    }
}
