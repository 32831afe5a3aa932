namespace TwinWorld.Protocol.Bits;

/// <summary>A bit stream that is cut short or does not follow its format (untrusted input, not a bug).</summary>
public sealed class BitStreamException(string message) : Exception(message);
