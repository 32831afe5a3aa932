using System.Text.RegularExpressions;
using TwinWorld.TestSupport;

namespace TwinWorld.Cluster.Tests.Sweeps;

/// <summary>Silos as separate twin processes, one of them killed (kill -9) while it runs a sweep's run.</summary>
public sealed partial class SiloKillTests() : TwinProcessTest("kill")
{
    [Fact]
    public async Task A_silo_killed_mid_sweep_loses_no_run_its_runs_end_on_the_others_each_once()
    {
        int[] ports = TwinProcesses.FreePorts(6);
        var primary = await Twin.Silo(ports[0], ports[1]);
        var others = await Task.WhenAll(Twin.Silo(ports[2], ports[3], ports[0]), Twin.Silo(ports[4], ports[5], ports[0]));
        string gateways = string.Join(",", new[] { ports[1], ports[3], ports[5] }.Select(p => $"127.0.0.1:{p}"));
        var sweep = Twin.Start("sweep", ThreeSiloSweepTests.SmallFire, "--vary", "wind_speed=1,15", "--seeds", "3", "--until", "5m",
            "--cluster", gateways, "--cluster-id", Twin.ClusterId, "--out", Out);

        // The first of the two non-primary silos to start a run is killed: one that joined the cluster a moment
        // after the sweep began may be given no run at all (placement goes by the silos the cluster knows then).
        var running = new TaskCompletionSource<ChildProcess>();
        _ = Task.WhenAll(others.Select(async silo =>
        {
            if (await silo.WaitForOutput(" started", TwinProcesses.Patience))
            {
                running.TrySetResult(silo);
            }
        }));
        var victim = await running.Task.WaitAsync(TwinProcesses.Patience);
        victim.KillHard();
        int exitCode = await sweep.WaitForExit(TwinProcesses.Patience);

        Assert.True(exitCode == 0, sweep.Output);
        Assert.Contains("[6/6]", sweep.Output);
        string[] rows = [.. File.ReadAllLines(Path.Combine(Out, "runs.csv")).Skip(1)];
        Assert.Equal(6, rows.Length);
        Assert.Equal(6, rows.Select(r => string.Join(",", r.Split(',')[..3])).Distinct().Count());
        Assert.Equal(6, Directory.GetFiles(Path.Combine(Out, "runs")).Length);
        // The run the kill interrupted started again on another silo and ended there.
        string[] interrupted = [.. Keys(victim.Output, "started").Except(Keys(victim.Output, "finished"))];
        Assert.NotEmpty(interrupted);
        string survivors = primary.Output + others.Single(silo => silo != victim).Output;
        Assert.All(interrupted, key => Assert.Contains(key, Keys(survivors, "finished")));
        Assert.Contains("times: the silo running it was lost; it ended on", sweep.Output);
    }

    /// <summary>The runs a silo's log says were started (or finished, or cancelled): their grain keys.</summary>
    internal static HashSet<string> Keys(string log, string what)
        => [.. RunLine().Matches(log).Where(m => m.Groups["what"].Value == what).Select(m => m.Groups["key"].Value)];

    [GeneratedRegex(@"Run (?<key>\S+) (\(.*?\) )?(?<what>started|finished|cancelled)")]
    private static partial Regex RunLine();
}
