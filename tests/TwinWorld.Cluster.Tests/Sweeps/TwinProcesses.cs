using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TwinWorld.TestSupport;

namespace TwinWorld.Cluster.Tests.Sweeps;

/// <summary>Silos and sweeps as separate twin processes of one test, in a cluster of its own; disposing kills what still runs.</summary>
internal sealed class TwinProcesses : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly List<ChildProcess> _processes = [];

    public string ClusterId { get; } = $"twinworld-test-{Guid.NewGuid():N}";

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }
    }

    /// <summary>A silo, once it says it is ready; the primary unless <paramref name="primaryPort"/> names one.</summary>
    public async Task<ChildProcess> Silo(int port, int gatewayPort, int? primaryPort = null, params string[] more)
    {
        string[] primary = primaryPort is { } p ? ["--primary", $"127.0.0.1:{p}"] : [];
        var silo = Start(["silo", "--port", Text(port), "--gateway-port", Text(gatewayPort), "--runs-at-once", "1", "--cluster-id", ClusterId, .. primary, .. more]);
        Assert.True(await silo.WaitForOutput("Silo ready", Patience), silo.Output);
        return silo;
    }

    public ChildProcess Start(params string[] args)
    {
        var process = TwinProcess.Start(args);
        _processes.Add(process);
        return process;
    }

    /// <summary>Ports free now, all different (held open together until all are found).</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        int[] ports = [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
