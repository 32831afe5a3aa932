using TwinWorld.Protocol.Bits;

namespace TwinWorld.Net.Interest;

/// <summary>
/// One worker's reusable buffers for building clients' state updates: the focus it fills for each client
/// and the writer the delta codec encodes into. Each worker has its own, so updates are built at once.
/// </summary>
internal sealed class StreamScratch
{
    public Focus Focus { get; } = new();

    public BitWriter Writer { get; } = new(64 * 1024);
}
