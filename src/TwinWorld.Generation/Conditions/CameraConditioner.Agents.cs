using TwinWorld.Simulation.Agents;

namespace TwinWorld.Generation.Conditions;

public sealed partial class CameraConditioner
{
    private void DrawAgents(ViewProjection projection, byte[] layout, float[] continuous)
    {
        var profiles = _simulation.Profiles;
        foreach (var chunk in _simulation.World.GetChunks(Agents))
        {
            var positions = chunk.GetSpan<Position>();
            var agents = chunk.GetSpan<Agent>();
            for (int i = 0; i < chunk.Count; i++)
            {
                var kind = ClassOf(agents[i].Kind, profiles);
                if (projection.Perspective)
                {
                    StampPerspective(projection, positions[i].Value, agents[i].Radius, kind, layout, continuous);
                }
                else
                {
                    StampOverhead(projection, positions[i].Value, agents[i].Radius, kind, layout);
                }
            }
        }
    }

    /// <summary>The built-in kinds have their own classes; kinds a scenario registers show as vehicles or civilians.</summary>
    private static LayoutClass ClassOf(AgentKind kind, AgentProfiles profiles) => kind switch
    {
        AgentKind.Civilian => LayoutClass.Civilian,
        AgentKind.Child => LayoutClass.Child,
        AgentKind.Elderly => LayoutClass.Elderly,
        AgentKind.Vehicle => LayoutClass.Vehicle,
        AgentKind.Firefighter => LayoutClass.Firefighter,
        _ => (int)kind < profiles.Count && profiles[kind].IsVehicle ? LayoutClass.Vehicle : LayoutClass.Civilian,
    };
}
