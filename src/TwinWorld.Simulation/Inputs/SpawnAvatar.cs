using System.Numerics;
using TwinWorld.Simulation.Agents;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Creates a player's avatar where the server put them; a client has at most one.</summary>
public sealed record SpawnAvatar(long Tick, long ClientId, Vector2 At, AgentKind Kind = AgentKind.Civilian) : SimulationInput(Tick)
{
    internal override string? ApplyTo(Simulator simulation)
    {
        if (!(float.IsFinite(At.X) && float.IsFinite(At.Y)) || simulation.Site.Terrain.IndexAt(At) < 0)
        {
            return $"the avatar's place {At} is not on the site";
        }
        if ((int)Kind < 0 || (int)Kind >= simulation.Profiles.Count)
        {
            return $"there is no agent kind {(int)Kind}";
        }
        if (RemoveAvatar.Find(simulation, ClientId) is not null)
        {
            return $"client {ClientId} already has an avatar";
        }
        simulation.SpawnAvatar(ClientId, At, Kind);
        return null;
    }
}
