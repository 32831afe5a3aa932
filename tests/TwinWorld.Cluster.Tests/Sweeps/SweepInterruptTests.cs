namespace TwinWorld.Cluster.Tests.Sweeps;

/// <summary>Ctrl+C on <c>twin sweep --cluster</c>: the client leaves no work behind on the silos.</summary>
public sealed class SweepInterruptTests() : TwinProcessTest("interrupt")
{
    [Fact]
    public async Task Ctrl_C_on_a_cluster_sweep_exits_130_and_cancels_its_runs_on_the_silo()
    {
        int[] ports = TwinProcesses.FreePorts(2);
        // No orphan timer in the way: any run cancelled within the test was cancelled by the client.
        var silo = await Twin.Silo(ports[0], ports[1], primaryPort: null, "--orphan-after", "10m");
        var sweep = Twin.Start("sweep", ThreeSiloSweepTests.SmallFire, "--seeds", "2", "--cluster", $"127.0.0.1:{ports[1]}",
            "--cluster-id", Twin.ClusterId, "--out", Out);
        Assert.True(await silo.WaitForOutput(" started", TwinProcesses.Patience), silo.Output + sweep.Output);

        sweep.Signal(2);

        Assert.Equal(130, await sweep.WaitForExit(TwinProcesses.Patience));
        // The silo runs one at a time: the run it had started (30 minutes of simulated fire) is cancelled, and the one
        // queued behind it never starts when the slot frees; none finishes.
        Assert.NotEmpty(SiloKillTests.Keys(silo.Output, "started"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!AllStartedCancelled(silo.Output) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.True(AllStartedCancelled(silo.Output), silo.Output);
        Assert.Empty(SiloKillTests.Keys(silo.Output, "finished"));
        Assert.Empty(Directory.GetFiles(Path.Combine(Out, "runs")));
    }

    private static bool AllStartedCancelled(string log) => SiloKillTests.Keys(log, "started").IsSubsetOf(SiloKillTests.Keys(log, "cancelled"));
}
