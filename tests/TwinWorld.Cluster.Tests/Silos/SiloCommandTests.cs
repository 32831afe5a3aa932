using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TwinWorld.Cluster.Tests.Sweeps;

namespace TwinWorld.Cluster.Tests.Silos;

/// <summary>What a user who gets a setting wrong sees: one line saying what, exit 2, nothing started.</summary>
public sealed class SiloCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData("--advertise is for many machines: give it with --redis.", "silo", "--advertise", "10.1.2.3")]
    [InlineData("--port and --gateway-port are both 30000; give them different ports.", "silo", "--port", "30000")]
    [InlineData("--primary nohost.invalid:11111: no address found for the host 'nohost.invalid'.", "silo", "--primary", "nohost.invalid:11111")]
    public async Task Bad_silo_settings_are_one_line_and_exit_2(string expected, params string[] args)
    {
        var (exitCode, output) = await TwinProcess.Run(Patience, args);

        Assert.Equal(2, exitCode);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public async Task A_silo_whose_port_is_taken_says_so_in_one_line_and_exits_2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        string port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var (exitCode, output) = await TwinProcess.Run(Patience, "silo", "--port", port, "--gateway-port", "1");

        Assert.Equal(2, exitCode);
        Assert.Equal("twin silo: could not start: Address already in use", output.Trim());
    }

    [Fact]
    public async Task A_sweep_where_no_silo_answers_says_so_in_one_line_exits_2_and_writes_nothing()
    {
        using var nobody = new TcpListener(IPAddress.Loopback, 0);
        nobody.Start();
        int port = ((IPEndPoint)nobody.LocalEndpoint).Port;
        nobody.Stop();
        string folder = Path.Combine(Path.GetTempPath(), $"twin-cluster-none-{Guid.NewGuid():N}");

        var (exitCode, output) = await TwinProcess.Run(Patience, "sweep", ThreeSiloSweepTests.SmallFire, "--seeds", "2", "--cluster", $"127.0.0.1:{port}", "--out", folder);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"--cluster 127.0.0.1:{port}: no silo of cluster 'twinworld' answers there (", output.Trim());
        Assert.DoesNotContain('\n', output.Trim());
        Assert.False(Directory.Exists(folder));
    }
}
