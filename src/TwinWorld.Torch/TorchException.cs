namespace TwinWorld.Torch;

/// <summary>libtorch refused or failed: a missing or corrupt module, an input the module cannot take, an error raised in forward, no shim or no CUDA. The message is libtorch's or the shim's.</summary>
public sealed class TorchException(string message) : Exception(message);
