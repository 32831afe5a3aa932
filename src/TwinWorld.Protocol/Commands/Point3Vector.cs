using System.Numerics;

namespace TwinWorld.Protocol.V1;

/// <summary>3-D points to and from the System.Numerics vectors the simulation computes with.</summary>
public sealed partial class Point3
{
    public static Point3 Of(Vector3 v) => new() { X = v.X, Y = v.Y, Z = v.Z };

    public Vector3 ToVector3() => new(X, Y, Z);
}
