namespace TwinWorld.Net.Transport;

/// <summary>Something that happened on a connection; <see cref="Data"/> is the packet's bytes for <see cref="TransportEventKind.Received"/>.</summary>
public readonly record struct TransportEvent(TransportEventKind Kind, PeerId Peer, NetChannel Channel, byte[] Data);
