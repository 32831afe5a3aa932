using System.Numerics;

namespace TwinWorld.Simulation.Navigation;

/// <summary>Receives neighbours from <see cref="SpatialHash.ForEachNear"/>: offset from the asker, its squared length, and the neighbour's entity id.</summary>
internal interface INeighbourVisitor
{
    void Visit(Vector2 offset, float distanceSquared, int neighbourId);
}
