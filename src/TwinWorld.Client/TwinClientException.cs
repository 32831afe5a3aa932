using TwinWorld.Protocol.V1;

namespace TwinWorld.Client;

/// <summary>The server refused a request (its error code and message), or did not answer in time.</summary>
public sealed class TwinClientException(ErrorCode code, string message) : Exception(message)
{
    public ErrorCode Code { get; } = code;
}
