using TwinWorld.Ecs;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Finds a player's own camera: the one it owns that it can turn (<see cref="CameraAim"/>).</summary>
internal static class PlayerCamera
{
    private static readonly QueryDescription Owned = new QueryDescription().WithAll<CameraOwner, CameraAim>();

    public static Entity? Find(Simulation simulation, long clientId)
    {
        foreach (var chunk in simulation.World.GetChunks(Owned))
        {
            var owners = chunk.GetSpan<CameraOwner>();
            for (int i = 0; i < chunk.Count; i++)
            {
                if (owners[i].ClientId == clientId)
                {
                    return chunk.Entities[i];
                }
            }
        }
        return null;
    }
}
