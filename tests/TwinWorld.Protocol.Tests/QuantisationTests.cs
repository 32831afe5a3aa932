using FsCheck.Xunit;
using TwinWorld.Protocol.State;

namespace TwinWorld.Protocol.Tests;

public class QuantisationTests
{
    [Property]
    public void Positions_are_within_half_a_unit_of_a_64th_of_a_metre(int seed)
    {
        float metres = (float)(new Random(seed).NextDouble() * 8192);
        float back = Quantisation.Metres(Quantisation.Position(metres));
        Assert.True(MathF.Abs(back - metres) <= (0.5f / 64) + 1e-3f, $"{metres} -> {back}");
    }

    [Theory]
    [InlineData(0f, 0)]
    [InlineData(MathF.PI, 512)]
    [InlineData(-MathF.PI / 2, 768)]
    [InlineData(2 * MathF.PI, 0)]
    [InlineData(7 * MathF.PI, 512)]
    [InlineData(float.NaN, 0)]
    public void Headings_wrap_into_a_turn_of_1024_steps(float radians, int step)
        => Assert.Equal(step, Quantisation.Heading(radians));

    [Property]
    public void Headings_are_within_half_a_step(int seed)
    {
        float radians = (float)((new Random(seed).NextDouble() * 20) - 10);
        float back = Quantisation.Radians(Quantisation.Heading(radians));
        float error = MathF.Abs(MathF.IEEERemainder(back - radians, 2 * MathF.PI));
        Assert.True(error <= (MathF.PI / 1024) + 1e-4f, $"{radians} -> {back}");
    }
}
