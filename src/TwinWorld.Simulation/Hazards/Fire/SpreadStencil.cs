using System.Numerics;

namespace TwinWorld.Simulation.Hazards.Fire;

/// <summary>
/// The moves a burning cell spreads along: every primitive offset (gcd 1) within a 7 x 7 square, 32
/// directions at most 18.4 degrees apart, so that minimum travel time over them rounds a circle to within
/// about 1.3 % instead of the 8-neighbour octagon's 8 %. For each move it lists the cells the straight
/// segment from centre to centre crosses and the fraction of its length in each. Where the segment passes
/// exactly through a cell corner both cells beside the corner are listed with fraction 0: they carry no
/// travel time but, like every crossed cell, must be burnable, so a fire cannot slip diagonally between
/// two cells of a one-cell road or river.
/// </summary>
internal sealed class SpreadStencil
{
    public const int Reach = 3;

    private SpreadStencil(List<(int Dx, int Dy)> moves, List<int> crossStart, List<(int Dx, int Dy, float Fraction)> crossed)
    {
        Count = moves.Count;
        Dx = [.. moves.Select(m => m.Dx)];
        Dy = [.. moves.Select(m => m.Dy)];
        Length = [.. moves.Select(m => MathF.Sqrt((m.Dx * m.Dx) + (m.Dy * m.Dy)))];
        Direction = [.. moves.Select(m => Vector2.Normalize(new Vector2(m.Dx, m.Dy)))];
        CrossStart = [.. crossStart];
        CrossDx = [.. crossed.Select(c => c.Dx)];
        CrossDy = [.. crossed.Select(c => c.Dy)];
        CrossFraction = [.. crossed.Select(c => c.Fraction)];
    }

    public int Count { get; }

    public int[] Dx { get; }

    public int[] Dy { get; }

    /// <summary>Length of each move in cells.</summary>
    public float[] Length { get; }

    public Vector2[] Direction { get; }

    /// <summary>Move k crosses entries CrossStart[k] to CrossStart[k + 1] - 1, source and target included.</summary>
    public int[] CrossStart { get; }

    public int[] CrossDx { get; }

    public int[] CrossDy { get; }

    public float[] CrossFraction { get; }

    public static SpreadStencil Create()
    {
        var moves = new List<(int, int)>();
        var crossStart = new List<int> { 0 };
        var crossed = new List<(int, int, float)>();
        for (int dy = -Reach; dy <= Reach; dy++)
        {
            for (int dx = -Reach; dx <= Reach; dx++)
            {
                if (Gcd(Math.Abs(dx), Math.Abs(dy)) != 1)
                {
                    continue;
                }
                moves.Add((dx, dy));
                Walk(dx, dy, crossed);
                crossStart.Add(crossed.Count);
            }
        }
        return new SpreadStencil(moves, crossStart, crossed);
    }

    // Steps from cell (0, 0) to (dx, dy) along the segment between their centres. The segment meets the
    // k-th vertical cell boundary at t = (2k - 1) / (2 |dx|) and the m-th horizontal one at (2m - 1) / (2 |dy|);
    // comparing the cross products (2k - 1) |dy| and (2m - 1) |dx| in integers finds corners exactly.
    private static void Walk(int dx, int dy, List<(int, int, float)> crossed)
    {
        int ax = Math.Abs(dx);
        int ay = Math.Abs(dy);
        int sx = Math.Sign(dx);
        int sy = Math.Sign(dy);
        int x = 0;
        int y = 0;
        int k = 1;
        int m = 1;
        float previous = 0;
        while (k <= ax || m <= ay)
        {
            long xCross = k <= ax ? (2L * k - 1) * Math.Max(ay, 1) : long.MaxValue;
            long yCross = m <= ay ? (2L * m - 1) * Math.Max(ax, 1) : long.MaxValue;
            float t = xCross <= yCross ? (2f * k - 1) / (2f * ax) : (2f * m - 1) / (2f * ay);
            crossed.Add((x, y, t - previous));
            previous = t;
            if (xCross == yCross)
            {
                crossed.Add((x + sx, y, 0f));
                crossed.Add((x, y + sy, 0f));
                x += sx;
                y += sy;
                k++;
                m++;
            }
            else if (xCross < yCross)
            {
                x += sx;
                k++;
            }
            else
            {
                y += sy;
                m++;
            }
        }
        crossed.Add((x, y, 1 - previous));
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
