using System.Numerics;

namespace TwinWorld.Simulation.Agents;

/// <summary>Marks an avatar steered by a player: the latest direction signal and when it arrived.</summary>
/// <remarks>Fields are ordered and sized so the struct has no padding, so it hashes by its bytes.</remarks>
public record struct PlayerControl(long ClientId, Vector2 Direction, long SignalTick);
