using TwinWorld.Ecs;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Finds a player's own camera: the one it owns that it can turn (<see cref="CameraAim"/>).</summary>
internal static class PlayerCamera
{
    private static readonly QueryDescription Owned = new QueryDescription().WithAll<CameraOwner, CameraAim>();

    public static Entity? Find(Simulator simulation, long clientId) => ClientEntity.Find<CameraOwner>(simulation, Owned, clientId, owner => owner.ClientId);
}
