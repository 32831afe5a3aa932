namespace TwinWorld.Cluster.Runs;

/// <summary>A run that cannot go on for a reason in its input (its scenario does not load where it runs): reported, never retried.</summary>
public sealed class RunFailedException(string message) : Exception(message);
