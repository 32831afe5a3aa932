using Spectre.Console;

namespace TwinWorld.Cli.Commands;

/// <summary>
/// Progress for long work: a live bar in a terminal, a line per tenth when piped (logs and CI).
/// The work reports how far it has got, in the units of <c>total</c>.
/// </summary>
internal static class WorkProgress
{
    public static void Run(string label, double total, Func<double, string> describe, Action<Action<double>> work)
    {
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            AnsiConsole.Progress().Start(context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: Math.Max(total, 1e-9));
                work(done => task.Value = done);
            });
            return;
        }
        int decile = 0;
        work(done =>
        {
            int now = total > 0 ? (int)(10 * done / total) : 10;
            if (now > decile)
            {
                decile = now;
                Console.WriteLine($"{label}: {Math.Min(100, 10 * now)}% ({describe(done)})");
            }
        });
    }
}
