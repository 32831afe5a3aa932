namespace TwinWorld.Generation.Models;

/// <summary>A named tensor in a manifest: its dtype ("uint8" or "float32") and shape, where -1 stands for the batch dimension "B".</summary>
public sealed record TensorSpec(string Name, string DType, IReadOnlyList<int> Shape);
