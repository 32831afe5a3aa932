using System.Numerics;

namespace TwinWorld.Simulation.Hazards.Wind;

/// <summary>
/// A tornado's parameters: it travels in a straight line from <see cref="From"/> to <see cref="To"/>
/// at <see cref="TranslationSpeed"/> (m/s) and dissipates on arrival. <see cref="MaxWind"/> is the
/// strongest ground-relative wind (m/s, on the side where rotation and travel add up), reached at
/// <see cref="CoreRadius"/> (m) from the centre.
/// </summary>
public record struct Tornado(Vector2 From, Vector2 To, float TranslationSpeed, float MaxWind, float CoreRadius)
{
    public readonly float PathLength => Vector2.Distance(From, To);

    /// <summary>Seconds from touch-down to the end of the path.</summary>
    public readonly float Lifetime => PathLength / TranslationSpeed;

    public readonly Vector2 Travel => PathLength > 0 ? Vector2.Normalize(To - From) * TranslationSpeed : Vector2.Zero;

    public readonly Vector2 CentreAfter(float seconds) => From + (Travel * Math.Clamp(seconds, 0, Lifetime));

    /// <summary>The rotating part: what is left of the maximum after the travel speed.</summary>
    public readonly float MaxTangentialWind => MaxWind - TranslationSpeed;

    /// <summary>Why these parameters cannot make a tornado, or null.</summary>
    public readonly string? Problem()
        => !(float.IsFinite(From.X) && float.IsFinite(From.Y) && float.IsFinite(To.X) && float.IsFinite(To.Y)) ? "the path's ends must be finite points"
        : !(PathLength >= 1) ? $"the path must be at least 1 m long (got {PathLength} m): a tornado lifts at its end"
        : !(TranslationSpeed > 0 && TranslationSpeed <= 40) ? $"the translation speed must be above 0 and at most 40 m/s (got {TranslationSpeed})"
        : !(MaxWind > TranslationSpeed && MaxWind <= 140) ? $"the maximum wind must exceed the translation speed and be at most 140 m/s (got {MaxWind})"
        : !(CoreRadius >= 5 && CoreRadius <= 1000) ? $"the core radius must be 5 to 1000 m (got {CoreRadius})"
        : null;
}
