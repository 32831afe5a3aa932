namespace TwinWorld.Generation.Models;

/// <summary>A model manifest that is missing, unreadable or breaks protocol/world-model.md; the message says which and why.</summary>
public sealed class ManifestException(string message, Exception? inner = null) : Exception(message, inner);
