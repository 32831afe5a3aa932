namespace TwinWorld.Protocol.State;

/// <summary>What a mirror did with an update.</summary>
public enum MirrorStatus
{
    /// <summary>A new view: acknowledge its tick.</summary>
    Applied,
    /// <summary>Not newer than the latest view (reordered or repeated): ignored.</summary>
    Stale,
    /// <summary>Against a baseline the mirror no longer (or never) had: ignored; the server falls back once it sees the acks.</summary>
    BaselineMissing,
    /// <summary>Does not decode against its baseline: a bug or a hostile sender; ignored.</summary>
    Rejected,
}
