using System.Numerics;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;

namespace TwinWorld.Generation.Rendering;

/// <summary>
/// Draws a camera's frame procedurally from its conditions alone (the model's inputs), plus the projection they
/// carry, so that textures stay put on the world as the camera moves. Value-noise textures per class anchored to the
/// world planes; water shaded by depth, muddy where it floods the land, with waves and foam at its fronts; flames that
/// flicker and rise, with a glow round them and embers; smoke as a veil over what it covers, thicker to thinner along
/// the plume, drifting with the wind; burnt ground with dying embers; roofs (damaged ones holed, with debris on them
/// and about them); a tornado's funnel and whirling debris cloud under a storm sky; people as small figures dressed by
/// role (and by health: the map's amber and red), cars as cars; a sky gradient, hill shading and light from the time
/// of day. The same conditions always give the same bytes. It is the fallback when a model fails or is late, the
/// teacher that `twin dataset` trains models on, and a fixture for tests. It renders at whatever resolution the
/// conditions have (256 x 256 by default); context frames are not used.
/// </summary>
public sealed partial class ReferenceRenderer : IWorldModel
{
    /// <summary>Seconds per tick assumed for animation (water, smoke drift, flames, the funnel's turning): the default 20 Hz.</summary>
    public const float AnimationSecondsPerTick = 0.05f;

    /// <summary>The default frame size, each way.</summary>
    public const int DefaultResolution = 256;

    private const float HandBuiltMetresPerPixel = 0.5f;

    [ThreadStatic]
    private static Vector3[]? t_colours;

    [ThreadStatic]
    private static float[]? t_glow;

    [ThreadStatic]
    private static float[]? t_scratch;

    public ReferenceRenderer(int width = DefaultResolution, int height = DefaultResolution, int contextFrames = 0)
    {
        Manifest = ModelManifest.For("reference-renderer", width, height, contextFrames);
    }

    public ModelManifest Manifest { get; }

    public IReadOnlyList<RgbImage> Generate(IReadOnlyList<GenerationInput> batch)
    {
        var frames = new RgbImage[batch.Count];
        for (int i = 0; i < frames.Length; i++)
        {
            frames[i] = Render(batch[i].Conditions);
        }
        return frames;
    }

    public void Dispose()
    {
    }

    /// <summary>The frame for one camera's conditions, at their resolution.</summary>
    public RgbImage Render(CameraConditions conditions)
    {
        int width = conditions.Width, height = conditions.Height, pixels = width * height;
        if (conditions.Layout.Length != pixels || conditions.Continuous.Length != CameraConditions.ContinuousCount * pixels
            || conditions.Globals.Length != CameraConditions.GlobalCount || conditions.World.Length != CameraConditions.WorldCount * pixels)
        {
            throw new ArgumentException($"conditions for {width} x {height} need {pixels} layout, {CameraConditions.ContinuousCount * pixels} continuous, "
                + $"{CameraConditions.WorldCount * pixels} world and {CameraConditions.GlobalCount} global values", nameof(conditions));
        }
        var colours = Buffer(ref t_colours, pixels);
        var light = new SceneLight(conditions);
        var paint = new Painter(conditions, light);
        bool fire = false;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                colours[(y * width) + x] = paint.Pixel(x, y);
            }
        }
        var layout = conditions.Layout;
        for (int p = 0; p < pixels && !fire; p++)
        {
            fire = layout[p] == (byte)LayoutClass.Fire;
        }
        if (fire)
        {
            Glow(conditions, light, colours);
        }
        if (!conditions.Perspective)
        {
            FigureShadows(conditions, colours);
        }
        var frame = new RgbImage(width, height);
        var bytes = frame.Pixels;
        for (int p = 0; p < pixels; p++)
        {
            var c = colours[p];
            bytes[3 * p] = ToByte(c.X);
            bytes[(3 * p) + 1] = ToByte(c.Y);
            bytes[(3 * p) + 2] = ToByte(c.Z);
        }
        return frame;
    }

    private static T[] Buffer<T>(ref T[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new T[length];
        }
        return buffer;
    }

    private static byte ToByte(float value) => (byte)Math.Clamp(MathF.Round(value * 255), 0, 255);

    /// <summary>
    /// The light flames throw: each burning pixel's glow spread by two box blurs (about 6 m on the ground overhead, a
    /// fortieth of the frame in perspective) and added in orange, stronger at night and on smoke; embers drifting up
    /// (perspective) or downwind (overhead) where the glow is strong.
    /// </summary>
    private static void Glow(CameraConditions c, SceneLight light, Vector3[] colours)
    {
        int width = c.Width, height = c.Height, pixels = width * height;
        var glow = Buffer(ref t_glow, pixels);
        var scratch = Buffer(ref t_scratch, pixels);
        var layout = c.Layout;
        var intensity = c.Continuous.AsSpan((int)ContinuousChannel.FireIntensity * pixels, pixels);
        for (int p = 0; p < pixels; p++)
        {
            glow[p] = layout[p] == (byte)LayoutClass.Fire ? 0.6f + (0.4f * intensity[p]) : layout[p] == (byte)LayoutClass.Burnt ? 0.15f * intensity[p] : 0;
        }
        var view = c.Projection;
        int radius = view.IsDefined && !view.Perspective
            ? (int)Math.Clamp(MathF.Round(8 / view.MetresPerPixel), 2, 24)
            : Math.Clamp(width / 40, 1, 24);
        for (int pass = 0; pass < 2; pass++)
        {
            BoxBlur(glow, scratch, width, height, radius, horizontal: true);
            BoxBlur(scratch, glow, width, height, radius, horizontal: false);
        }
        float strength = 0.8f + (1.1f * (1 - light.Daylight));
        var warm = new Vector3(1f, 0.42f, 0.10f);
        var smoke = c.Continuous.AsSpan((int)ContinuousChannel.Smoke * pixels, pixels);
        float seconds = c.Tick * AnimationSecondsPerTick;
        var wind = new Vector2(c.Global(GlobalChannel.WindEast), c.Global(GlobalChannel.WindNorth)) * CameraConditioner.WindRange;
        var world = c.World;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int p = (y * width) + x;
                float g = glow[p];
                if (g < 0.004f || layout[p] == (byte)LayoutClass.Fire)
                {
                    continue;
                }
                bool smoky = layout[p] == (byte)LayoutClass.Smoke || smoke[p] > 0.3f;
                colours[p] += warm * (MathF.Min(g * 1.6f, 1) * strength * (smoky ? 1.5f : 1));
                if (g > 0.12f)
                {
                    // Embers: sparks on a lattice that drifts (up the screen in perspective, downwind over the ground).
                    float spark = view.Perspective || !view.IsDefined
                        ? TextureNoise.Lattice(x / 2, (int)MathF.Floor((y + (seconds * 24)) / 2), 50)
                        : TextureNoise.Cell(new Vector2(world[p], world[pixels + p]) - (wind * (seconds * 0.8f)), 1.5f, 50);
                    if (spark > 1 - (0.05f * g))
                    {
                        colours[p] = Vector3.Lerp(colours[p], new Vector3(1f, 0.78f, 0.30f), 0.85f);
                    }
                }
            }
        }
    }

    /// <summary>A running-sum box blur of radius r along rows or columns, from one buffer into another.</summary>
    private static void BoxBlur(float[] from, float[] to, int width, int height, int r, bool horizontal)
    {
        int lines = horizontal ? height : width, length = horizontal ? width : height;
        int stride = horizontal ? 1 : width, lineStride = horizontal ? width : 1;
        float scale = 1f / ((2 * r) + 1);
        for (int line = 0; line < lines; line++)
        {
            int start = line * lineStride;
            float sum = 0;
            for (int i = -r; i <= r; i++)
            {
                sum += from[start + (Math.Clamp(i, 0, length - 1) * stride)];
            }
            for (int i = 0; i < length; i++)
            {
                to[start + (i * stride)] = sum * scale;
                sum += from[start + (Math.Min(i + r + 1, length - 1) * stride)] - from[start + (Math.Max(i - r, 0) * stride)];
            }
        }
    }

    /// <summary>Overhead: each figure casts a short shadow to the lower right, so it stands out from the ground it is on.</summary>
    private static void FigureShadows(CameraConditions c, Vector3[] colours)
    {
        int width = c.Width, height = c.Height;
        var layout = c.Layout;
        for (int y = 1; y < height; y++)
        {
            for (int x = 1; x < width; x++)
            {
                int p = (y * width) + x;
                if (!LayoutClasses.IsFigure((LayoutClass)layout[p]) && LayoutClasses.IsFigure((LayoutClass)layout[p - width - 1]))
                {
                    colours[p] *= 0.55f;
                }
            }
        }
    }
}
