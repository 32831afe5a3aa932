namespace TwinWorld.Simulation.Inputs;

/// <summary>Removes a player's avatar and its own camera (the player left or was disconnected).</summary>
internal static class AvatarDeparture
{
    public static string? Apply(Simulator simulation, long clientId)
    {
        if (PlayerAvatar.Find(simulation, clientId) is not { } avatar)
        {
            return $"client {clientId} has no avatar";
        }
        simulation.World.Destroy(avatar);
        if (PlayerCamera.Find(simulation, clientId) is { } camera)
        {
            simulation.World.Destroy(camera);
        }
        return null;
    }
}
