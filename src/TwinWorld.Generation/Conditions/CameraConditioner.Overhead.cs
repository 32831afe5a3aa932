using System.Numerics;

namespace TwinWorld.Generation.Conditions;

public sealed partial class CameraConditioner
{
    /// <summary>
    /// Samples the cell under each pixel's centre (beyond the site's edge, the edge cell), the smoke over it and the
    /// tornadoes' footprints; returns the deepest flood water seen.
    /// </summary>
    private float DrawOverhead(ViewProjection projection, byte[] layout, float[] continuous, float[] world)
    {
        var terrain = _cells.Terrain;
        int pixels = Width * Height;
        float perCell = 1 / terrain.CellSize;
        var origin = projection.GroundAt(0.5f, 0.5f);
        var stepX = projection.GroundAt(1.5f, 0.5f) - origin;
        var stepY = projection.GroundAt(0.5f, 1.5f) - origin;
        bool smoke = _smoke.Any;
        bool wrecked = _cells.AnyWrecked;
        bool funnels = _funnels.Count > 0;
        float deepestFlood = 0;
        for (int y = 0; y < Height; y++)
        {
            var at = origin + (stepY * y);
            for (int x = 0; x < Width; x++, at += stepX)
            {
                int cx = Math.Clamp((int)MathF.Floor(at.X * perCell), 0, terrain.Width - 1);
                int cy = Math.Clamp((int)MathF.Floor(at.Y * perCell), 0, terrain.Height - 1);
                int cell = terrain.Index(cx, cy);
                int p = (y * Width) + x;
                var kind = _cells.ClassAt(cell, roofsAboveWater: false, wrecked);
                float water = _cells.WaterDepth(cell);
                water = water >= SceneCells.WetDepth ? water : 0;
                // What stands on the cell: the water's surface where wet, else roofs and flames.
                float height = water > 0 ? water : MathF.Max(_cells.StructureHeight(cell), _cells.FlameHeight(cell));
                // Bilinear ground, so hill shading has no steps at cell edges; the water's surface where wet.
                float bed = water > 0 ? _cells.Bed(cell) : terrain.ElevationAt(at);
                float density = smoke ? _smoke.DensityAt(at) : 0;
                if (funnels && FunnelFromAbove(at) is { } funnel)
                {
                    kind = funnel.Kind;
                    height = funnel.Height;
                    density = 0;
                }
                else if (density >= DenseSmoke && kind != LayoutClass.Fire)
                {
                    // Flames glow through the smoke over them; everything else thick smoke hides.
                    kind = LayoutClass.Smoke;
                }
                layout[p] = (byte)kind;
                continuous[p] = Unit((bed + water - ElevationFloor) / ElevationRange);
                continuous[pixels + p] = Unit(water / WaterRange);
                continuous[(2 * pixels) + p] = _cells.FireIntensity(cell);
                continuous[(3 * pixels) + p] = Unit(height / HeightRange);
                continuous[(4 * pixels) + p] = density;
                world[p] = at.X;
                world[pixels + p] = at.Y;
                world[(2 * pixels) + p] = bed + height;
                deepestFlood = MathF.Max(deepestFlood, _cells.FloodDepth(cell));
            }
        }
        return deepestFlood;
    }

    /// <summary>What hides a figure seen from above: flames, thick smoke, a tornado.</summary>
    private static bool HidesFigures(byte kind) => kind is (byte)LayoutClass.Fire or (byte)LayoutClass.Smoke or (byte)LayoutClass.Funnel or (byte)LayoutClass.DebrisCloud;

    /// <summary>
    /// Overhead: a person is a disc of its radius (head in the middle, shoulders round it), lying down an ellipse along its
    /// heading; a vehicle a 4.4 x 1.8 m box along its heading (roof, windows, bonnet and boot). At least the pixel it
    /// stands in; hidden under fire, thick smoke and tornadoes.
    /// </summary>
    private void StampOverhead(ViewProjection projection, in Figure figure, byte[] layout, float[] continuous, float[] world)
    {
        if (!projection.TryProject(new Vector3(figure.At, projection.Origin.Z), out var pixel, out _))
        {
            return;
        }
        float perMetre = 1 / projection.MetresPerPixel;
        var along = new Vector2(MathF.Cos(figure.Heading), MathF.Sin(figure.Heading));
        // The heading in screen terms (x right, y down).
        var screenAlong = new Vector2(
            (along.X * projection.Right.X) + (along.Y * projection.Right.Y),
            -((along.X * projection.Up.X) + (along.Y * projection.Up.Y)));
        var (halfLength, halfWidth) = figure.Kind == LayoutClass.Vehicle ? (2.2f, 0.9f) : figure.Lying ? (0.85f, 0.25f) : (figure.Radius, figure.Radius);
        float reach = MathF.Max(halfLength, halfWidth) * perMetre;
        int x0 = (int)MathF.Floor(pixel.X - reach), x1 = (int)MathF.Floor(pixel.X + reach);
        int y0 = (int)MathF.Floor(pixel.Y - reach), y1 = (int)MathF.Floor(pixel.Y + reach);
        if (x1 < 0 || y1 < 0 || x0 >= Width || y0 >= Height)
        {
            return;
        }
        int pixels = Width * Height;
        int cx = (int)MathF.Floor(pixel.X), cy = (int)MathF.Floor(pixel.Y);
        for (int y = Math.Max(0, y0); y <= Math.Min(Height - 1, y1); y++)
        {
            for (int x = Math.Max(0, x0); x <= Math.Min(Width - 1, x1); x++)
            {
                int p = (y * Width) + x;
                if (HidesFigures(layout[p]))
                {
                    continue;
                }
                var offset = new Vector2(x + 0.5f - pixel.X, y + 0.5f - pixel.Y) * projection.MetresPerPixel;
                float u = Vector2.Dot(offset, screenAlong) / halfLength;
                float v = ((offset.X * screenAlong.Y) - (offset.Y * screenAlong.X)) / halfWidth;
                bool centre = x == cx && y == cy;
                if (!centre && (figure.Kind == LayoutClass.Vehicle ? MathF.Abs(u) > 1 || MathF.Abs(v) > 1 : (u * u) + (v * v) > 1))
                {
                    continue;
                }
                float height = figure.Kind == LayoutClass.Vehicle
                    ? MathF.Abs(u) < 0.3f ? VehicleHeight : MathF.Abs(u) < 0.5f ? 1.2f : 0.9f
                    : figure.Lying ? LyingHeight
                    : (u * u) + (v * v) < 0.3f || centre ? figure.Standing : 0.82f * figure.Standing;
                layout[p] = (byte)figure.Kind;
                continuous[(3 * pixels) + p] = Unit(height / HeightRange);
                continuous[(5 * pixels) + p] = figure.Harm;
                var ground = projection.GroundAt(x + 0.5f, y + 0.5f);
                world[p] = ground.X;
                world[pixels + p] = ground.Y;
                world[(2 * pixels) + p] = figure.Ground + height;
            }
        }
    }
}
