using System.Numerics;

namespace TwinWorld.Simulation.Hazards.Wind;

/// <summary>A tornado this tick: where its centre is, how it travels, its core and rotating wind.</summary>
public readonly record struct WindVortex(Vector2 Centre, Vector2 Travel, float CoreRadius, float MaxTangential)
{
    /// <summary>
    /// How far out the ground-relative wind can reach the given speed (m). Outside the core rotation
    /// and travel both fall as R / r, so their sum is bounded as one vortex's with both maxima added
    /// (taking the travel off the speed instead is unbounded once the travel reaches that speed).
    /// </summary>
    public float ReachOf(float speed) => RankineVortex.ReachOf(speed, CoreRadius, MaxTangential + Travel.Length());
}
