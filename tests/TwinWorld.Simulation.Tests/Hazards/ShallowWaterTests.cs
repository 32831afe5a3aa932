using System.Numerics;
using TwinWorld.Simulation.Hazards.Water;
using Xunit.Abstractions;

namespace TwinWorld.Simulation.Tests.Hazards;

/// <summary>
/// Validation of the shallow-water solver against published oracles: the lake at rest (Audusse et al. 2004, SIAM J.
/// Sci. Comput. 25(6)), Ritter's dam break on a dry bed (Ritter 1892, Z. Ver. Dtsch. Ing. 36), mass conservation,
/// and the solitary-wave run-up law on a plane beach (Synolakis 1987, J. Fluid Mech. 185); plus the wave maker
/// and determinism across worker counts.
/// </summary>
public class ShallowWaterTests(ITestOutputHelper output)
{
    private const float G = ShallowWaterSolver.Gravity;

    [Fact]
    public void A_lake_at_rest_stays_at_rest_over_bumps_and_a_dry_island()
    {
        const int W = 40, H = 30;
        const float Level = 0.37f;
        var bed = new float[W * H];
        for (int y = 0; y < H; y++)
        {
            for (int x = 0; x < W; x++)
            {
                float island = 5 * MathF.Max(0, 1 - (((x - 22) * (x - 22)) + ((y - 14) * (y - 14))) / 36f);
                float step = x is > 5 and < 10 && y is > 3 and < 12 ? 1.7f : 0;
                bed[(y * W) + x] = -3 + (1.5f * MathF.Sin(0.7f * x) * MathF.Cos(0.45f * y)) + island + step;
            }
        }
        var water = new ShallowWaterSolver(W, H, 2, bed, Filled(W * H, 0.03f), workers: 2)
        {
            West = WaterBoundary.Inflow, East = WaterBoundary.Open, South = WaterBoundary.Wall, North = WaterBoundary.Wall, StillLevel = Level,
        };
        // A level that is not a round binary number, so depths carry rounding error as they would in the field.
        water.FillTo(Level);
        Assert.Contains(Enumerable.Range(0, W * H), i => water.Depth[i] == 0);
        Assert.Contains(Enumerable.Range(0, W * H), i => water.Depth[i] > 0 && water.Depth[i] < 0.5f);

        int steps = 0;
        float time = 0;
        while (steps < 1000)
        {
            steps += water.Advance(1, time, []);
            time += 1;
        }

        float maxSpeed = Enumerable.Range(0, W * H).Max(water.Speed);
        float maxSurfaceError = Enumerable.Range(0, W * H).Where(i => water.Depth[i] > 0).Max(i => MathF.Abs(water.Depth[i] + bed[i] - Level));
        output.WriteLine($"lake at rest: {steps} steps, max |u| {maxSpeed:E2} m/s, max surface error {maxSurfaceError:E2} m");
        Assert.True(maxSpeed < 1e-4f, $"max |u| {maxSpeed} m/s");
        Assert.True(maxSurfaceError < 1e-4f, $"surface moved {maxSurfaceError} m");
        Assert.Equal(0, water.Depth[(14 * W) + 22]);
    }

    [Fact]
    public void A_dam_break_on_a_dry_bed_follows_Ritter()
    {
        var coarse = DamBreak(1.0f);
        var medium = DamBreak(0.5f);
        var fine = DamBreak(0.25f);
        float expected = 4f / 9f;
        foreach (var (dx, depth, l1) in new[] { coarse, medium, fine })
        {
            output.WriteLine($"Ritter, dx {dx} m: depth at the dam {depth:F4} m (4/9 h0 = {expected:F4}, error {100 * (depth - expected) / expected:F2}%), L1 error {l1:F4} m^2");
            Assert.True(MathF.Abs(depth - expected) < 0.02f * expected, $"dx {dx}: depth {depth}");
        }
        Assert.True(medium.L1 < 0.8f * coarse.L1 && fine.L1 < 0.8f * medium.L1, "the error falls as the grid is refined");
    }

    /// <summary>Ritter's solution at t = 20 s for h0 = 1 m, dam at x = 0, in a channel from -100 to 150 m.</summary>
    private static (float Dx, float DepthAtDam, float L1) DamBreak(float dx)
    {
        const float H0 = 1, T = 20, West = -100, Length = 250;
        int n = (int)(Length / dx);
        var water = new ShallowWaterSolver(n, 2, dx, new float[2 * n], new float[2 * n], workers: 1);
        for (int y = 0; y < 2; y++)
        {
            for (int x = 0; x < n; x++)
            {
                if (West + ((x + 0.5f) * dx) < 0)
                {
                    water.SetWater((y * n) + x, H0, Vector2.Zero);
                }
            }
        }
        water.Advance(T, 0, []);

        float c0 = MathF.Sqrt(G * H0);
        float l1 = 0;
        for (int x = 0; x < n; x++)
        {
            float xi = West + ((x + 0.5f) * dx);
            float exact = xi <= -c0 * T ? H0 : xi >= 2 * c0 * T ? 0 : MathF.Pow((2 * c0) - (xi / T), 2) / (9 * G);
            l1 += MathF.Abs(water.Depth[x] - exact) * dx;
        }
        int dam = (int)(-West / dx);
        return (dx, 0.5f * (water.Depth[dam - 1] + water.Depth[dam]), l1);
    }

    [Fact]
    public void Water_is_conserved_in_a_closed_basin_while_it_sloshes_over_beaches()
    {
        const int W = 64, H = 48;
        const float Dx = 5;
        var bed = new float[W * H];
        for (int y = 0; y < H; y++)
        {
            for (int x = 0; x < W; x++)
            {
                float bowl = (((x - 32) / 32f) * ((x - 32) / 32f)) + (((y - 24) / 24f) * ((y - 24) / 24f));
                float island = 4 * MathF.Max(0, 1 - ((((x - 44) * (x - 44)) + ((y - 20) * (y - 20))) / 16f));
                bed[(y * W) + x] = -4 + (6 * bowl) + island;
            }
        }
        var water = new ShallowWaterSolver(W, H, Dx, bed, Filled(W * H, 0.025f), workers: 2);
        water.FillTo(0);
        water.AddDisplacement(new Vector2(20 * Dx, 26 * Dx), 60, 1.5f);
        double v0 = water.Volume();

        double worst = 0;
        int steps = 0;
        float time = 0;
        float reach = 0;
        for (int i = 0; i < 200; i++)
        {
            steps += water.Advance(0.5f, time, []);
            time += 0.5f;
            worst = Math.Max(worst, Math.Abs(water.Volume() - v0) / v0);
            for (int c = 0; c < W * H; c++)
            {
                reach = water.Depth[c] > 1e-3f ? MathF.Max(reach, bed[c]) : reach;
            }
        }

        output.WriteLine($"closed basin: {steps} steps, worst relative volume drift {worst:E2}, water reached {reach:F2} m above still water");
        Assert.True(worst < 1e-5, $"volume drift {worst}");
        Assert.True(reach > 0.3f, "the flow wets and dries the beaches");
        Assert.All(Enumerable.Range(0, W * H), c => Assert.True(water.Depth[c] >= 0));
    }

    [Fact]
    public void A_solitary_wave_runs_up_a_plane_beach_as_Synolakis_found()
    {
        // Synolakis (1987) canonical case: H/d = 0.0185 on a 1:19.85 beach. R/d = 2.831 sqrt(cot b) (H/d)^(5/4).
        const float D = 10, Ratio = 0.0185f, Cot = 19.85f, Dx = D / 20;
        float amplitude = Ratio * D;
        float gamma = MathF.Sqrt(3 * amplitude / (4 * D * D * D));
        float shore = 62 * D;
        float toe = shore - (D * Cot);
        float centre = toe - (MathF.Acosh(MathF.Sqrt(20)) / gamma);
        int n = (int)((shore + (4 * D)) / Dx);
        const int Rows = 1;
        var bed = new float[n * Rows];
        for (int i = 0; i < bed.Length; i++)
        {
            bed[i] = MathF.Max(-D, ((((i % n) + 0.5f) * Dx) - shore) / Cot);
        }
        var water = new ShallowWaterSolver(n, Rows, Dx, bed, new float[n * Rows], workers: 1) { West = WaterBoundary.Inflow };
        // The sech^2 profile moving at the solitary wave's speed c = sqrt(g (d + H)), with u = c eta / (d + eta).
        float celerity = MathF.Sqrt(G * (D + amplitude));
        for (int i = 0; i < bed.Length; i++)
        {
            float x = ((i % n) + 0.5f) * Dx;
            float eta = amplitude / MathF.Pow(MathF.Cosh(gamma * (x - centre)), 2);
            if (bed[i] < 0)
            {
                water.SetWater(i, -bed[i] + eta, new Vector2(celerity * eta, 0));
            }
        }

        float scale = MathF.Sqrt(D / G);
        float runup = float.MinValue;
        float when = 0;
        int steps = 0;
        for (float t = 0; t < 80 * scale; t += 0.1f * scale)
        {
            steps += water.Advance(0.1f * scale, t, []);
            for (int x = n - 1; x >= 0; x--)
            {
                if (water.Depth[x] > 1e-3f * D)
                {
                    if (bed[x] > runup)
                    {
                        (runup, when) = (bed[x], t);
                    }
                    break;
                }
            }
        }

        float expected = 2.831f * MathF.Sqrt(Cot) * MathF.Pow(Ratio, 1.25f);
        output.WriteLine($"Synolakis run-up: R/d {runup / D:F4} at t sqrt(g/d) = {when / scale:F1} vs {expected:F4} (ratio {runup / D / expected:F3}), {steps} steps");
        Assert.InRange(runup / D / expected, 0.8f, 1.2f);
    }

    [Fact]
    public void A_wave_train_enters_through_the_side_it_faces_with_the_height_asked_for()
    {
        const float Height = 0.5f, Period = 20, Depth = 10;
        float fromWest = GaugeRange(WaterBoundary.Inflow, WaterBoundary.Inflow, direction: 0);
        float fromEast = GaugeRange(WaterBoundary.Wall, WaterBoundary.Inflow, direction: DeterministicMath.Pi);
        float behind = GaugeRange(WaterBoundary.Inflow, WaterBoundary.Wall, direction: DeterministicMath.Pi);
        output.WriteLine($"wave maker, {Height} m asked: {fromWest:F3} m at the gauge entering from the west, {fromEast:F3} m from the east, {behind:F4} m with the inflow side behind the wave");
        Assert.InRange(fromWest, 0.85f * Height, 1.15f * Height);
        Assert.InRange(fromEast, 0.85f * Height, 1.15f * Height);
        Assert.True(behind < 0.01f * Height, "a wave heading away from the only inflow side does not enter");

        // A 1.5 km channel 10 m deep (wavelength about 200 m, 40 cells), gauged 750 m in over periods 5 to 10.
        float GaugeRange(WaterBoundary west, WaterBoundary east, float direction)
        {
            const int N = 300;
            const float Dx = 5;
            var water = new ShallowWaterSolver(N, 1, Dx, Filled(N, -Depth), new float[N], workers: 1) { West = west, East = east };
            water.FillTo(0);
            WaveTrain[] waves = [new(Height, Period, direction, StartTime: 5)];
            float lo = float.MaxValue, hi = float.MinValue;
            for (float t = 0; t < 10 * Period; t += 0.5f)
            {
                water.Advance(0.5f, t, waves);
                if (t > 5 * Period)
                {
                    float eta = water.Depth[N / 2] - Depth;
                    (lo, hi) = (MathF.Min(lo, eta), MathF.Max(hi, eta));
                }
            }
            return hi - lo;
        }
    }

    [Fact]
    public void An_oblique_wave_train_enters_through_two_sides_in_phase_with_a_plane_wave()
    {
        // A 2 km basin 10 m deep; a train heading 30 degrees north of east enters through the west and south sides.
        const int N = 100;
        const float Dx = 20, Depth = 10, Height = 0.4f, Period = 40, Direction = DeterministicMath.Pi / 6;
        var water = new ShallowWaterSolver(N, N, Dx, Filled(N * N, -Depth), new float[N * N], workers: 2)
        {
            West = WaterBoundary.Inflow, South = WaterBoundary.Inflow, East = WaterBoundary.Inflow, North = WaterBoundary.Inflow,
        };
        water.FillTo(0);
        WaveTrain[] waves = [new(Height, Period, Direction, StartTime: 0)];
        // Gauges at (400, 400), 200 m east and 200 m north of it; each signal is projected on exp(-i w t) over six
        // periods after the ramp has passed and before reflections from the far sides come back.
        int[] gauges = [(20 * N) + 20, (20 * N) + 30, (30 * N) + 20];
        float omega = 2 * MathF.PI / Period;
        var re = new double[3];
        var im = new double[3];
        float lo = float.MaxValue, hi = float.MinValue;
        const float Dt = 1;
        for (float t = 0; t < 370; t += Dt)
        {
            water.Advance(Dt, t, waves);
            float now = t + Dt;
            if (now > 130)
            {
                for (int g = 0; g < 3; g++)
                {
                    float eta = water.Depth[gauges[g]] - Depth;
                    re[g] += eta * MathF.Cos(omega * now);
                    im[g] -= eta * MathF.Sin(omega * now);
                }
                (lo, hi) = (MathF.Min(lo, water.Depth[gauges[0]] - Depth), MathF.Max(hi, water.Depth[gauges[0]] - Depth));
            }
        }

        float celerity = MathF.Sqrt(G * Depth);
        double Lag(int g) => Wrap(Math.Atan2(im[0], re[0]) - Math.Atan2(im[g], re[g]));
        double expectedEast = Wrap(omega * 200 * MathF.Cos(Direction) / celerity);
        double expectedNorth = Wrap(omega * 200 * MathF.Sin(Direction) / celerity);
        output.WriteLine($"oblique train: height {hi - lo:F3} m for {Height} m; phase lag 200 m east {Deg(Lag(1)):F1} deg (plane wave {Deg(expectedEast):F1}), 200 m north {Deg(Lag(2)):F1} deg (plane wave {Deg(expectedNorth):F1})");
        Assert.InRange(hi - lo, 0.85f * Height, 1.15f * Height);
        Assert.True(Math.Abs(Wrap(Lag(1) - expectedEast)) < Rad(12), "phase east");
        Assert.True(Math.Abs(Wrap(Lag(2) - expectedNorth)) < Rad(12), "phase north");

        static double Wrap(double a) => Math.IEEERemainder(a, 2 * Math.PI);
        static double Deg(double a) => a * 180 / Math.PI;
        static double Rad(double d) => d * Math.PI / 180;
    }

    [Fact]
    public void Results_are_bit_identical_for_any_number_of_workers()
    {
        (float[] Depth, float[] Hu, float[] Hv) Run(int workers)
        {
            const int W = 96, H = 70;
            var bed = new float[W * H];
            var manning = new float[W * H];
            for (int y = 0; y < H; y++)
            {
                for (int x = 0; x < W; x++)
                {
                    bed[(y * W) + x] = ((x - 30) / 12f) + MathF.Sin(0.3f * y) + (x is 60 or 61 && y % 9 < 5 ? 3 : 0);
                    manning[(y * W) + x] = bed[(y * W) + x] > 0 ? 0.05f : 0.02f;
                }
            }
            var water = new ShallowWaterSolver(W, H, 4, bed, manning, workers) { West = WaterBoundary.Inflow, South = WaterBoundary.Open, North = WaterBoundary.Inflow };
            water.FillTo(0);
            water.AddDisplacement(new Vector2(60, 150), 40, -1.2f);
            WaveTrain[] waves = [new(1.5f, 25, 0.2f, 0), new(0.5f, 11, -0.4f, 10)];
            for (int i = 0; i < 60; i++)
            {
                water.Advance(1, i, waves);
            }
            return (water.Depth.ToArray(), water.DischargeX.ToArray(), water.DischargeY.ToArray());
        }

        var one = Run(1);
        Assert.Contains(one.Depth.Select((h, i) => (h, i)), c => c.h > 0 && c.i % 96 > 40);
        foreach (int workers in new[] { 2, 3 })
        {
            var other = Run(workers);
            Assert.Equal(Bits(one.Depth), Bits(other.Depth));
            Assert.Equal(Bits(one.Hu), Bits(other.Hu));
            Assert.Equal(Bits(one.Hv), Bits(other.Hv));
        }

        static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
    }

    [Fact]
    public void Bad_input_is_refused_with_a_clear_message()
    {
        var mismatch = Assert.Throws<ArgumentException>(() => new ShallowWaterSolver(4, 4, 1, new float[15], new float[16], 1));
        Assert.Contains("16 cells", mismatch.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShallowWaterSolver(4, 4, 1, new float[16], Filled(16, -0.1f), 1));
        var water = new ShallowWaterSolver(4, 4, 1, new float[16], new float[16], 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => water.SetWater(16, 1, Vector2.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => water.SetWater(3, -1, Vector2.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => water.Advance(1, 0, [new WaveTrain(1, 0, 0, 0)]));
        Assert.Equal(0, water.Advance(0, 0, []));
    }

    private static float[] Filled(int n, float value) => Enumerable.Repeat(value, n).ToArray();
}
