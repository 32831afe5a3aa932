using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TwinWorld.Server.Forecasting;
using TwinWorld.Server.Generation;
using TwinWorld.Server.Http;
using TwinWorld.Server.Metrics;
using TwinWorld.Server.Networking;
using TwinWorld.Server.Recording;
using TwinWorld.Server.Ticking;

namespace TwinWorld.Server.Tests;

/// <summary>The host's order, as ServerHost.Build and TickStage state it: what starts first, and who hears of a tick first.</summary>
public sealed class ServerCompositionTests
{
    [Fact]
    public async Task The_recorder_hears_of_each_tick_first_and_the_frames_last()
    {
        await using var host = ServerHost.Build(["--Http:Port=0", "--World:Scenario=", "--World:Size=128", "--World:Agents=20"]);

        var loop = host.Services.GetServices<IHostedService>().OfType<TickLoop>().Single();

        Assert.Equal(
            [typeof(ServerRecorder), typeof(ServerMetrics), typeof(ServerForecaster), typeof(NetworkService), typeof(FrameService)],
            loop.Listeners.Select(l => l.GetType()));
    }

    [Fact]
    public async Task What_the_tick_feeds_starts_before_the_first_tick_and_the_network_once_the_world_ticks()
    {
        await using var host = ServerHost.Build(["--Http:Port=0", "--World:Scenario=", "--World:Size=128", "--World:Agents=20"]);

        var ours = host.Services.GetServices<IHostedService>().Select(s => s.GetType()).Where(t => t.Namespace!.StartsWith("TwinWorld", StringComparison.Ordinal));

        // Started in this order, stopped in reverse: the network closes first, the recorder finishes its file last.
        Assert.Equal([typeof(ReadinessDrain), typeof(ServerRecorder), typeof(FrameService), typeof(TickLoop), typeof(NetworkService)], ours);
    }
}
