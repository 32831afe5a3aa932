using System.Numerics;
using TwinWorld.Generation.Conditions;

namespace TwinWorld.Generation.Rendering;

/// <summary>
/// How the reference renderer dresses figures (people by role, and cars). Each role has a key colour, its clothes'
/// main colour, which is all a figure a pixel or two across shows; health overrides it there with the map's colours
/// (injured amber, incapacitated red, as the web viewer's map draws them). Larger figures show a head (skin, hair or
/// hat), a body in the key colour and legs; injured ones have an amber body, incapacitated ones lie down in red.
/// </summary>
internal static class FigurePalette
{
    public static readonly Vector3 Skin = new(0.87f, 0.67f, 0.52f);
    public static readonly Vector3 InjuredAmber = Hex(0xF0B030);
    public static readonly Vector3 IncapacitatedRed = Hex(0xD02020);

    /// <summary>One role's look: key (body) colour, legs, and the top of the head (hair or hat).</summary>
    public readonly record struct Look(Vector3 Key, Vector3 Legs, Vector3 Top, float TopShare, float LegsSkinBelow, Vector3? Band);

    private static readonly Look Resident = new(Hex(0x336BE6), Hex(0x2A3550), Hex(0x4A3020), 0.4f, 0, null);
    private static readonly Look Child = new(Hex(0xFF6BC7), Hex(0x7DA4E8), Hex(0x6A4528), 0.4f, 0.18f, null);
    private static readonly Look Elderly = new(Hex(0x995CE6), Hex(0x6E6E74), Hex(0xF2F2F2), 0.5f, 0, null);
    private static readonly Look Tourist = new(Hex(0x1AD9D9), Hex(0xCDB886), Hex(0xFFFFF0), 0.55f, 0.28f, null);
    private static readonly Look Guard = new(Hex(0xF2F2F2), Hex(0x151515), Hex(0x151515), 0.45f, 0, Hex(0x151515));
    private static readonly Look Firefighter = new(Hex(0xBFFF1A), Hex(0x8C7A3A), Hex(0xFFD21A), 0.6f, 0, Hex(0xE8E8E8));

    /// <summary>A car: body, windows, tyres.</summary>
    public static readonly Vector3 CarBody = Hex(0xB8C2D1), CarGlass = new(0.10f, 0.13f, 0.18f), Tyre = new(0.06f, 0.06f, 0.07f);

    public static Vector3 Hex(int rgb) => new Vector3((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF) / 255;

    public static Look Of(LayoutClass kind) => kind switch
    {
        LayoutClass.Child => Child,
        LayoutClass.Elderly => Elderly,
        LayoutClass.Tourist => Tourist,
        LayoutClass.Guard => Guard,
        LayoutClass.Firefighter => Firefighter,
        _ => Resident,
    };

    /// <summary>The colour a figure shows when it is a pixel or two: its role's key colour, or its harm's.</summary>
    public static Vector3 Key(LayoutClass kind, float harm) =>
        harm >= CameraConditioner.Incapacitated - 0.01f ? IncapacitatedRed
        : harm >= CameraConditioner.Injured - 0.01f ? InjuredAmber
        : kind == LayoutClass.Vehicle ? CarBody
        : Of(kind).Key;

    /// <summary>
    /// A figure's colour where it stands <paramref name="height"/> m high at this pixel (perspective: the part of the
    /// body; overhead: the top of it, head or shoulders), when it is big enough to have parts.
    /// </summary>
    public static Vector3 Part(LayoutClass kind, float height, float harm, bool overhead)
    {
        if (kind == LayoutClass.Vehicle)
        {
            return overhead
                ? height > 1.35f ? CarBody * 1.08f : height > 1.1f ? CarGlass : CarBody * 0.92f
                : height < 0.25f ? Tyre : height < 0.9f ? CarBody : height < 1.35f ? CarGlass : CarBody * 1.08f;
        }
        var look = Of(kind);
        bool injured = harm >= CameraConditioner.Injured - 0.01f && harm < CameraConditioner.Incapacitated - 0.01f;
        if (harm >= CameraConditioner.Incapacitated - 0.01f)
        {
            // Lying down: seen from the side or above, a body in red with the role's colour showing through.
            return Vector3.Lerp(look.Key, IncapacitatedRed, 0.7f);
        }
        var body = injured ? Vector3.Lerp(look.Key, InjuredAmber, 0.75f) : look.Key;
        float standing = CameraConditioner.StandingHeight(kind);
        float up = height / standing;
        if (overhead)
        {
            // From above: the head (its top's colour, or an amber dressing if hurt) inside the shoulders.
            return up > 0.9f ? (injured ? InjuredAmber : Vector3.Lerp(Skin, look.Top, look.TopShare + 0.3f)) : body;
        }
        if (up > 0.84f)
        {
            float inHead = (up - 0.84f) / 0.16f;
            return inHead > 1 - look.TopShare ? (injured ? Vector3.Lerp(look.Top, Vector3.One, 0.6f) : look.Top) : Skin;
        }
        if (up > 0.8f)
        {
            return Skin;
        }
        if (up > 0.46f)
        {
            return look.Band is { } band && up is > 0.55f and < 0.6f ? band : body;
        }
        if (kind == LayoutClass.Elderly && up > 0.3f)
        {
            return body * 0.9f; // a long coat
        }
        return up < 0.05f ? new Vector3(0.08f) : up < look.LegsSkinBelow ? Skin : look.Legs;
    }
}
