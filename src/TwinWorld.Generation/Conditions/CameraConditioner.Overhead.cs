using System.Numerics;

namespace TwinWorld.Generation.Conditions;

public sealed partial class CameraConditioner
{
    /// <summary>Samples the cell under each pixel's centre (beyond the site's edge, the edge cell); returns the deepest flood water seen.</summary>
    private float DrawOverhead(ViewProjection projection, byte[] layout, float[] continuous)
    {
        var terrain = _cells.Terrain;
        int pixels = Width * Height;
        float perCell = 1 / terrain.CellSize;
        var origin = projection.GroundAt(0.5f, 0.5f);
        var stepX = projection.GroundAt(1.5f, 0.5f) - origin;
        var stepY = projection.GroundAt(0.5f, 1.5f) - origin;
        bool smoke = _smoke.Any;
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
                layout[p] = (byte)(smoke && _smoke.At(at) ? LayoutClass.Smoke : _cells.ClassAt(cell, roofsAboveWater: false));
                float water = _cells.WaterDepth(cell);
                water = water >= SceneCells.WetDepth ? water : 0;
                // Bilinear ground, so hill shading has no steps at cell edges; the water's surface where wet.
                float surface = water > 0 ? _cells.Bed(cell) + water : terrain.ElevationAt(at);
                continuous[p] = Unit((surface - ElevationFloor) / ElevationRange);
                continuous[pixels + p] = Unit(water / WaterRange);
                continuous[(2 * pixels) + p] = _cells.FireIntensity(cell);
                deepestFlood = MathF.Max(deepestFlood, _cells.FloodDepth(cell));
            }
        }
        return deepestFlood;
    }

    /// <summary>Overhead: a disc of the agent's radius, at least the pixel it stands in, hidden under fire and smoke.</summary>
    private void StampOverhead(ViewProjection projection, Vector2 at, float radius, LayoutClass kind, byte[] layout)
    {
        if (!projection.TryProject(new Vector3(at, projection.Origin.Z), out var pixel, out _))
        {
            return;
        }
        float r = radius / projection.MetresPerPixel;
        int x0 = (int)MathF.Floor(pixel.X - r), x1 = (int)MathF.Floor(pixel.X + r);
        int y0 = (int)MathF.Floor(pixel.Y - r), y1 = (int)MathF.Floor(pixel.Y + r);
        if (x1 < 0 || y1 < 0 || x0 >= Width || y0 >= Height)
        {
            return;
        }
        int cx = (int)MathF.Floor(pixel.X), cy = (int)MathF.Floor(pixel.Y);
        for (int y = Math.Max(0, y0); y <= Math.Min(Height - 1, y1); y++)
        {
            for (int x = Math.Max(0, x0); x <= Math.Min(Width - 1, x1); x++)
            {
                float dx = x + 0.5f - pixel.X, dy = y + 0.5f - pixel.Y;
                int p = (y * Width) + x;
                bool covered = layout[p] is (byte)LayoutClass.Fire or (byte)LayoutClass.Smoke;
                if (!covered && ((x == cx && y == cy) || (dx * dx) + (dy * dy) <= r * r))
                {
                    layout[p] = (byte)kind;
                }
            }
        }
    }
}
