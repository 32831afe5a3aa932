using Orleans.TestingHost;
using TwinWorld.Cluster.Runs;

namespace TwinWorld.Cluster.Tests.Sweeps;

/// <summary>Three silos in this test process (Orleans' TestingHost), on real sockets, so a twin process can be their client too.</summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    /// <summary>Short, so the orphan test is quick; polls come every 250 ms, far inside it.</summary>
    public static readonly TimeSpan OrphanAfter = TimeSpan.FromSeconds(3);

    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>The silos' gateways as <c>twin sweep --cluster</c> takes them.</summary>
    public string Gateways => string.Join(",", Cluster.Silos.Select(s => s.GatewayAddress.Endpoint));

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.Options.ClusterId = builder.Options.ServiceId = $"twinworld-test-{Guid.NewGuid():N}";
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.AddSiloBuilderConfigurator<Configurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddScenarioRuns(runsAtOnce: 1, OrphanAfter);
    }
}
