using System.Numerics;

namespace TwinWorld.Generation.Conditions;

public sealed partial class CameraConditioner
{
    /// <summary>
    /// How a tornado is drawn (protocol/world-model.md), in multiples of its core radius R: a condensation funnel
    /// <see cref="FunnelHeightPerCore"/> R tall (150 to 600 m), <see cref="FunnelFoot"/> R wide at the ground and
    /// <see cref="FunnelTop"/> R at the top (widening as height^1.5), leaning back from its travel by <see cref="FunnelLean"/>
    /// m a metre up; round its foot a debris cloud <see cref="DebrisHeightPerCore"/> R tall, <see cref="DebrisFoot"/> R
    /// wide at the ground narrowing to <see cref="DebrisTop"/> R. Seen from above: the funnel within
    /// <see cref="FunnelFromAboveRadius"/> R of the centre, the debris cloud out to <see cref="DebrisFromAboveRadius"/> R.
    /// In perspective their edges are ragged: radii scaled by 0.85 to 1.15 (funnel) and 0.55 to 1.35 (debris, whose top is
    /// 0.7 to 1.3 times its height) by value
    /// noise round the axis and up it, turning with the vortex's core.
    /// </summary>
    public const float FunnelHeightPerCore = 8, FunnelFoot = 0.3f, FunnelTop = 1.6f, FunnelLean = 0.2f,
        DebrisHeightPerCore = 1.2f, DebrisFoot = 1.5f, DebrisTop = 0.8f, FunnelFromAboveRadius = 0.9f, DebrisFromAboveRadius = 1.8f;

    private const int FunnelSteps = 48;

    private readonly record struct FunnelShape(Vector2 Centre, Vector2 Back, float Ground, float Core, float Height, float DebrisHeight, float Spin)
    {
        public float FunnelRadius(float h) => Core * (FunnelFoot + ((FunnelTop - FunnelFoot) * MathF.Pow(Math.Clamp(h / Height, 0, 1), 1.5f)));

        public float DebrisRadius(float h) => Core * (DebrisFoot + ((DebrisTop - DebrisFoot) * Math.Clamp(h / DebrisHeight, 0, 1)));

        /// <summary>The axis leans back from the travel: its centre at a height.</summary>
        public Vector2 AxisAt(float h) => Centre + (Back * (FunnelLean * h));

        /// <summary>A vertical cylinder that holds the whole tornado.</summary>
        public Vector2 BoundCentre => AxisAt(Height / 2);

        public float BoundRadius => (1.4f * Core * MathF.Max(FunnelTop, DebrisFoot)) + (FunnelLean * Height / 2) + 1;

        public LayoutClass? Inside(Vector3 point)
        {
            float h = point.Z - Ground;
            if (h < 0 || h > Height)
            {
                return null;
            }
            var offset = new Vector2(point.X, point.Y) - AxisAt(h);
            float r = offset.Length();
            if (r > BoundRadius)
            {
                return null;
            }
            // Ragged edges that turn with the wind (counter-clockwise): noise round the axis and up it.
            var round = r > 1e-3f ? offset / r : Vector2.UnitX;
            var (sin, cos) = MathF.SinCos(Spin);
            var turned = new Vector2((round.X * cos) + (round.Y * sin), (round.Y * cos) - (round.X * sin));
            float wobble = Rendering.TextureNoise.At((turned.X * 1.6f) + (h / 40), (turned.Y * 1.6f) + (h / 14), 80);
            if (h < DebrisHeight * (0.7f + (0.6f * wobble)) && r < DebrisRadius(h) * (0.55f + (0.8f * wobble)))
            {
                return LayoutClass.DebrisCloud;
            }
            return r < FunnelRadius(h) * (0.85f + (0.3f * wobble)) ? LayoutClass.Funnel : null;
        }
    }

    private readonly List<FunnelShape> _funnels = [];

    /// <summary>The tornadoes blowing now, as shapes.</summary>
    private void RefreshFunnels()
    {
        _funnels.Clear();
        var terrain = _simulation.Site.Terrain;
        foreach (var vortex in _simulation.Hazards.Wind.Vortices)
        {
            if (!(vortex.CoreRadius > 0) || !float.IsFinite(vortex.Centre.X) || !float.IsFinite(vortex.Centre.Y))
            {
                continue;
            }
            float travel = vortex.Travel.Length();
            var back = travel > 1e-3f ? -vortex.Travel / travel : Vector2.Zero;
            float height = Math.Clamp(FunnelHeightPerCore * vortex.CoreRadius, 150, 600);
            // The edges turn at the core's speed: a revolution every 2 pi R / v seconds.
            float spin = (float)(_simulation.SimulatedTime.TotalSeconds * vortex.MaxTangential / vortex.CoreRadius % (2 * Math.PI));
            _funnels.Add(new FunnelShape(vortex.Centre, back, terrain.ElevationAt(vortex.Centre), vortex.CoreRadius, height, DebrisHeightPerCore * vortex.CoreRadius, spin));
        }
    }

    /// <summary>Overhead: the funnel or its debris cloud over a ground point, with the height (m) of its top, if any.</summary>
    private (LayoutClass Kind, float Height)? FunnelFromAbove(Vector2 at)
    {
        foreach (var f in _funnels)
        {
            float r = Vector2.Distance(at, f.Centre);
            if (r < FunnelFromAboveRadius * f.Core)
            {
                return (LayoutClass.Funnel, f.Height);
            }
            if (r < DebrisFromAboveRadius * f.Core)
            {
                return (LayoutClass.DebrisCloud, f.DebrisHeight);
            }
        }
        return null;
    }

    /// <summary>
    /// Perspective: the nearest point along the ray inside a tornado (funnel or debris cloud), found by stepping
    /// through the cylinder that bounds it and bisecting back to its edge; +infinity when the ray misses them all.
    /// </summary>
    private (float Distance, LayoutClass? Kind) FunnelHit(Vector3 origin, Vector3 ray)
    {
        float best = float.PositiveInfinity;
        LayoutClass? kind = null;
        foreach (var f in _funnels)
        {
            // The ray against the bounding cylinder, in the horizontal plane, then within its height.
            var o = new Vector2(origin.X, origin.Y) - f.BoundCentre;
            var d = new Vector2(ray.X, ray.Y);
            float a = d.LengthSquared(), b = Vector2.Dot(o, d), c = o.LengthSquared() - (f.BoundRadius * f.BoundRadius);
            float t0, t1;
            if (a < 1e-9f)
            {
                if (c > 0)
                {
                    continue;
                }
                (t0, t1) = (0, float.PositiveInfinity);
            }
            else
            {
                float disc = (b * b) - (a * c);
                if (disc < 0)
                {
                    continue;
                }
                float root = MathF.Sqrt(disc);
                (t0, t1) = ((-b - root) / a, (-b + root) / a);
            }
            if (MathF.Abs(ray.Z) > 1e-9f)
            {
                float ta = (f.Ground - origin.Z) / ray.Z, tb = (f.Ground + f.Height - origin.Z) / ray.Z;
                t0 = MathF.Max(t0, MathF.Min(ta, tb));
                t1 = MathF.Min(t1, MathF.Max(ta, tb));
            }
            else if (origin.Z < f.Ground || origin.Z > f.Ground + f.Height)
            {
                continue;
            }
            t0 = MathF.Max(t0, NearClip);
            t1 = MathF.Min(t1, MathF.Min(best, MaxRange));
            if (t1 <= t0)
            {
                continue;
            }
            float step = (t1 - t0) / FunnelSteps, previous = t0;
            for (int i = 0; i <= FunnelSteps; i++)
            {
                float t = t0 + (step * i);
                if (f.Inside(origin + (ray * t)) is not { } found)
                {
                    previous = t;
                    continue;
                }
                float inside = t, outside = previous;
                for (int r = 0; r < Refinements && i > 0; r++)
                {
                    float middle = (inside + outside) / 2;
                    if (f.Inside(origin + (ray * middle)) is not null)
                    {
                        inside = middle;
                    }
                    else
                    {
                        outside = middle;
                    }
                }
                best = inside;
                kind = f.Inside(origin + (ray * inside)) ?? found;
                break;
            }
        }
        return (best, kind);
    }
}
