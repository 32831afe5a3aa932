using System.Numerics;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;

namespace TwinWorld.Generation.Rendering;

/// <summary>
/// Draws a camera's frame procedurally from its conditions alone (the model's inputs), plus the projection they
/// carry so that textures stay put on the ground as the camera moves: value-noise textures per class anchored to
/// world metres, water shaded by depth with foam at its edges, flickering fire, drifting smoke, burnt ground, roofs
/// (damaged ones darker and holed), agents as coloured dots, a sky gradient, hill shading and light from the time
/// of day. The same conditions always give the same bytes. It is the fallback when a model fails or is late, the
/// teacher that `twin dataset` trains models on, and a fixture for tests. It renders at whatever resolution the
/// conditions have; context frames are not used.
/// </summary>
public sealed class ReferenceRenderer : IWorldModel
{
    /// <summary>Seconds per tick assumed for animation (water ripples, smoke drift, flames): the default 20 Hz.</summary>
    public const float AnimationSecondsPerTick = 0.05f;

    private const float HandBuiltMetresPerPixel = 0.5f;

    private static readonly Vector3 Sand = new(0.84f, 0.77f, 0.59f), Grass = new(0.34f, 0.55f, 0.24f), Shrub = new(0.44f, 0.48f, 0.26f);
    private static readonly Vector3 Forest = new(0.15f, 0.36f, 0.16f), Rock = new(0.50f, 0.49f, 0.46f), Road = new(0.28f, 0.28f, 0.31f);
    private static readonly Vector3 Plaza = new(0.70f, 0.67f, 0.62f), Terracotta = new(0.64f, 0.30f, 0.21f), Umber = new(0.50f, 0.36f, 0.28f);
    private static readonly Vector3 ShallowWater = new(0.40f, 0.66f, 0.72f), DeepWater = new(0.04f, 0.18f, 0.36f), Foam = new(0.92f, 0.95f, 0.97f);
    private static readonly Vector3 FlameRed = new(0.90f, 0.28f, 0.04f), FlameYellow = new(1f, 0.86f, 0.32f), Ember = new(0.75f, 0.16f, 0.02f);
    private static readonly Vector3 Ash = new(0.17f, 0.14f, 0.12f), SmokeDark = new(0.36f, 0.36f, 0.38f), SmokeLight = new(0.70f, 0.70f, 0.72f);
    private static readonly Vector3 Rubble = new(0.12f, 0.10f, 0.09f);
    private static readonly Vector3[] Agents =
    [
        new(0.92f, 0.16f, 0.16f), // civilian: red
        new(1.00f, 0.82f, 0.10f), // child: yellow
        new(0.64f, 0.28f, 0.84f), // elderly: purple
        new(0.12f, 0.32f, 0.92f), // vehicle: blue
        new(0.72f, 1.00f, 0.08f), // firefighter: high-visibility lime
    ];

    public ReferenceRenderer(int width = 64, int height = 64, int contextFrames = 0)
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
        if (conditions.Layout.Length != pixels || conditions.Continuous.Length != CameraConditions.ContinuousCount * pixels || conditions.Globals.Length != CameraConditions.GlobalCount)
        {
            throw new ArgumentException($"conditions for {width} x {height} need {pixels} layout, {3 * pixels} continuous and {CameraConditions.GlobalCount} global values", nameof(conditions));
        }
        var light = new SceneLight(conditions);
        var frame = new RgbImage(width, height);
        var paint = new Painter(conditions, light);
        var bytes = frame.Pixels;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                var colour = paint.Pixel(x, y);
                int o = 3 * ((y * width) + x);
                bytes[o] = ToByte(colour.X);
                bytes[o + 1] = ToByte(colour.Y);
                bytes[o + 2] = ToByte(colour.Z);
            }
        }
        return frame;
    }

    private static byte ToByte(float value) => (byte)Math.Clamp(MathF.Round(value * 255), 0, 255);

    /// <summary>One frame's drawing: what every pixel needs from the conditions and the light.</summary>
    private sealed class Painter(CameraConditions c, SceneLight light)
    {
        private readonly ViewProjection _view = c.Projection;
        private readonly float _seconds = c.Tick * AnimationSecondsPerTick;
        private readonly Vector2 _wind = new Vector2(c.Global(GlobalChannel.WindEast), c.Global(GlobalChannel.WindNorth)) * CameraConditioner.WindRange;

        public Vector3 Pixel(int x, int y)
        {
            var kind = c.ClassAt(x, y);
            float channel0 = c.ContinuousAt(ContinuousChannel.ElevationOrDepth, x, y);
            if (kind == LayoutClass.Sky)
            {
                float elevation = _view.IsDefined ? _view.RayAt(x + 0.5f, y + 0.5f).Z : 1 - ((y + 0.5f) / c.Height);
                return light.Sky(elevation);
            }
            var (at, footprint) = Anchor(x, y, channel0);
            var emitted = Vector3.Zero;
            float shade = 1;
            Vector3 colour;
            switch (kind)
            {
                case LayoutClass.WaterShallow or LayoutClass.WaterWading or LayoutClass.WaterDeep:
                    colour = Water(kind, x, y, at, footprint);
                    break;
                case LayoutClass.Fire:
                    return Flame(at) * (0.75f + (0.25f * c.ContinuousAt(ContinuousChannel.FireIntensity, x, y)));
                case LayoutClass.Smoke:
                    float density = TextureNoise.At((at.X - (_wind.X * _seconds)) / 6, (at.Y - (_wind.Y * _seconds)) / 6, 15);
                    colour = Vector3.Lerp(SmokeDark, SmokeLight, density);
                    break;
                case LayoutClass.Burnt:
                    colour = Ash * (1 + TextureNoise.Detail(at, 1.2f, footprint, 14)) + (new Vector3(0.1f) * MathF.Max(0, TextureNoise.Detail(at, 0.6f, footprint, 41)));
                    emitted = Ember * (c.ContinuousAt(ContinuousChannel.FireIntensity, x, y) * (0.5f + TextureNoise.At(at.X, at.Y + (_seconds * 3), 42)));
                    shade = HillShade(x, y);
                    break;
                case LayoutClass.Building or LayoutClass.DamagedBuilding:
                    colour = Roof(kind, x, y, at, footprint);
                    break;
                case >= LayoutClass.Civilian and <= LayoutClass.Firefighter:
                    colour = Agents[kind - LayoutClass.Civilian];
                    emitted = colour * 0.3f; // seen at night too
                    break;
                default:
                    colour = Ground(kind, at, footprint);
                    shade = HillShade(x, y);
                    break;
            }
            var lit = (colour * light.Tint * (light.Ambient * shade)) + emitted;
            if (_view.Perspective)
            {
                float fog = Math.Clamp(channel0 * 1.1f, 0, 1);
                lit = Vector3.Lerp(lit, light.Haze * (0.3f + (0.7f * light.Daylight)), fog * fog * 0.85f);
            }
            return lit;
        }

        /// <summary>The world point a pixel shows (metres) and how wide a pixel is there; hand-built conditions get a flat 0.5 m grid.</summary>
        private (Vector2 At, float Footprint) Anchor(int x, int y, float channel0)
        {
            if (!_view.IsDefined)
            {
                return (new Vector2(x, -y) * HandBuiltMetresPerPixel, HandBuiltMetresPerPixel);
            }
            if (!_view.Perspective)
            {
                return (_view.GroundAt(x + 0.5f, y + 0.5f), _view.MetresPerPixel);
            }
            float distance = channel0 * CameraConditioner.DepthRange;
            var point = _view.Origin + (_view.RayAt(x + 0.5f, y + 0.5f) * distance);
            return (new Vector2(point.X, point.Y), MathF.Max(0.01f, distance * 2 * _view.HalfHeight / c.Height));
        }

        private static Vector3 Ground(LayoutClass kind, Vector2 at, float footprint)
        {
            float Detail(float wavelength, uint seed) => TextureNoise.Detail(at, wavelength, footprint, seed);
            return kind switch
            {
                LayoutClass.Sand => Sand * (1 + (0.12f * Detail(2.5f, 1)) + (0.08f * Detail(0.5f, 2))),
                LayoutClass.Grass => Grass * (1 + (0.35f * Detail(9, 3)) + (0.25f * Detail(1.5f, 4))),
                LayoutClass.Shrub => Shrub * (1 + (0.6f * Detail(3, 5)) + (0.2f * Detail(0.8f, 6))),
                LayoutClass.Forest => Forest * (1 + (0.9f * Detail(4, 7)) + (0.35f * Detail(1, 8))),
                LayoutClass.Rock => Rock * (1 + (0.4f * Detail(5, 9)) + (0.4f * Detail(0.8f, 10))),
                LayoutClass.Road => Road * (1 + (0.15f * Detail(0.7f, 11))),
                LayoutClass.Plaza => Plaza * (Tiled(at, footprint) + (0.08f * Detail(3, 12))),
                _ => Grass,
            };
        }

        /// <summary>Paving: a darker joint every 2 m, where a pixel is small enough to see it.</summary>
        private static float Tiled(Vector2 at, float footprint)
        {
            if (footprint > 0.4f)
            {
                return 1;
            }
            float u = (at.X / 2) - MathF.Floor(at.X / 2), v = (at.Y / 2) - MathF.Floor(at.Y / 2);
            return u < 0.05f || v < 0.05f ? 0.82f : 1;
        }

        /// <summary>Shallow water pale and deep water dark (by the depth channel), ripples drifting with time, foam at the edges.</summary>
        private Vector3 Water(LayoutClass kind, int x, int y, Vector2 at, float footprint)
        {
            float depth = c.ContinuousAt(ContinuousChannel.WaterDepth, x, y);
            if (depth <= 0)
            {
                // Hand-built conditions without the channel: the middle of the class's band.
                depth = kind switch { LayoutClass.WaterShallow => 0.03f, LayoutClass.WaterWading => 0.18f, _ => 0.6f };
            }
            var drift = new Vector2(0.4f, 0.25f) * _seconds;
            var colour = Vector3.Lerp(ShallowWater, DeepWater, MathF.Sqrt(depth)) * (1 + (0.18f * TextureNoise.Detail(at + drift, 3, footprint, 20)));
            float foam = 0;
            if (kind != LayoutClass.WaterDeep && NextToLand(x, y))
            {
                foam = 0.45f + (0.4f * TextureNoise.At((at.X + drift.Y) / 1.5f, (at.Y - drift.X) / 1.5f, 21));
            }
            else if (kind == LayoutClass.WaterShallow && TextureNoise.At((at.X + drift.X) / 2, (at.Y + drift.Y) / 2, 22) > 0.7f)
            {
                foam = 0.35f;
            }
            return Vector3.Lerp(colour, Foam, foam);
        }

        private bool NextToLand(int x, int y)
        {
            return Land(x - 1, y) || Land(x + 1, y) || Land(x, y - 1) || Land(x, y + 1);

            bool Land(int px, int py) => px >= 0 && py >= 0 && px < c.Width && py < c.Height
                && c.ClassAt(px, py) is not (LayoutClass.WaterShallow or LayoutClass.WaterWading or LayoutClass.WaterDeep or LayoutClass.Sky)
                && c.ClassAt(px, py) < LayoutClass.Civilian;
        }

        /// <summary>Roofs of terracotta to umber per 8 m lot, a lit and a shaded pitch, dark eaves; damaged ones darker, holed, with rubble.</summary>
        private Vector3 Roof(LayoutClass kind, int x, int y, Vector2 at, float footprint)
        {
            int lotX = (int)MathF.Floor(at.X / 8), lotY = (int)MathF.Floor(at.Y / 8);
            float hue = TextureNoise.Lattice(lotX, lotY, 30);
            var colour = Vector3.Lerp(Terracotta, Umber, hue) * (1 + (0.1f * TextureNoise.Detail(at, 0.6f, footprint, 31)));
            if (footprint < 3)
            {
                float across = hue < 0.5f ? at.X : at.Y;
                colour *= (across / 8) - MathF.Floor(across / 8) < 0.5f ? 1.1f : 0.84f;
            }
            if (!_view.Perspective && Eave(x, y))
            {
                colour *= 0.7f;
            }
            if (kind == LayoutClass.DamagedBuilding)
            {
                colour *= 0.55f;
                if (TextureNoise.Detail(at, 2, footprint, 32) > 0.1f)
                {
                    colour = Rubble;
                }
            }
            return colour;
        }

        private bool Eave(int x, int y)
        {
            return !Roofed(x - 1, y) || !Roofed(x + 1, y) || !Roofed(x, y - 1) || !Roofed(x, y + 1);

            bool Roofed(int px, int py) => px < 0 || py < 0 || px >= c.Width || py >= c.Height
                || c.ClassAt(px, py) is LayoutClass.Building or LayoutClass.DamagedBuilding;
        }

        /// <summary>Flames: red to yellow tongues rising and flickering from tick to tick.</summary>
        private Vector3 Flame(Vector2 at)
        {
            float tongue = TextureNoise.At(at.X / 1.5f, (at.Y / 1.5f) - (_seconds * 2.5f), 40);
            float flicker = 0.85f + (0.3f * TextureNoise.Lattice((int)c.Tick, 0, 43));
            return Vector3.Lerp(FlameRed, FlameYellow, tongue) * flicker;
        }

        /// <summary>Overhead: Lambert shading of the elevation channel's slope, relative to flat ground (1), towards the sun.</summary>
        private float HillShade(int x, int y)
        {
            if (!_view.IsDefined || _view.Perspective)
            {
                return 1;
            }
            float Elevation(int px, int py) => c.ContinuousAt(ContinuousChannel.ElevationOrDepth, Math.Clamp(px, 0, c.Width - 1), Math.Clamp(py, 0, c.Height - 1))
                * CameraConditioner.ElevationRange;
            float run = 2 * _view.MetresPerPixel;
            float right = (Elevation(x + 1, y) - Elevation(x - 1, y)) / run;
            float up = (Elevation(x, y - 1) - Elevation(x, y + 1)) / run;
            var slope = (new Vector2(_view.Right.X, _view.Right.Y) * right) + (new Vector2(_view.Up.X, _view.Up.Y) * up);
            var normal = Vector3.Normalize(new Vector3(-slope.X, -slope.Y, 1));
            return Math.Clamp(Vector3.Dot(normal, light.Sun) / light.Sun.Z, 0.4f, 1.6f);
        }
    }
}
