namespace TwinWorld.Protocol;

/// <summary>
/// The wire protocol's version, sent in Hello and checked by the server. It goes up whenever a change
/// would make an older peer misread a message (protocol/README.md, "Versioning").
/// </summary>
public static class ProtocolVersion
{
    public const uint Current = 2;
}
