using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Cameras;

/// <summary>Cameras by name: placed cameras' names are unique among the world's cameras (ignoring case).</summary>
public static class NamedCameras
{
    private static readonly QueryDescription Named = new QueryDescription().WithAll<CameraName>();

    /// <summary>The camera of that name, or null.</summary>
    public static Entity? Find(World world, string name)
    {
        foreach (var chunk in world.GetChunks(Named))
        {
            var names = chunk.GetSpan<CameraName>();
            for (int i = 0; i < chunk.Count; i++)
            {
                if (string.Equals(names[i].Value, name, StringComparison.OrdinalIgnoreCase))
                {
                    return chunk.Entities[i];
                }
            }
        }
        return null;
    }
}
