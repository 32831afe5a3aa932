using TwinWorld.Protocol.Wire;

namespace TwinWorld.Client.Connection;

/// <summary>What a <see cref="ServerConnection"/> reports, on the thread that polls it.</summary>
internal interface IServerListener
{
    void Connected();

    /// <summary>The connection ended or never began; <paramref name="reason"/>: what the server said when refusing it, if anything.</summary>
    void Closed(byte[] reason);

    void Received(NetChannel channel, byte[] message);
}
