using TwinWorld.Protocol.V1;

namespace TwinWorld.Protocol;

/// <summary>Which channel each message travels on and which side sends it (protocol/README.md).</summary>
public static class EnvelopeRoutes
{
    public const byte ControlChannel = 0, StateChannel = 1, FrameChannel = 2;

    public static byte ChannelOf(Envelope.BodyOneofCase body) => body switch
    {
        Envelope.BodyOneofCase.State or Envelope.BodyOneofCase.StateAck or Envelope.BodyOneofCase.Input => StateChannel,
        Envelope.BodyOneofCase.Frame => FrameChannel,
        _ => ControlChannel,
    };

    public static bool SentByServer(Envelope.BodyOneofCase body) => body is
        Envelope.BodyOneofCase.Welcome or Envelope.BodyOneofCase.Joined or Envelope.BodyOneofCase.CommandResult
        or Envelope.BodyOneofCase.ForecastResult or Envelope.BodyOneofCase.HashReply or Envelope.BodyOneofCase.Error
        or Envelope.BodyOneofCase.Pong or Envelope.BodyOneofCase.State or Envelope.BodyOneofCase.Frame;
}
