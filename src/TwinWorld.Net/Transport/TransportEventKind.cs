namespace TwinWorld.Net.Transport;

public enum TransportEventKind
{
    Connected,
    /// <summary>Closed by either side, or timed out.</summary>
    Disconnected,
    Received,
}
