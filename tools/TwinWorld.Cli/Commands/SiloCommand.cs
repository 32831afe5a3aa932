using System.CommandLine;
using Microsoft.Extensions.Hosting;
using TwinWorld.Cluster.Silos;
using TwinWorld.Cluster.Sweeps;

namespace TwinWorld.Cli.Commands;

/// <summary>
/// <c>twin silo</c>: runs a TwinWorld cluster silo until Ctrl+C (or SIGTERM) stops it. On one machine
/// the first silo is the primary and the others name it (<c>--primary localhost:11111</c>); across
/// machines every silo names the Redis server that holds the membership. Bad settings, or ports
/// already taken, are one line on standard error and exit 2.
/// </summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var defaults = new SiloSettings();
        var port = Options.Ranged("--port", "The port silos talk to each other on", defaults.SiloPort, 1, 65535);
        var gatewayPort = Options.Ranged("--gateway-port", "The port clients (twin sweep --cluster) connect to", defaults.GatewayPort, 1, 65535);
        var primary = new Option<string?>("--primary") { Description = "One machine (development clustering): the primary silo's host:port; leave it out on the primary itself" };
        var redis = new Option<string?>("--redis") { Description = "Many machines: the Redis server holding the membership (host:port, or a StackExchange.Redis connection string)" };
        var advertise = new Option<string?>("--advertise") { Description = "With --redis: the IP address other silos and clients reach this one at (a pod's IP); the machine's own by default" };
        var clusterId = new Option<string>("--cluster-id") { Description = "The cluster's name; silos and clients with the same one form a cluster", DefaultValueFactory = _ => defaults.ClusterId };
        var runsAtOnce = Options.Ranged("--runs-at-once", "How many runs this silo runs at a time (one a core; more only contend)", defaults.RunsAtOnce, 1, 256);
        var orphanAfter = Options.Duration("--orphan-after", "Cancel a run that no client has asked about for this long (its client is gone)", defaults.OrphanAfter);
        var command = new Command("silo", "Run a cluster silo: it runs sweep runs for twin sweep --cluster") { port, gatewayPort, primary, redis, advertise, clusterId, runsAtOnce, orphanAfter };
        command.SetAction((parse, token) => Run(parse.GetValue(primary), parse.GetValue(advertise), defaults with
        {
            SiloPort = parse.GetValue(port),
            GatewayPort = parse.GetValue(gatewayPort),
            Redis = parse.GetValue(redis),
            ClusterId = parse.GetValue(clusterId)!,
            RunsAtOnce = parse.GetValue(runsAtOnce),
            OrphanAfter = parse.GetValue(orphanAfter).Value,
        }, token));
        return command;
    }

    private static async Task<int> Run(string? primaryText, string? advertiseText, SiloSettings settings, CancellationToken token)
    {
        string? problem = null;
        if (primaryText is not null)
        {
            settings = settings with { Primary = ClusterAddress.Endpoint(primaryText, out string? bad) };
            problem = bad is null ? null : $"--primary {primaryText}: {bad}.";
        }
        if (advertiseText is not null)
        {
            settings = settings with { Advertise = System.Net.IPAddress.TryParse(advertiseText, out var address) ? address : null };
            problem ??= settings.Advertise is null ? $"--advertise {advertiseText}: give an IP address (e.g. 10.1.2.3)." : null;
        }
        if ((problem ?? settings.Problem()) is { } refused)
        {
            Console.Error.WriteLine(refused);
            return 2;
        }
        using var host = SiloHost.Build(settings);
        try
        {
            await host.StartAsync(token);
        }
        catch (Exception e) when (!token.IsCancellationRequested)
        {
            // Ports taken, Redis unreachable, no primary answering: the settings, not a bug; the message is Orleans' own.
            Console.Error.WriteLine($"twin silo: could not start: {e.GetBaseException().Message.Split('\n')[0].Trim()}");
            return 2;
        }
        string membership = settings.Redis is { } server ? $"membership in Redis at {server}"
            : settings.Primary is { } first ? $"development clustering, primary {first}" : "development clustering, this silo the primary";
        Console.WriteLine($"Silo ready: port {settings.SiloPort}, gateway {settings.GatewayPort}, cluster '{settings.ClusterId}' ({membership}); {settings.RunsAtOnce} run(s) at once. Ctrl+C stops it.");
        try
        {
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: leave the cluster cleanly, so its runs start elsewhere at once.
        }
        await host.StopAsync(CancellationToken.None);
        Console.WriteLine("Silo stopped.");
        return 0;
    }
}
