using System.Numerics;
using TwinWorld.Generation.Conditions;

namespace TwinWorld.Generation.Rendering;

public sealed partial class ReferenceRenderer
{
    private static readonly Vector3 Sand = new(0.84f, 0.77f, 0.59f), Grass = new(0.34f, 0.55f, 0.24f), Shrub = new(0.44f, 0.48f, 0.26f);
    private static readonly Vector3 Forest = new(0.15f, 0.36f, 0.16f), Rock = new(0.50f, 0.49f, 0.46f), Road = new(0.28f, 0.28f, 0.31f);
    private static readonly Vector3 Plaza = new(0.70f, 0.67f, 0.62f), Terracotta = new(0.64f, 0.30f, 0.21f), Umber = new(0.50f, 0.36f, 0.28f);
    private static readonly Vector3 ShallowWater = new(0.40f, 0.66f, 0.72f), DeepWater = new(0.04f, 0.18f, 0.36f), Foam = new(0.92f, 0.95f, 0.97f);
    private static readonly Vector3 MuddyWater = new(0.46f, 0.50f, 0.44f), DeepMud = new(0.20f, 0.27f, 0.29f);
    private static readonly Vector3 Ember = new(0.85f, 0.22f, 0.03f);
    private static readonly Vector3 Ash = new(0.13f, 0.11f, 0.10f), SmokeDark = new(0.30f, 0.28f, 0.27f), SmokeLight = new(0.74f, 0.72f, 0.70f);
    private static readonly Vector3 Rubble = new(0.30f, 0.26f, 0.23f), Timber = new(0.66f, 0.52f, 0.34f), Hole = new(0.07f, 0.06f, 0.06f);
    private static readonly Vector3 FunnelGrey = new(0.36f, 0.37f, 0.40f), FunnelDark = new(0.16f, 0.17f, 0.20f), Dust = new(0.50f, 0.40f, 0.29f);
    private static readonly Vector3 StormSky = new(0.30f, 0.34f, 0.33f);

    /// <summary>Flame colours from cool to hot: dark red, red, orange, yellow, near white.</summary>
    private static readonly Vector3[] FlameRamp =
    [
        new(0.35f, 0.05f, 0.01f), new(0.85f, 0.18f, 0.02f), new(1.0f, 0.48f, 0.05f), new(1.0f, 0.80f, 0.25f), new(1.0f, 0.96f, 0.75f),
    ];

    /// <summary>One frame's drawing: what every pixel needs from the conditions and the light.</summary>
    private sealed class Painter
    {
        // Read on nearly every line of the painting, so short names on purpose.
#pragma warning disable IDE1006
        private readonly CameraConditions c;
        private readonly SceneLight light;
#pragma warning restore IDE1006
        private readonly ViewProjection _view;
        private readonly float _seconds;
        private readonly Vector2 _wind;
        private readonly int _pixels;
        private readonly float _rough;
        private readonly float _storm;
        private readonly Vector2 _swirlCentre;
        private readonly bool _hasSwirl;

        public Painter(CameraConditions conditions, SceneLight sceneLight)
        {
            c = conditions;
            light = sceneLight;
            _view = c.Projection;
            _seconds = c.Tick * AnimationSecondsPerTick;
            _wind = new Vector2(c.Global(GlobalChannel.WindEast), c.Global(GlobalChannel.WindNorth)) * CameraConditioner.WindRange;
            _pixels = c.Width * c.Height;
            _rough = 0.12f + (0.88f * c.Global(GlobalChannel.Tsunami));
            _storm = Math.Clamp(c.Global(GlobalChannel.Tornado) * 1.4f, 0, 0.85f);
            (_swirlCentre, _hasSwirl) = c.Perspective ? (default, false) : SwirlCentre(c);
        }

        private float Channel(ContinuousChannel channel, int p) => c.Continuous[((int)channel * _pixels) + p];

        public Vector3 Pixel(int x, int y)
        {
            int p = (y * c.Width) + x;
            var kind = (LayoutClass)c.Layout[p];
            float smoke = Channel(ContinuousChannel.Smoke, p);
            if (kind == LayoutClass.Sky)
            {
                float elevation = _view.IsDefined ? _view.RayAt(x + 0.5f, y + 0.5f).Z : 1 - ((y + 0.5f) / c.Height);
                var sky = Vector3.Lerp(light.Sky(elevation), StormSky * (0.25f + (0.75f * light.Daylight)), _storm);
                return smoke > 0 ? Vector3.Lerp(sky, SmokeColour(SkyTexture(x, y), smoke, 1) * (light.Tint * (0.35f + (0.65f * light.Ambient))), smoke) : sky;
            }
            var (at, footprint) = Anchor(x, y, p);
            float metres = Channel(ContinuousChannel.Height, p) * CameraConditioner.HeightRange;
            // Smoke billows on the ground's plane seen from above; in perspective it is a veil across the view.
            var veil = _view.Perspective ? SkyTexture(x, y) : at;
            var emitted = Vector3.Zero;
            float shade = 1;
            Vector3 colour;
            switch (kind)
            {
                case LayoutClass.WaterShallow or LayoutClass.WaterWading or LayoutClass.WaterDeep:
                    colour = Water(kind, x, y, p, at, footprint);
                    break;
                case LayoutClass.Fire:
                    colour = Flame(at, metres, Channel(ContinuousChannel.FireIntensity, p), footprint);
                    return smoke > 0 ? Vector3.Lerp(colour, SmokeColour(veil, smoke, footprint) * light.Ambient, smoke * 0.45f) : colour;
                case LayoutClass.Smoke:
                    colour = SmokeColour(veil, 1, footprint);
                    break;
                case LayoutClass.Burnt:
                    colour = (Ash * (1 + TextureNoise.Detail(at, 1.2f, footprint, 14))) + (new Vector3(0.08f) * MathF.Max(0, TextureNoise.Detail(at, 0.6f, footprint, 41)));
                    emitted = Ember * (Channel(ContinuousChannel.FireIntensity, p) * (0.35f + TextureNoise.Periodic(new Vector2(at.X, at.Y + (_seconds * 1.33f)), 0.67f, 42)));
                    shade = HillShade(x, y);
                    break;
                case LayoutClass.Building or LayoutClass.DamagedBuilding:
                    colour = Roof(kind, x, y, at, footprint, metres);
                    break;
                case LayoutClass.Debris:
                    colour = Debris(at, footprint);
                    shade = HillShade(x, y);
                    break;
                case LayoutClass.Funnel or LayoutClass.DebrisCloud:
                    colour = Tornado(kind, x, y, at, metres, footprint);
                    emitted = colour * (0.15f * (1 - light.Daylight)); // a dark shape, but not a hole at night
                    break;
                case >= LayoutClass.Resident and <= LayoutClass.Guard:
                    colour = Figure(kind, x, y, p, metres, footprint);
                    emitted = colour * (0.35f * (1 - light.Daylight)); // seen at night too
                    break;
                default:
                    colour = Ground(kind, at, footprint);
                    shade = HillShade(x, y);
                    break;
            }
            var lit = (colour * light.Tint * (light.Ambient * shade)) + emitted;
            if (smoke > 0 && kind != LayoutClass.Smoke)
            {
                lit = Vector3.Lerp(lit, SmokeColour(veil, smoke, footprint) * (light.Tint * (0.35f + (0.65f * light.Ambient))), smoke);
            }
            else if (kind == LayoutClass.Smoke)
            {
                lit = colour * light.Tint * (0.35f + (0.65f * light.Ambient));
            }
            if (_view.Perspective)
            {
                float fog = Math.Clamp(Channel(ContinuousChannel.ElevationOrDepth, p) * 1.1f, 0, 1);
                lit = Vector3.Lerp(lit, light.Haze * (0.3f + (0.7f * light.Daylight)), fog * fog * 0.85f * (1 - (0.6f * _storm)));
            }
            return lit;
        }

        /// <summary>
        /// The world point a pixel shows (metres, from the world planes) and how wide a pixel is there; conditions
        /// built by hand (no projection) get a flat 0.5 m grid.
        /// </summary>
        private (Vector2 At, float Footprint) Anchor(int x, int y, int p)
        {
            if (!_view.IsDefined)
            {
                return (new Vector2(x, -y) * HandBuiltMetresPerPixel, HandBuiltMetresPerPixel);
            }
            var at = new Vector2(c.World[p], c.World[_pixels + p]);
            if (!_view.Perspective)
            {
                return (at, _view.MetresPerPixel);
            }
            float distance = Vector3.Distance(new Vector3(at, c.World[(2 * _pixels) + p]), _view.Origin);
            return (at, MathF.Max(0.01f, distance * 2 * _view.HalfHeight / c.Height));
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

        /// <summary>
        /// Water: pale when shallow and dark when deep (the depth plane), brown where it floods the land (its surface
        /// above the sea's), waves whose crests whiten the rougher the sea (a tsunami's), and foam at its fronts.
        /// </summary>
        private Vector3 Water(LayoutClass kind, int x, int y, int p, Vector2 at, float footprint)
        {
            float depth = Channel(ContinuousChannel.WaterDepth, p);
            if (depth <= 0)
            {
                // Hand-built conditions without the channel: the middle of the class's band.
                depth = kind switch { LayoutClass.WaterShallow => 0.03f, LayoutClass.WaterWading => 0.18f, _ => 0.6f };
            }
            var drift = new Vector2(0.4f, 0.25f) * _seconds;
            float shade = MathF.Sqrt(depth);
            var clear = Vector3.Lerp(ShallowWater, DeepWater, shade);
            // Flood water: what it stands on was dry land (its bed above the sea at rest).
            float mud = 0;
            if (_view.IsDefined)
            {
                float bed = c.World[(2 * _pixels) + p] - (depth * CameraConditioner.WaterRange);
                mud = Math.Clamp((bed + 0.3f) / 1.2f, 0, 1) * 0.7f;
            }
            var colour = Vector3.Lerp(clear, Vector3.Lerp(MuddyWater, DeepMud, shade), mud) * (1 + (0.12f * TextureNoise.Detail(at + drift, 3, footprint, 20)));
            // Waves: a long swell (visible from afar) and short crests across the wind (or from the west), bent by
            // noise and moving on; the rougher the water (a tsunami), the more their crests whiten.
            var along = _wind.LengthSquared() > 0.25f ? Vector2.Normalize(_wind) : new Vector2(1, 0);
            float bend = 2.5f * TextureNoise.Periodic(at, 30, 23);
            float swell = MathF.Sin(((Vector2.Dot(at, along) / 45) - (_seconds * 0.12f) + (bend * 0.3f)) * MathF.Tau);
            colour *= 1 + ((0.05f + (0.1f * _rough)) * swell);
            float phase = (Vector2.Dot(at, along) / 7) - (_seconds * 1.3f) + bend;
            float crest = 0.5f + (0.5f * MathF.Sin(phase * MathF.Tau));
            float fade = Math.Clamp((7 / (4 * footprint)) - 0.5f, 0, 1);
            float foam = fade > 0 && crest > 1 - (0.25f * _rough) && TextureNoise.Periodic(new Vector2(at.X + (_seconds * 1.2f), at.Y), 4, 25) > 0.55f - (0.3f * _rough)
                ? (0.15f + (0.55f * _rough)) * fade
                : 0;
            colour *= 1 + (0.1f * fade * (crest - 0.5f));
            // Far off, rough water shows as whitecaps on the swell's crests.
            if (swell > 0.6f && _rough > 0.3f && TextureNoise.Periodic(new Vector2(at.X, at.Y + (_seconds * 1.8f)), 9, 24) > 0.72f)
            {
                foam = MathF.Max(foam, 0.45f * _rough);
            }
            if (NextToDry(x, y))
            {
                foam = MathF.Max(foam, 0.5f + (0.4f * TextureNoise.Periodic(at + new Vector2(drift.Y, -drift.X), 1.5f, 21)));
            }
            else if (kind == LayoutClass.WaterShallow && mud < 0.2f && TextureNoise.Periodic(at + drift, 2, 22) > 0.75f)
            {
                foam = MathF.Max(foam, 0.3f * fade);
            }
            // Flood water runs: streaks of foam along the wind's way, the more the rougher.
            if (mud > 0.2f)
            {
                float streak = TextureNoise.At((Vector2.Dot(at, along) / 8) - (_seconds * 0.8f), ((at.X * along.Y) - (at.Y * along.X)) / 0.9f, 26);
                foam = MathF.Max(foam, Math.Clamp((streak - 0.7f) * 3, 0, 1) * 0.4f * Math.Clamp((1.5f / (2 * footprint)) - 0.2f, 0.3f, 1));
            }
            colour = Vector3.Lerp(colour, Foam, foam);
            if (_view.Perspective)
            {
                // Seen at a low angle water mirrors the sky (Schlick's Fresnel term, for water's 2%).
                float grazing = 1 - MathF.Abs(_view.RayAt(x + 0.5f, y + 0.5f).Z);
                float squared = grazing * grazing;
                float mirror = 0.02f + (0.98f * squared * squared * grazing);
                colour = Vector3.Lerp(colour, light.Sky(0.15f), Math.Clamp(mirror, 0, 0.6f) * (1 - foam));
            }
            return colour;
        }

        private bool NextToDry(int x, int y)
        {
            return Dry(x - 1, y) || Dry(x + 1, y) || Dry(x, y - 1) || Dry(x, y + 1);

            bool Dry(int px, int py)
            {
                if (px < 0 || py < 0 || px >= c.Width || py >= c.Height)
                {
                    return false;
                }
                var k = c.ClassAt(px, py);
                return !LayoutClasses.IsWater(k) && k is not (LayoutClass.Sky or LayoutClass.Smoke) && !LayoutClasses.IsFigure(k);
            }
        }

        /// <summary>
        /// Roofs of terracotta to umber per 8 m lot, a lit and a shaded pitch, dark eaves. Damaged ones: the lower the
        /// roof left standing (the height plane: 6 m lifted deck, 3.5 m structure gone, 1 m swept away), the more of it
        /// is holes, bare timber and rubble, with debris scattered over it.
        /// </summary>
        private Vector3 Roof(LayoutClass kind, int x, int y, Vector2 at, float footprint, float metres)
        {
            float hue = TextureNoise.Cell(at, 8, 30);
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
                colour *= 0.6f;
                // How wrecked: 0.35 a lifted deck (or unknown), to 1 swept away.
                float wreck = _view.Perspective || metres <= 0 ? 0.5f : Math.Clamp((7 - metres) / 6, 0.35f, 1);
                float n = TextureNoise.Periodic(at, 1.6f, 32);
                float pieces = TextureNoise.Cell(at, 0.8f, 33);
                float fade = Math.Clamp((1.6f / (2 * footprint)) - 0.5f, 0, 1);
                if (fade > 0 && n < wreck * 0.75f)
                {
                    colour = Vector3.Lerp(colour * 0.6f, n < wreck * 0.35f ? Hole : Rubble, fade);
                }
                else if (fade > 0 && pieces > 0.85f)
                {
                    colour = Vector3.Lerp(colour, pieces > 0.95f ? Timber : Rubble * 1.3f, fade);
                }
                colour = Vector3.Lerp(colour, Rubble, (1 - fade) * wreck * 0.7f);
            }
            return colour;
        }

        private bool Eave(int x, int y)
        {
            return !Roofed(x - 1, y) || !Roofed(x + 1, y) || !Roofed(x, y - 1) || !Roofed(x, y + 1);

            bool Roofed(int px, int py) => px < 0 || py < 0 || px >= c.Width || py >= c.Height
                || c.ClassAt(px, py) is LayoutClass.Building or LayoutClass.DamagedBuilding;
        }

        /// <summary>Debris on the ground: broken tiles, timber and rubble in pieces of 0.7 m, blurring to a dusty brown from afar.</summary>
        private static Vector3 Debris(Vector2 at, float footprint)
        {
            float piece = TextureNoise.Cell(at, 0.7f, 60);
            var near = piece < 0.3f ? Rubble : piece < 0.55f ? Timber : piece < 0.75f ? Terracotta * 0.8f : piece < 0.9f ? Dust : Hole * 2;
            float fade = Math.Clamp((0.7f / (2 * footprint)) - 0.5f, 0, 1);
            return Vector3.Lerp(new Vector3(0.40f, 0.33f, 0.26f), near, fade);
        }

        /// <summary>
        /// Flames: hot (yellow to white) at their base, red at their tips, in tongues that rise and flicker; seen from
        /// above, a flickering mottle of yellow and orange. Self-lit: they are as bright at night.
        /// </summary>
        private Vector3 Flame(Vector2 at, float metres, float intensity, float footprint)
        {
            float wavelength = MathF.Max(1.2f, footprint * 2);
            float tongue = TextureNoise.Periodic(new Vector2(at.X, at.Y + metres - (_seconds * 2.2f * wavelength)), wavelength, 40);
            float flicker = TextureNoise.Periodic(new Vector2(at.X, _seconds * 15), 5, 43);
            float heat;
            if (_view.Perspective)
            {
                // Up the flame the heat falls; tongues carry it higher.
                float up = metres / 6;
                heat = 1.05f - (up * 0.9f) + ((tongue - 0.5f) * 0.9f) + ((flicker - 0.5f) * 0.3f);
            }
            else
            {
                heat = 0.45f + (0.6f * tongue) + ((flicker - 0.5f) * 0.4f);
            }
            heat = Math.Clamp(heat * (0.7f + (0.3f * intensity)), 0, 1) * (FlameRamp.Length - 1);
            int i = Math.Min((int)heat, FlameRamp.Length - 2);
            return Vector3.Lerp(FlameRamp[i], FlameRamp[i + 1], heat - i) * 1.05f;
        }

        /// <summary>Perspective smoke (and sky, which has no point): the pixel, as about 3 m a pixel at 256 pixels across.</summary>
        private Vector2 SkyTexture(int x, int y) => new Vector2(x, -y) * (768f / c.Width);

        /// <summary>Smoke: grey to sooty where thick, lighter where thin, in billows that drift with the wind (and rise, in perspective).</summary>
        private Vector3 SmokeColour(Vector2 at, float density, float footprint)
        {
            bool veil = _view.Perspective || !_view.IsDefined;
            var drift = veil
                ? new Vector2(Vector2.Dot(_wind, new Vector2(_view.Right.X, _view.Right.Y)) * 3, 6) * _seconds
                : _wind * _seconds;
            float scale = veil ? 60 : MathF.Max(14, footprint * 4);
            float billow = (0.65f * Noise(at - drift, scale, 15)) + (0.35f * Noise(at - (drift * 1.3f), scale * 0.4f, 16));
            float dark = Math.Clamp((density * 0.75f) + ((0.5f - billow) * 0.9f) - 0.1f, 0, 1);
            return Vector3.Lerp(SmokeLight, SmokeDark, dark);

            // The veil is anchored to the screen, not the world: it does not repeat.
            float Noise(Vector2 point, float wavelength, uint seed) => veil
                ? TextureNoise.At(point.X / wavelength, point.Y / wavelength, seed)
                : TextureNoise.Periodic(point, wavelength, seed);
        }

        /// <summary>
        /// A tornado. The funnel: dark grey, lighter up top, striated by bands that wind round it as it turns (counter-
        /// clockwise), shaded as a column in perspective (lit in the middle of each row's run of funnel, dark at its
        /// edges). The debris cloud: dust brown flecked with dark debris. From above, both swirl about their centre.
        /// </summary>
        private Vector3 Tornado(LayoutClass kind, int x, int y, Vector2 at, float metres, float footprint)
        {
            float bands, round = 1;
            if (!c.Perspective && _hasSwirl)
            {
                var offset = new Vector2(x + 0.5f - _swirlCentre.X, _swirlCentre.Y - (y + 0.5f));
                float r = offset.Length() * (_view.IsDefined ? _view.MetresPerPixel : HandBuiltMetresPerPixel);
                float angle = MathF.Atan2(offset.Y, offset.X);
                bands = 0.5f + (0.5f * MathF.Sin((3 * angle) + (r / 6) - (_seconds * 4)));
                round = 0.75f + (0.25f * MathF.Cos(MathF.Min(r / 40, 1.5f)));
            }
            else
            {
                float s = RunAcross(x, y);
                round = 0.45f + (0.65f * MathF.Sin(MathF.PI * s));
                bands = TextureNoise.At((s * 5) + (_seconds * 1.8f), (metres / 18) + (s * 2), 70);
                bands = Math.Clamp((bands - 0.2f) * 1.6f, 0, 1);
            }
            if (kind == LayoutClass.Funnel)
            {
                float high = Math.Clamp(metres / 200, 0, 1);
                var colour = Vector3.Lerp(FunnelDark, FunnelGrey, (0.35f * bands) + (0.45f * high));
                colour = Vector3.Lerp(colour, Dust * 0.7f, Math.Clamp(1 - (metres / 25), 0, 1) * 0.6f);
                return colour * round;
            }
            // Billows of dust at a few scales, turning, with pieces of debris in them.
            float cell = MathF.Max(1.5f, footprint);
            float billow = (0.6f * TextureNoise.Periodic(new Vector2(at.X + (_seconds * 6.3f), at.Y + metres), 7, 72))
                + (0.4f * TextureNoise.Periodic(new Vector2(at.X - (_seconds * 3.5f), at.Y + (metres * 1.3f)), 2.5f, 73));
            float fleck = TextureNoise.Cell(new Vector2(at.X + (_seconds * 3 * cell), at.Y + metres), cell, 71);
            float shade = Math.Clamp(((0.4f * bands) + (0.6f * billow) - 0.5f) * 2.2f + 0.5f, 0, 1);
            var dust = Vector3.Lerp(Dust * 0.4f, Dust * 1.45f, shade) * (0.6f + (0.4f * round));
            return fleck > 0.96f ? Hole * 2.5f : fleck > 0.93f ? Timber * 0.8f : dust;
        }

        /// <summary>Where a pixel lies across its row's run of tornado pixels: 0 at its left edge to 1 at its right.</summary>
        private float RunAcross(int x, int y)
        {
            int row = y * c.Width;
            int left = x, right = x;
            while (left > 0 && c.Layout[row + left - 1] is (byte)LayoutClass.Funnel or (byte)LayoutClass.DebrisCloud)
            {
                left--;
            }
            while (right < c.Width - 1 && c.Layout[row + right + 1] is (byte)LayoutClass.Funnel or (byte)LayoutClass.DebrisCloud)
            {
                right++;
            }
            return (x + 0.5f - left) / (right - left + 1);
        }

        /// <summary>Overhead: the middle of the tornado pixels in view (screen pixels), for the swirl.</summary>
        private static (Vector2 Centre, bool Any) SwirlCentre(CameraConditions c)
        {
            double sx = 0, sy = 0;
            int n = 0;
            for (int y = 0; y < c.Height; y++)
            {
                int row = y * c.Width;
                for (int x = 0; x < c.Width; x++)
                {
                    if (c.Layout[row + x] is (byte)LayoutClass.Funnel or (byte)LayoutClass.DebrisCloud)
                    {
                        sx += x + 0.5;
                        sy += y + 0.5;
                        n++;
                    }
                }
            }
            return n == 0 ? (default, false) : (new Vector2((float)(sx / n), (float)(sy / n)), true);
        }

        /// <summary>
        /// A person or a car. When it covers only a few pixels (less than 5 tall, or 3 across from above) all it shows is its
        /// key colour: its role's, or amber when injured and red when incapacitated (as on the map). Larger ones show their
        /// parts (<see cref="FigurePalette.Part"/>), by the height plane.
        /// </summary>
        private Vector3 Figure(LayoutClass kind, int x, int y, int p, float metres, float footprint)
        {
            float harm = Channel(ContinuousChannel.Harm, p);
            float size = kind == LayoutClass.Vehicle ? 1.8f : c.Perspective ? CameraConditioner.StandingHeight(kind) : 0.45f;
            bool tiny = !_view.IsDefined || size / footprint < (c.Perspective ? 5 : 3);
            var colour = tiny ? FigurePalette.Key(kind, harm) : FigurePalette.Part(kind, metres, harm, overhead: !c.Perspective);
            return colour;
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
