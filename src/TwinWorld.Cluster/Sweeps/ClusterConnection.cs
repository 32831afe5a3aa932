using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Net.Sockets;
using Orleans.Configuration;
using StackExchange.Redis;

namespace TwinWorld.Cluster.Sweeps;

/// <summary>A client connected to the cluster at an address; disposing it disconnects.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    /// <summary>How long connecting goes on trying before the address counts as wrong.</summary>
    public static readonly TimeSpan ConnectFor = TimeSpan.FromSeconds(10);

    private readonly IHost _host;

    private ClusterConnection(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Connects, or throws (an <see cref="OrleansException"/> or a socket's) when no silo answers there.</summary>
    public static async Task<ClusterConnection> Connect(ClusterAddress address, string clusterId, CancellationToken token)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId));
            if (address.Redis is { } redis)
            {
                client.UseRedisClustering(redis);
            }
            else
            {
                client.UseStaticClustering([.. address.Gateways]);
            }
            // Silos starting up may take a few seconds to answer; nothing answering by then is a wrong address.
            var trying = System.Diagnostics.Stopwatch.StartNew();
            client.UseConnectionRetryFilter(async (_, cancel) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancel);
                return trying.Elapsed < ConnectFor;
            });
            // Polls are quick: one unanswered this long is a silo gone, not a silo busy.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(token);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new ClusterConnection(host);
    }

    /// <summary>Whether <paramref name="e"/> says that no silo answers at the address (rather than a bug).</summary>
    public static bool IsUnreachable(Exception e) => e is OrleansException or SocketException or TimeoutException or RedisConnectionException;

    /// <summary>The innermost reason's first line, for a one-line message.</summary>
    public static string Reason(Exception e) => e.GetBaseException().Message.Split('\n')[0].Trim();

    /// <summary>How many silos are in the cluster now.</summary>
    public async Task<int> ActiveSilos() => (await Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
