namespace TwinWorld.Protocol;

/// <summary>
/// The wire protocol's version, sent in Hello and checked by the server: session.proto's
/// <c>PROTOCOL_REVISION_CURRENT</c>, the one definition every language reads.
/// </summary>
public static class ProtocolVersion
{
    public const uint Current = (uint)V1.ProtocolRevision.Current;
}
