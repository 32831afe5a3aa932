using System.Collections.Concurrent;
using Google.Protobuf;
using TwinWorld.Net.Interest;
using TwinWorld.Net.State;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation;

namespace TwinWorld.Net.Tests;

/// <summary>Clients' state updates built on several threads at once are exactly those built one after another.</summary>
public class StreamWorkersTests
{
    private const int Clients = 24, Ticks = 40;

    /// <summary>
    /// A walking, burning town streamed to 24 clients, each following an agent of its own (some also a
    /// second point, as a camera; one with no focus at all), acknowledging in different patterns (every tick,
    /// every third, two ticks late, never): on 4 threads every client gets every tick byte for byte what it
    /// gets on 1.
    /// </summary>
    [Fact]
    public void Every_client_gets_the_same_bytes_on_four_threads_as_on_one()
    {
        var simulation = new TownScenario { Size = 256, Agents = 4000, Seed = 5, AlertAfter = TimeSpan.Zero, FireAfter = TimeSpan.Zero }.Build(20, workers: 1);
        var builder = new StateViewBuilder();
        var views = new List<StateView>();
        for (int tick = 0; tick < 20 + Ticks; tick++)
        {
            var report = simulation.Step();
            if (tick >= 20)
            {
                views.Add(builder.Build(simulation, report.Tick));
            }
        }
        Assert.Contains(views, v => v.Grid.TileCount > 0); // the fire's tiles are streamed too

        var terrain = simulation.Site.Terrain;
        var serial = Stream(views, terrain.CellSize, (terrain.WidthMetres, terrain.HeightMetres), threads: 1);
        var parallel = Stream(views, terrain.CellSize, (terrain.WidthMetres, terrain.HeightMetres), threads: 4);

        for (int c = 0; c < Clients; c++)
        {
            for (int t = 0; t < Ticks; t++)
            {
                Assert.True(serial[c][t].AsSpan().SequenceEqual(parallel[c][t]), $"client {c}, tick {views[t].Tick}: {serial[c][t].Length} bytes in turn, {parallel[c][t].Length} at once");
            }
        }
        // The clients' streams differ, so a mix-up between them would show.
        Assert.True(serial.Select(s => Convert.ToHexString(s[^1])).Distinct().Count() > Clients / 2);
    }

    [Fact]
    public void Each_client_is_built_once_and_no_scratch_is_used_by_two_builds_at_once()
    {
        using var workers = new StreamWorkers(4);
        var builds = new int[1000];
        var inUse = new ConcurrentDictionary<StreamScratch, int>();
        int overlaps = 0;

        workers.For(builds.Length, (i, scratch) =>
        {
            if (inUse.AddOrUpdate(scratch, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }
            Interlocked.Increment(ref builds[i]);
            Thread.SpinWait(2000);
            inUse.AddOrUpdate(scratch, 0, (_, n) => n - 1);
        });

        Assert.All(builds, n => Assert.Equal(1, n));
        Assert.Equal(0, overlaps);
        Assert.InRange(inUse.Count, 1, 4);
    }

    /// <summary>Every client's message for every tick, as the server sends it, built on <paramref name="threads"/> threads.</summary>
    private static byte[][][] Stream(List<StateView> views, float cellSize, (double, double) site, int threads)
    {
        var options = new InterestOptions { RadiusMetres = 60, ForgetRadiusMetres = 70, NearRadiusMetres = 15, MaxStaleTicks = 3, BudgetBytesPerTick = 1024 };
        var index = new ViewIndex(cellSize, site);
        using var workers = new StreamWorkers(threads);
        var streams = Enumerable.Range(0, Clients).Select(_ => new ClientStream(options)).ToArray();
        var followed = Enumerable.Range(0, Clients).Select(c => views[0].Agents[c * views[0].AgentCount / Clients].Id).ToArray();
        var sent = Enumerable.Range(0, Clients).Select(_ => new byte[Ticks][]).ToArray();
        for (int t = 0; t < Ticks; t++)
        {
            var view = views[t];
            index.Rebuild(view);
            workers.For(Clients, (c, scratch) =>
            {
                var focus = scratch.Focus;
                focus.Reset(active: c != 0);
                if (c != 0 && index.IndexOf(followed[c]) is >= 0 and var i)
                {
                    focus.Add(view.Agents[i].X, view.Agents[i].Y);
                    if (c % 3 == 0)
                    {
                        focus.Add(view.Agents[i].X + (int)Focus.Units(40), view.Agents[i].Y); // a camera 40 m away
                    }
                }
                long acked = Acked(c, t, views);
                streams[c].Acknowledged(acked);
                var update = streams[c].Next(index, focus, acked, scratch);
                update.InputAck = (uint)c;
                sent[c][t] = new Envelope { State = update }.ToByteArray();
            });
        }
        return sent;
    }

    /// <summary>Client c's acknowledged tick when tick t is built: the one before, only every third, two late, or none.</summary>
    private static long Acked(int c, int t, List<StateView> views) => (c % 4) switch
    {
        _ when t < 3 => -1,
        0 => views[t - 1].Tick,
        1 => views[(t - 1) / 3 * 3].Tick,
        2 => views[t - 3].Tick,
        _ => -1,
    };
}
