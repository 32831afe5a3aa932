using System.Net;
using System.Net.WebSockets;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Tests.Web;

/// <summary>The web viewer's gateway: browsers speak the UDP clients' protocol over a WebSocket, through the same server.</summary>
public class WebSocketGatewayTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task Pages_from_the_server_itself_or_an_allowed_origin_may_open_a_socket_and_others_are_refused()
    {
        foreach (string host in (string[])["127.0.0.1", "localhost"])
        {
            using var own = await BrowserSocket.ConnectAsync(server.HttpPort, $"http://{host}:{server.HttpPort}");
            Assert.Equal(WebSocketState.Open, own.State);
        }
        using (var allowed = await BrowserSocket.ConnectAsync(server.HttpPort, LiveServer.AllowedOrigin))
        {
            Assert.Equal(WebSocketState.Open, allowed.State);
        }

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => BrowserSocket.ConnectAsync(server.HttpPort, "https://evil.example"));
        Assert.Contains("403", refused.Message);
        // A loopback page on another port is another origin too.
        await Assert.ThrowsAsync<WebSocketException>(() => BrowserSocket.ConnectAsync(server.HttpPort, $"http://127.0.0.1:{server.HttpPort + 1}"));
        using var http = new HttpClient();
        // DNS rebinding: the page's domain now points here, and its Host header matches its origin.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{server.HttpPort}/ws");
        request.Headers.Host = $"evil.example:{server.HttpPort}";
        request.Headers.Add("Origin", $"http://evil.example:{server.HttpPort}");
        foreach (var (name, value) in (ReadOnlySpan<(string, string)>)[("Connection", "Upgrade"), ("Upgrade", "websocket"), ("Sec-WebSocket-Version", "13"), ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Http:AllowedOrigins", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_browser_socket_is_welcomed_joins_and_mirrors_the_state_stream()
    {
        using var socket = await BrowserSocket.ConnectAsync(server.HttpPort);
        await socket.HelloAsync(LiveServer.Author);

        var welcome = (await socket.ReceiveAsync(Envelope.BodyOneofCase.Welcome)).Welcome;
        Assert.Equal(Role.Author, welcome.Role);
        Assert.Equal((uint)server.Simulation.Site.Terrain.Width, welcome.World.WidthCells);

        await socket.SendAsync(new Envelope { Join = new JoinRequest() });
        Assert.False((await socket.ReceiveAsync(Envelope.BodyOneofCase.Joined)).Joined.HasAvatar);
        var mirror = new StateMirror();
        for (int applied = 0; applied < 5;)
        {
            var update = (await socket.ReceiveAsync(Envelope.BodyOneofCase.State)).State;
            if (mirror.Apply(update) == MirrorStatus.Applied)
            {
                applied++;
                await socket.SendAsync(new Envelope { StateAck = new StateAck { Tick = update.Tick } });
            }
        }
        Assert.True(mirror.Latest!.Agents.Length > 0, "the author sees the town's agents");

        // The mirror built from the socket equals the view the server made for this client.
        await socket.SendAsync(new Envelope { HashQuery = new StateHashQuery { RequestId = 7, Tick = (ulong)mirror.Latest.Tick } });
        var reply = (await socket.ReceiveAsync(Envelope.BodyOneofCase.HashReply)).HashReply;
        Assert.Equal(mirror.Latest.ComputeHash(), reply.ClientViewHash);
    }

    [Fact]
    public async Task A_viewer_on_a_socket_cannot_steer()
    {
        using var socket = await BrowserSocket.ConnectAsync(server.HttpPort);
        await socket.HelloAsync(LiveServer.Viewer);
        await socket.ReceiveAsync(Envelope.BodyOneofCase.Welcome);
        await socket.SendAsync(new Envelope { Join = new JoinRequest() });
        await socket.ReceiveAsync(Envelope.BodyOneofCase.Joined);

        await socket.SendAsync(new Envelope { Input = new PlayerInput { Signals = { new PlayerSignal { Sequence = 1, DirectionX = 1 } } } });

        Assert.Equal(ErrorCode.Forbidden, await NextError(socket));
    }

    [Fact]
    public async Task Malformed_bytes_get_an_error_code_and_the_socket_stays_open()
    {
        using var socket = await BrowserSocket.ConnectAsync(server.HttpPort);

        await socket.SendAsync([0xFF, 0xFF, 0xFF, 0x01, 0x02]);
        Assert.Equal(ErrorCode.Malformed, await NextError(socket));

        await socket.HelloAsync(LiveServer.Viewer);
        Assert.Equal(Role.Viewer, (await socket.ReceiveAsync(Envelope.BodyOneofCase.Welcome)).Welcome.Role);
    }

    [Fact]
    public async Task A_bad_token_is_refused_and_the_socket_closed()
    {
        using var socket = await BrowserSocket.ConnectAsync(server.HttpPort);
        await socket.HelloAsync("not-a-token");

        Assert.Equal(ErrorCode.BadToken, await NextError(socket));
        Assert.Null(await socket.ReceiveAsync());
    }

    [Fact]
    public async Task A_plain_request_to_the_gateway_is_told_what_it_is()
    {
        using var http = new HttpClient();

        var response = await http.GetAsync($"http://127.0.0.1:{server.HttpPort}/ws");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WebSocket", await response.Content.ReadAsStringAsync());
    }

    private static async Task<ErrorCode> NextError(BrowserSocket socket)
    {
        while (true)
        {
            var envelope = await socket.ReceiveAsync() ?? throw new Xunit.Sdk.XunitException("the server closed the socket without an error");
            if (envelope.BodyCase == Envelope.BodyOneofCase.Error)
            {
                return envelope.Error.Code;
            }
        }
    }
}
