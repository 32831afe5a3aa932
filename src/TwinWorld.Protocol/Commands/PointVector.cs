using System.Numerics;

namespace TwinWorld.Protocol.V1;

/// <summary>Points to and from the System.Numerics vectors the simulation computes with.</summary>
public sealed partial class Point
{
    public static Point Of(Vector2 v) => new() { X = v.X, Y = v.Y };

    public Vector2 ToVector2() => new(X, Y);
}
