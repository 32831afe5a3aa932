using System.Diagnostics.Metrics;
using System.Numerics;
using Microsoft.Extensions.DependencyInjection;
using TwinWorld.Server.Metrics;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Inputs;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using Point = TwinWorld.Protocol.V1.Point;
using StopHazard = TwinWorld.Protocol.V1.StopHazard;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Server.Tests.Metrics;

public sealed class ServerMetricsTests
{
    [Fact]
    public void The_hazards_gauge_counts_the_hazards_active_in_the_last_tick_not_the_stopped()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var metrics = new ServerMetrics(factory);
        var simulation = new TownScenario { Size = 128, Agents = 10, Seed = 3 }.Build(20, workers: 1);
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(100, 100)), Radius = 4, Name = "one" } }));
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(150, 150)), Radius = 4, Name = "two" } }));
        simulation.Inputs.Enqueue(new CommandInput(5, new WorldCommand { Stop = new StopHazard { Name = "one" } }));

        int Hazards()
        {
            int? seen = null;
            using var listener = new MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == "twinworld.world.hazards")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<int>((_, value, _, _) => seen = value);
            listener.Start();
            listener.RecordObservableInstruments();
            return seen ?? throw new InvalidOperationException("the gauge was not published");
        }

        metrics.AfterTick(simulation, simulation.Step());
        Assert.Equal(2, Hazards());
        for (int tick = 1; tick <= 5; tick++)
        {
            metrics.AfterTick(simulation, simulation.Step());
        }
        Assert.Equal(1, Hazards());
    }
}
