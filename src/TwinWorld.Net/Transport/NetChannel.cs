namespace TwinWorld.Net.Transport;

/// <summary>The three channels of a connection; each has one delivery mode (protocol/README.md).</summary>
public enum NetChannel : byte
{
    /// <summary>Reliable and ordered.</summary>
    Control = 0,
    /// <summary>Unreliable and sequenced: a late packet is dropped, never delivered out of order.</summary>
    State = 1,
    /// <summary>Unreliable and fragmented: a frame that loses a fragment is dropped whole.</summary>
    Frames = 2,
}
