using System.Numerics;

namespace TwinWorld.Generation.Conditions;

public sealed partial class CameraConditioner
{
    /// <summary>Rays stop here (m): what lies further shows as sky.</summary>
    public const float MaxRange = 2000;

    /// <summary>Agents further than this (m) are below a pixel at any model resolution worth drawing them in.</summary>
    public const float AgentRange = 300;

    private const float NearClip = 0.05f;
    private const float StepGrowth = 0.01f;
    private const int Refinements = 5;
    private const float SkipMargin = 1e-3f;

    /// <summary>Heights (m) at which a kind stands: vehicles are lower and wider (their radius), people about eye height.</summary>
    private static float StandingHeight(LayoutClass kind) => kind switch
    {
        LayoutClass.Vehicle => 1.5f,
        LayoutClass.Child => 1.2f,
        _ => 1.75f,
    };

    /// <summary>Marches a ray per pixel over the cells (water surface, roofs, smoke); returns the deepest flood water met.</summary>
    private float DrawPerspective(ViewProjection projection, byte[] layout, float[] continuous)
    {
        int pixels = Width * Height;
        _blocks.Refresh(_simulation.Tick, _smoke);
        float deepestFlood = 0;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int p = (y * Width) + x;
                var ray = projection.RayAt(x + 0.5f, y + 0.5f);
                var (distance, cell, smoke) = March(projection.Origin, ray);
                _distance[p] = distance;
                if (cell < 0)
                {
                    layout[p] = (byte)LayoutClass.Sky;
                    continuous[p] = 1;
                    continue;
                }
                layout[p] = (byte)(smoke ? LayoutClass.Smoke : _cells.ClassAt(cell, roofsAboveWater: true));
                float water = _cells.WaterDepth(cell);
                continuous[p] = Unit(distance / DepthRange);
                continuous[pixels + p] = water >= SceneCells.WetDepth ? Unit(water / WaterRange) : 0;
                continuous[(2 * pixels) + p] = _cells.FireIntensity(cell);
                deepestFlood = MathF.Max(deepestFlood, _cells.FloodDepth(cell));
            }
        }
        return deepestFlood;
    }

    /// <summary>
    /// Steps along the ray, a little further each step the further it is (a pixel covers more ground there), until it
    /// is below what stands on a cell or inside a smoke plume; then bisects back to the surface. Blocks whose highest
    /// point the ray passes over are skipped whole. Returns the distance and cell met, or cell -1 for sky. Beyond the
    /// site's edge the edge cells go on.
    /// </summary>
    private (float Distance, int Cell, bool Smoke) March(Vector3 origin, Vector3 ray)
    {
        float minStep = _cells.Terrain.CellSize / 2;
        float t = NearClip;
        if (origin.Z > _ceiling)
        {
            if (ray.Z >= 0)
            {
                return (float.PositiveInfinity, -1, false);
            }
            t = MathF.Max(t, (origin.Z - _ceiling) / -ray.Z);
        }
        bool smoke = _smoke.Any;
        float previous = t;
        while (t < MaxRange)
        {
            var at = origin + (ray * t);
            if (at.Z > _ceiling && ray.Z >= 0)
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
                    continue;
                }
                t += (at.Z - top) / -ray.Z;
                at = origin + (ray * t);
            }
            int cell = CellAt(at);
            if (smoke && at.Z < _cells.Bed(cell) + SmokeField.Top && _smoke.At(new Vector2(at.X, at.Y)))
            {
                return (t, cell, true);
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
                return (below, CellAt(origin + (ray * below)), false);
            }
            previous = t;
            t += MathF.Max(minStep, t * StepGrowth);
        }
        return (float.PositiveInfinity, -1, false);
    }

    private int CellAt(Vector3 at)
    {
        var terrain = _cells.Terrain;
        int cx = Math.Clamp((int)MathF.Floor(at.X / terrain.CellSize), 0, terrain.Width - 1);
        int cy = Math.Clamp((int)MathF.Floor(at.Y / terrain.CellSize), 0, terrain.Height - 1);
        return terrain.Index(cx, cy);
    }

    /// <summary>
    /// Perspective: an upright box of the agent's radius and standing height on the ground of its cell, at least
    /// one pixel, where nothing nearer hides it (the ground it stands on is allowed a metre's slack): in perspective,
    /// what is nearer is on top, so an agent in front of smoke or fire shows.
    /// </summary>
    private void StampPerspective(ViewProjection projection, Vector2 at, float radius, LayoutClass kind, byte[] layout, float[] continuous)
    {
        float ground = _cells.Bed(CellAt(new Vector3(at, 0)));
        var feet = new Vector3(at, ground);
        if (!projection.TryProject(feet, out var foot, out float ahead) || ahead > AgentRange
            || !projection.TryProject(feet + new Vector3(0, 0, StandingHeight(kind)), out var head, out _))
        {
            return;
        }
        float half = radius / (ahead * projection.HalfWidth) * Width / 2;
        int x0 = (int)MathF.Floor(foot.X - half), x1 = (int)MathF.Floor(foot.X + half);
        int y0 = (int)MathF.Floor(MathF.Min(head.Y, foot.Y)), y1 = (int)MathF.Floor(MathF.Max(head.Y, foot.Y));
        if (x1 < 0 || y1 < 0 || x0 >= Width || y0 >= Height)
        {
            return;
        }
        float distance = Vector3.Distance(feet, projection.Origin);
        float visible = distance - radius - 1;
        for (int y = Math.Max(0, y0); y <= Math.Min(Height - 1, y1); y++)
        {
            for (int x = Math.Max(0, x0); x <= Math.Min(Width - 1, x1); x++)
            {
                int p = (y * Width) + x;
                if (visible <= _distance[p])
                {
                    layout[p] = (byte)kind;
                    _distance[p] = distance;
                    continuous[p] = Unit(distance / DepthRange);
                }
            }
        }
    }
}
