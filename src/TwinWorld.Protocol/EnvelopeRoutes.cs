using TwinWorld.Protocol.V1;
using TwinWorld.Protocol.Wire;

namespace TwinWorld.Protocol;

/// <summary>Which channel each message travels on and which side sends it (protocol/README.md).</summary>
public static class EnvelopeRoutes
{
    /// <summary>The <see cref="NetChannel"/> a message travels on, as its byte.</summary>
    public static byte ChannelOf(Envelope.BodyOneofCase body) => (byte)(body switch
    {
        Envelope.BodyOneofCase.State or Envelope.BodyOneofCase.StateAck or Envelope.BodyOneofCase.Input => NetChannel.State,
        Envelope.BodyOneofCase.Frame => NetChannel.Frames,
        _ => NetChannel.Control,
    });

    public static bool SentByServer(Envelope.BodyOneofCase body) => body is
        Envelope.BodyOneofCase.Welcome or Envelope.BodyOneofCase.Joined or Envelope.BodyOneofCase.CommandResult
        or Envelope.BodyOneofCase.ForecastResult or Envelope.BodyOneofCase.HashReply or Envelope.BodyOneofCase.Error
        or Envelope.BodyOneofCase.Pong or Envelope.BodyOneofCase.State or Envelope.BodyOneofCase.Frame;
}
