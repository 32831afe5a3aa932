using System.Numerics;

namespace TwinWorld.Generation.Conditions;

public sealed partial class CameraConditioner
{
    /// <summary>Rays stop here (m): what lies further shows as sky.</summary>
    public const float MaxRange = 2000;

    /// <summary>Agents further than this (m) are below a pixel at any model resolution worth drawing them in.</summary>
    public const float AgentRange = 300;

    /// <summary>Smoke of density 1 dims what is behind it by e^-1 every this many metres.</summary>
    public const float SmokeMetres = 8;

    private const float NearClip = 0.05f;
    private const float StepGrowth = 0.01f;
    private const int Refinements = 5;
    private const float SkipMargin = 1e-3f;

    /// <summary>Smoke this opaque stops a ray: nothing behind it shows.</summary>
    private const float OpaqueSmoke = 0.97f;

    /// <summary>
    /// What a ray met: at what distance (+infinity: sky), which cell (-1: sky), the smoke in front of it and how far off
    /// that smoke turned half opaque (its visible face), and any tornado.
    /// </summary>
    private readonly record struct RayHit(float Distance, int Cell, float Smoke, LayoutClass? Tornado, float SmokeFace = float.PositiveInfinity);

    /// <summary>Marches a ray per pixel over the cells (water surface, roofs, flames, smoke) and the tornadoes; returns the deepest flood water met.</summary>
    private float DrawPerspective(ViewProjection projection, byte[] layout, float[] continuous, float[] world)
    {
        int pixels = Width * Height;
        _blocks.Refresh(_simulation.Tick, _smoke, _simulation.Hazards.Fire);
        bool wrecked = _cells.AnyWrecked;
        float deepestFlood = 0;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int p = (y * Width) + x;
                var ray = projection.RayAt(x + 0.5f, y + 0.5f);
                var funnel = _funnels.Count > 0 ? FunnelHit(projection.Origin, ray) : (float.PositiveInfinity, null);
                var hit = March(projection.Origin, ray, funnel.Distance, funnel.Kind);
                if (hit.Smoke >= DenseSmoke)
                {
                    // Thick smoke: what shows is its face, where it turned half opaque.
                    hit = new RayHit(MathF.Min(hit.SmokeFace, hit.Distance), CellAt(projection.Origin + (ray * MathF.Min(hit.SmokeFace, hit.Distance))), hit.Smoke, null);
                }
                _distance[p] = hit.Distance;
                continuous[(4 * pixels) + p] = hit.Smoke;
                if (hit.Cell < 0 && hit.Tornado is null)
                {
                    // Sky, perhaps behind thin smoke.
                    layout[p] = (byte)LayoutClass.Sky;
                    continuous[p] = 1;
                    continue;
                }
                var point = projection.Origin + (ray * hit.Distance);
                int cell = CellAt(point);
                float bed = _cells.Bed(cell);
                world[p] = point.X;
                world[pixels + p] = point.Y;
                world[(2 * pixels) + p] = point.Z;
                continuous[p] = Unit(hit.Distance / DepthRange);
                continuous[(3 * pixels) + p] = Unit((point.Z - bed) / HeightRange);
                if (hit.Tornado is { } tornado)
                {
                    layout[p] = (byte)(hit.Smoke >= DenseSmoke ? LayoutClass.Smoke : tornado);
                    continue;
                }
                layout[p] = (byte)(hit.Smoke >= DenseSmoke ? LayoutClass.Smoke : _cells.ClassAt(hit.Cell, roofsAboveWater: true, wrecked));
                float water = _cells.WaterDepth(hit.Cell);
                continuous[pixels + p] = water >= SceneCells.WetDepth ? Unit(water / WaterRange) : 0;
                continuous[(2 * pixels) + p] = _cells.FireIntensity(hit.Cell);
                deepestFlood = MathF.Max(deepestFlood, _cells.FloodDepth(hit.Cell));
            }
        }
        return deepestFlood;
    }

    /// <summary>
    /// Steps along the ray, a little further each step the further it is (a pixel covers more ground there), until it
    /// is below what stands on a cell; then bisects back to the surface. On the way it gathers the smoke it passes
    /// through (and stops where that hides everything), and it stops at <paramref name="limit"/>, where a tornado is.
    /// Blocks whose highest point the ray passes over are skipped whole. Beyond the site's edge the edge cells go on.
    /// </summary>
    private RayHit March(Vector3 origin, Vector3 ray, float limit, LayoutClass? tornado)
    {
        float minStep = _cells.Terrain.CellSize / 2;
        float ceiling = _blocks.Highest;
        float t = NearClip;
        float depth = 0; // optical depth of the smoke passed through
        float face = float.PositiveInfinity;
        var sky = new RayHit(float.PositiveInfinity, -1, 0, null);
        if (origin.Z > ceiling)
        {
            if (ray.Z >= 0)
            {
                return Ending(limit, 0);
            }
            t = MathF.Max(t, (origin.Z - ceiling) / -ray.Z);
        }
        bool smoke = _smoke.Any;
        float previous = t, sampled = t;
        while (t < MaxRange && t < limit)
        {
            var at = origin + (ray * t);
            if (at.Z > ceiling && ray.Z >= 0)
            {
                break;
            }
            int block = _blocks.BlockAt(at.X, at.Y);
            if (block < 0)
            {
                if (ray.Z >= 0 && at.Z > _blocks.EdgeTop)
                {
                    break;
                }
            }
            else if (at.Z > _blocks.Top(block))
            {
                float top = _blocks.Top(block);
                float exit = _blocks.Exit(block, at, ray.X, ray.Y) + SkipMargin;
                previous = t;
                if (at.Z + (ray.Z * exit) > top)
                {
                    t += exit;
                    sampled = t;
                    continue;
                }
                t += (at.Z - top) / -ray.Z;
                sampled = t;
                at = origin + (ray * t);
            }
            int cell = CellAt(at);
            if (smoke)
            {
                float from = sampled;
                sampled = t;
                var ground = new Vector2(at.X, at.Y);
                float above = at.Z - _cells.Bed(cell);
                float top = _smoke.TopAt(ground);
                if (above < top)
                {
                    // Thinning out towards the plume's top, so it has no hard edge.
                    float profile = MathF.Min(1, (top - above) / (0.35f * top));
                    depth += _smoke.DensityAt(ground) * profile * (t - from) / SmokeMetres;
                    if (face == float.PositiveInfinity && depth >= HalfOpaque)
                    {
                        face = t;
                    }
                    if (Opacity(depth) >= OpaqueSmoke)
                    {
                        return new RayHit(t, cell, Opacity(depth), null, face);
                    }
                }
            }
            if (at.Z <= _cells.SurfaceTop(cell))
            {
                float below = t, above = previous;
                for (int i = 0; i < Refinements; i++)
                {
                    float middle = (below + above) / 2;
                    var mid = origin + (ray * middle);
                    if (mid.Z <= _cells.SurfaceTop(CellAt(mid)))
                    {
                        below = middle;
                    }
                    else
                    {
                        above = middle;
                    }
                }
                return new RayHit(below, CellAt(origin + (ray * below)), Opacity(depth), null, face);
            }
            previous = t;
            t += MathF.Max(minStep, t * StepGrowth);
        }
        return Ending(limit, Opacity(depth));

        RayHit Ending(float at, float opacity) => tornado is { } kind && at < float.PositiveInfinity ? new RayHit(at, -1, opacity, kind, face) : sky with { Smoke = opacity, SmokeFace = face };
    }

    private static float Opacity(float opticalDepth) => 1 - MathF.Exp(-opticalDepth);

    /// <summary>The optical depth at which smoke is half opaque: ln 2.</summary>
    private const float HalfOpaque = 0.6931472f;

    private int CellAt(Vector3 at)
    {
        var terrain = _cells.Terrain;
        int cx = Math.Clamp((int)MathF.Floor(at.X / terrain.CellSize), 0, terrain.Width - 1);
        int cy = Math.Clamp((int)MathF.Floor(at.Y / terrain.CellSize), 0, terrain.Height - 1);
        return terrain.Index(cx, cy);
    }

    /// <summary>
    /// Perspective: an upright figure of its standing height on the ground of its cell, shaped as a person (legs, a
    /// wider body, a narrower head) or a car (a lower, narrower cabin on the body, as long as it shows side-on); a
    /// person lying down is a low box as long as they are tall. At least one pixel, where nothing nearer hides it (the
    /// ground it stands on is allowed a metre's slack): in perspective what is nearer is on top, so a figure in front of
    /// smoke or fire shows.
    /// </summary>
    private void StampPerspective(ViewProjection projection, in Figure figure, byte[] layout, float[] continuous, float[] world)
    {
        var feet = new Vector3(figure.At, figure.Ground);
        bool vehicle = figure.Kind == LayoutClass.Vehicle;
        float tall = figure.Lying && !vehicle ? LyingHeight : figure.Standing;
        if (!projection.TryProject(feet, out var foot, out float ahead) || ahead > AgentRange
            || !projection.TryProject(feet + new Vector3(0, 0, tall), out var head, out _))
        {
            return;
        }
        // Half its width across the view (m): side-on a car or a lying person shows its length.
        float side = MathF.Abs((MathF.Cos(figure.Heading) * projection.Right.Y) - (MathF.Sin(figure.Heading) * projection.Right.X));
        float halfMetres = vehicle ? 0.9f + (1.3f * side) : figure.Lying ? figure.Radius + (0.65f * side) : figure.Radius;
        float perMetre = Width / 2 / (ahead * projection.HalfWidth);
        float half = halfMetres * perMetre;
        int x0 = (int)MathF.Floor(foot.X - half), x1 = (int)MathF.Floor(foot.X + half);
        int y0 = (int)MathF.Floor(MathF.Min(head.Y, foot.Y)), y1 = (int)MathF.Floor(MathF.Max(head.Y, foot.Y));
        if (x1 < 0 || y1 < 0 || x0 >= Width || y0 >= Height)
        {
            return;
        }
        int pixels = Width * Height;
        int centre = (int)MathF.Floor(foot.X);
        float distance = Vector3.Distance(feet, projection.Origin);
        float visible = distance - halfMetres - 1;
        float span = MathF.Max(foot.Y - head.Y, 1e-3f);
        for (int y = Math.Max(0, y0); y <= Math.Min(Height - 1, y1); y++)
        {
            // 0 at the feet, 1 at the top of the head (or roof).
            float up = y0 == y1 ? 0.5f : Math.Clamp((foot.Y - (y + 0.5f)) / span, 0, 1);
            float width = Profile(up, vehicle, figure.Lying) * half;
            for (int x = Math.Max(0, x0); x <= Math.Min(Width - 1, x1); x++)
            {
                int p = (y * Width) + x;
                float across = x + 0.5f - foot.X;
                if ((MathF.Abs(across) > width && x != centre) || visible > _distance[p])
                {
                    continue;
                }
                float behind = _distance[p];
                layout[p] = (byte)figure.Kind;
                _distance[p] = distance;
                float height = up * tall;
                continuous[p] = Unit(distance / DepthRange);
                continuous[pixels + p] = 0;
                continuous[(2 * pixels) + p] = 0;
                continuous[(3 * pixels) + p] = Unit(height / HeightRange);
                // Only the smoke in front of the figure: the share of the ray's smoke up to it.
                continuous[(4 * pixels) + p] *= float.IsFinite(behind) && behind > 0 ? Math.Clamp(distance / behind, 0, 1) : 1;
                continuous[(5 * pixels) + p] = figure.Harm;
                var point = feet + new Vector3(projection.Right.X * across / perMetre, projection.Right.Y * across / perMetre, height);
                world[p] = point.X;
                world[pixels + p] = point.Y;
                world[(2 * pixels) + p] = point.Z;
            }
        }
    }

    /// <summary>A figure's width at a height (0 feet to 1 top) as a share of its half width.</summary>
    private static float Profile(float up, bool vehicle, bool lying) =>
        vehicle ? (up < 0.62f ? 1 : 0.72f)
        : lying ? 1
        : up < 0.46f ? 0.7f      // legs
        : up < 0.8f ? 1.05f      // body and arms
        : up < 0.84f ? 0.35f     // neck
        : 0.55f;                 // head
}
