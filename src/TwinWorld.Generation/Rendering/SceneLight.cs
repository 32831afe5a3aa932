using System.Numerics;
using TwinWorld.Generation.Conditions;

namespace TwinWorld.Generation.Rendering;

/// <summary>
/// The light of a frame, from the time of day in the globals: the sun's direction (east at 06:00, south at noon,
/// west at 18:00), how bright the day is, a warm tint while the sun is low, and the sky's colours.
/// </summary>
internal readonly struct SceneLight
{
    private static readonly Vector3 DayHorizon = new(0.78f, 0.86f, 0.94f), DayZenith = new(0.30f, 0.55f, 0.88f);
    private static readonly Vector3 NightHorizon = new(0.06f, 0.08f, 0.15f), NightZenith = new(0.01f, 0.02f, 0.06f);
    private static readonly Vector3 Dusk = new(0.55f, 0.22f, 0.02f);

    public SceneLight(CameraConditions conditions)
    {
        float sin = conditions.Global(GlobalChannel.TimeOfDaySin);
        float cos = conditions.Global(GlobalChannel.TimeOfDayCos);
        // 2 pi hour / 24 puts midnight at cos 1 and noon at cos -1: the sun is as high as -cos is.
        float height = -cos;
        Daylight = Math.Clamp((height * 1.6f) + 0.35f, 0, 1);
        Ambient = 0.12f + (0.88f * Daylight);
        Low = height > -0.3f ? Math.Clamp(1 - (MathF.Abs(height) * 3), 0, 1) : 0;
        Tint = Vector3.Lerp(Vector3.One, new Vector3(1f, 0.82f, 0.66f), Low);
        Sun = Vector3.Normalize(new Vector3(sin, cos, MathF.Max(height, 0.15f)));
    }

    /// <summary>0 at night to 1 in full day.</summary>
    public float Daylight { get; }

    /// <summary>How much light lit surfaces get (emissive fire does not need it).</summary>
    public float Ambient { get; }

    /// <summary>1 when the sun is on the horizon, 0 when it is high or well down.</summary>
    public float Low { get; }

    public Vector3 Tint { get; }

    /// <summary>Unit vector towards the sun (x east, y north, z up), kept a little above the horizon for shading.</summary>
    public Vector3 Sun { get; }

    /// <summary>The sky's colour at an elevation (0 at the horizon, 1 straight up).</summary>
    public Vector3 Sky(float elevation)
    {
        float up = MathF.Sqrt(Math.Clamp(elevation, 0, 1));
        var day = Vector3.Lerp(DayHorizon, DayZenith, up);
        var night = Vector3.Lerp(NightHorizon, NightZenith, up);
        return Vector3.Lerp(night, day, Daylight) + (Dusk * (Low * (1 - up)));
    }

    /// <summary>The haze far things fade into: the sky just above the horizon.</summary>
    public Vector3 Haze => Sky(0.02f);
}
