namespace TwinWorld.Generation.Scheduling;

/// <summary>Why a frame came from the reference renderer although a world model is set.</summary>
public enum FallbackReason
{
    /// <summary>The model threw, or returned frames that break the contract; it is retried after a back-off.</summary>
    Error,

    /// <summary>The model did not answer within the deadline (or was still busy with a call that did not).</summary>
    Deadline,

    /// <summary>The model could not be loaded (yet); loading is retried after a back-off.</summary>
    Unavailable,
}
