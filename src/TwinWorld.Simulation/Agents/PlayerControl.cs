using System.Numerics;

namespace TwinWorld.Simulation.Agents;

/// <summary>
/// Marks an avatar steered by a player: the velocity its latest signal asks for (the direction times the
/// walking or running pace, m/s; zero to stand) and the tick that signal arrived.
/// </summary>
/// <remarks>Fields are ordered and sized so the struct has no padding, so it hashes by its bytes.</remarks>
public record struct PlayerControl(long ClientId, Vector2 DesiredVelocity, long SignalTick)
{
    /// <summary>A player's walking pace: Weidmann's (1993) free walking speed of adults, 1.34 m/s.</summary>
    public const float WalkingSpeed = 1.34f;

    /// <summary>
    /// A player's running pace, 3 m/s: an easy run (10.8 km/h), a little over twice the walking pace and
    /// well below a sprint, kept up the way a player holds a key.
    /// </summary>
    public const float RunningSpeed = 3f;

    /// <summary>
    /// How long a signal holds. A client holding a direction sends it again every 250 ms
    /// (protocol/README.md), so a dropped client's avatar stops a second after its last signal.
    /// </summary>
    public const float SignalLifetimeSeconds = 1f;

    /// <summary>The unit direction asked for (zero to stand).</summary>
    public readonly Vector2 Direction => DesiredVelocity == Vector2.Zero ? Vector2.Zero : Vector2.Normalize(DesiredVelocity);
}
