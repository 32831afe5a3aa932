namespace TwinWorld.Protocol.Wire;

/// <summary>The three channels of a connection; each has one delivery mode (protocol/README.md).</summary>
public enum NetChannel : byte
{
    /// <summary>Reliable and ordered.</summary>
    Control = 0,
    /// <summary>Unreliable and sequenced: a late packet is dropped, never delivered out of order.</summary>
    State = 1,
    /// <summary>
    /// Reliable and unordered, apart from the other two so frames never hold them up; the newest frame wins
    /// at the sender: a transport may refuse a frame while the last one is still queued (Send returns false).
    /// </summary>
    Frames = 2,
}
