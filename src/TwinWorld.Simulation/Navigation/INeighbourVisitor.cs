using System.Numerics;

namespace TwinWorld.Simulation.Navigation;

/// <summary>Receives neighbours from <see cref="SpatialHash.ForEachNear"/>: offset from the asker, and its squared length.</summary>
internal interface INeighbourVisitor
{
    void Visit(Vector2 offset, float distanceSquared);
}
