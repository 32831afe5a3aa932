using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Removes a player's avatar and its own camera (the player left or was disconnected).</summary>
public sealed record RemoveAvatar(long Tick, long ClientId) : SimulationInput(Tick)
{
    private static readonly QueryDescription Avatars = new QueryDescription().WithAll<PlayerControl>();

    internal override string? ApplyTo(Simulator simulation)
    {
        if (Find(simulation, ClientId) is not { } avatar)
        {
            return $"client {ClientId} has no avatar";
        }
        simulation.World.Destroy(avatar);
        if (PlayerCamera.Find(simulation, ClientId) is { } camera)
        {
            simulation.World.Destroy(camera);
        }
        return null;
    }

    internal static Entity? Find(Simulator simulation, long clientId) => ClientEntity.Find<PlayerControl>(simulation, Avatars, clientId, control => control.ClientId);
}
