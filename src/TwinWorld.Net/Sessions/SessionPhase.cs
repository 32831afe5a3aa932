namespace TwinWorld.Net.Sessions;

internal enum SessionPhase
{
    /// <summary>Connected; only Hello is accepted.</summary>
    AwaitingHello,
    /// <summary>Welcomed with a role; may join.</summary>
    Welcomed,
    /// <summary>Receives the state stream and may act as its role allows.</summary>
    Joined,
}
