namespace TwinWorld.Ecs;

/// <summary>
/// A structural change (create, destroy, add, remove) was attempted while a query was iterating.
/// Moving entities between chunks mid-iteration would skip or repeat entities, so it is refused
/// before anything changes; record the change in a <see cref="CommandBuffer"/> instead.
/// </summary>
public sealed class StructuralChangeException(string operation)
    : InvalidOperationException($"Cannot {operation} while a query is iterating; record it in a CommandBuffer and play it back afterwards.");
