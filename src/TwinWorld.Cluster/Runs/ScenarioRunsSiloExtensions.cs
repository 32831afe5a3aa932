using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace TwinWorld.Cluster.Runs;

/// <summary>What a silo needs to run a sweep's runs: its run slots, and failure detection quick enough for runs of minutes.</summary>
public static class ScenarioRunsSiloExtensions
{
    public static ISiloBuilder AddScenarioRuns(this ISiloBuilder silo, int runsAtOnce, TimeSpan orphanAfter)
    {
        silo.Services.AddSingleton(new RunSlots(runsAtOnce, orphanAfter));
        // A silo that stops answering is declared dead after 2 missed probes of 3 s (Orleans' default is 3 of 5 s),
        // so the runs it held start elsewhere within about 10 s. Not shorter: on a loaded 2-core machine probes
        // were seen to stall for 2 to 3 s, and a silo declared dead by mistake drops all its runs.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(3);
            o.NumMissedProbesLimit = 2;
        });
        return silo;
    }
}
