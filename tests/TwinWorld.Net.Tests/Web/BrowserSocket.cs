using System.Net.WebSockets;
using Google.Protobuf;
using TwinWorld.Protocol;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Tests.Web;

/// <summary>A client of the web viewer's gateway, as a browser is: a WebSocket to /ws carrying one Envelope per binary message.</summary>
internal sealed class BrowserSocket : IDisposable
{
    private readonly ClientWebSocket _socket = new();

    /// <param name="origin">The page's origin, as a browser sends it; none by default, as other clients do.</param>
    public static async Task<BrowserSocket> ConnectAsync(int httpPort, string? origin = null)
    {
        var client = new BrowserSocket();
        if (origin is not null)
        {
            client._socket.Options.SetRequestHeader("Origin", origin);
        }
        await client._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{httpPort}/ws"), Timeout());
        return client;
    }

    public WebSocketState State => _socket.State;

    public Task SendAsync(Envelope envelope) => SendAsync(envelope.ToByteArray());

    public async Task SendAsync(byte[] data) => await _socket.SendAsync(data, WebSocketMessageType.Binary, endOfMessage: true, Timeout());

    public Task HelloAsync(string token) => SendAsync(new Envelope { Hello = new Hello { ProtocolVersion = ProtocolVersion.Current, Token = token, ClientName = "web test" } });

    /// <summary>The next Envelope the server sends; null once the server closes the socket.</summary>
    public async Task<Envelope?> ReceiveAsync()
    {
        var buffer = new byte[1 << 20];
        int length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(length), Timeout());
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            Assert.Equal(WebSocketMessageType.Binary, result.MessageType);
            length += result.Count;
            if (result.EndOfMessage)
            {
                return Envelope.Parser.ParseFrom(buffer, 0, length);
            }
        }
    }

    /// <summary>Reads until a message of the kind wanted (failing on any error, unless an error is what is wanted).</summary>
    public async Task<Envelope> ReceiveAsync(Envelope.BodyOneofCase wanted)
    {
        while (true)
        {
            var envelope = await ReceiveAsync() ?? throw new Xunit.Sdk.XunitException($"the server closed the socket before sending {wanted}");
            if (envelope.BodyCase == wanted)
            {
                return envelope;
            }
            Assert.NotEqual(Envelope.BodyOneofCase.Error, envelope.BodyCase);
        }
    }

    public void Dispose() => _socket.Dispose();

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;
}
