using Google.Protobuf;
using TwinWorld.Client;
using TwinWorld.Net.Transport;
using TwinWorld.Protocol.V1;
using TwinWorld.Protocol.Wire;

namespace TwinWorld.Net.Tests;

/// <summary>
/// 100,000+ random and mutated messages at a live server over loopback, from clients in every phase and
/// role (rate limits and strikes raised so the fuzzers stay connected). Afterwards the server still
/// ticks, and a fresh client joins and mirrors it exactly.
/// </summary>
public class FuzzTests
{
    private const int Messages = 120_000;

    [Fact]
    public async Task A_hundred_thousand_random_and_mutated_messages_leave_the_server_running()
    {
        await using var server = new LiveServer("--Network:MessagesPerSecond=100000", "--Network:MaxStrikes=100000000");
        await server.InitializeAsync();
        var random = new Random(2024);
        var corpus = Corpus();
        var fuzzers = new List<TwinClient>();
        string[] tokens = [LiveServer.Player, LiveServer.Author, LiveServer.Analyst, LiveServer.Admin];
        for (int i = 0; i < 6; i++)
        {
            fuzzers.Add(i < 2 ? await TwinClient.ConnectRawAsync("127.0.0.1", server.Port) : await server.Join(tokens[i % tokens.Length], $"fuzzer-{i}"));
        }
        long tickBefore = server.Simulation.Tick;
        int sent = 0;
        while (sent < Messages)
        {
            var fuzzer = fuzzers[random.Next(fuzzers.Count)];
            if (!fuzzer.IsConnected)
            {
                // A mutation can become a polite Leave; come back, as a real client would.
                fuzzer.Dispose();
                fuzzers[fuzzers.IndexOf(fuzzer)] = fuzzer = await server.Join(tokens[random.Next(tokens.Length)], "fuzzer-again");
            }
            fuzzer.SendRaw((NetChannel)random.Next(3), Mutate(corpus[random.Next(corpus.Length)], random));
            if (++sent % 2000 == 0)
            {
                await Task.Delay(10); // let the client threads drain their queues into the transport
            }
        }
        await Task.Delay(500);

        using var witness = await server.Join(LiveServer.Viewer, "witness");
        var reply = await witness.QueryStateHashAsync();
        await witness.WaitForStateAsync((long)reply.Tick);
        // Exactly what it was sent (the fuzzers' hazards may hold part of the whole world back under the budget).
        Assert.Equal(reply.ClientViewHash, witness.FindView((long)reply.Tick)!.ComputeHash());
        // It keeps ticking (within 10 s: on a loaded machine the fuzzing may take less than the second 20 ticks need).
        await SessionTests.WaitUntil(() => server.Simulation.Tick > tickBefore + 20);
        Assert.True(fuzzers.Sum(f => f.Errors.Count) > 1000, "the fuzzers were answered with errors");
        fuzzers.ForEach(f => f.Dispose());
    }

    /// <summary>One valid message of every kind a client sends (Leave aside) and some a server sends.</summary>
    private static byte[][] Corpus() =>
    [
        .. new Envelope[]
        {
            new() { Hello = new Hello { ProtocolVersion = 1, Token = LiveServer.Player, ClientName = "fuzz" } },
            new() { Join = new JoinRequest() },
            new() { Ping = new Ping { ClientTimeUs = 12345 } },
            new() { Subscribe = new CameraSubscribe { CameraIds = { 1, 2, 3 } } },
            new() { HashQuery = new StateHashQuery { RequestId = 1, Tick = 5 } },
            new() { Forecast = new ForecastRequest { RequestId = 2, AheadSeconds = 60, Actions = { "wind: {speed: 3}" } } },
            new() { Author = new AuthorCommand { RequestId = 3, World = new WorldCommand { Fire = new IgniteFire { At = new Point { X = 50, Y = 60 }, Radius = 2 } } } },
            new() { Author = new AuthorCommand { RequestId = 4, World = new WorldCommand { Tsunami = new StartTsunami { Height = 2, Period = 300, From = 270 } } } },
            new() { Author = new AuthorCommand { RequestId = 5, World = new WorldCommand { Tornado = new StartTornado { From = new Point { X = 10, Y = 10 }, To = new Point { X = 200, Y = 200 }, Speed = 10, MaxWind = 50 } } } },
            new() { Author = new AuthorCommand { RequestId = 6, World = new WorldCommand { Stop = new StopHazard { Name = "fire-1" } } } },
            new() { Author = new AuthorCommand { RequestId = 7, World = new WorldCommand { Wind = new SetWind { Speed = 5, From = 90 } } } },
            new() { StateAck = new StateAck { Tick = 10 } },
            new() { Input = new PlayerInput { Signals = { new PlayerSignal { Sequence = 1, Tick = 3, DirectionX = 1 }, new PlayerSignal { Sequence = 2, Tick = 4, DirectionY = -1 } } } },
            new() { Welcome = new Welcome { Role = Role.Admin } },
            new() { State = new StateUpdate { Tick = 1, Agents = ByteString.CopyFrom(1, 2, 3) } },
        }.Select(e => e.ToByteArray()),
    ];

    private static byte[] Mutate(byte[] message, Random random)
    {
        switch (random.Next(5))
        {
            case 0: // random bytes
                var noise = new byte[random.Next(0, 200)];
                random.NextBytes(noise);
                return noise;
            case 1: // flipped bits
                var flipped = (byte[])message.Clone();
                for (int i = random.Next(1, 4); i > 0 && flipped.Length > 0; i--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }
                return flipped;
            case 2: // cut short
                return message[..random.Next(0, message.Length + 1)];
            case 3: // bytes inserted
                var grown = new List<byte>(message);
                grown.InsertRange(random.Next(grown.Count + 1), Enumerable.Range(0, random.Next(1, 8)).Select(_ => (byte)random.Next(256)));
                return [.. grown];
            default: // intact: valid messages in the wrong phase, role or channel
                return message;
        }
    }
}
