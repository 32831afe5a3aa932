using System.Numerics;
using TwinWorld.Simulation.Agents;

namespace TwinWorld.Generation.Conditions;

public sealed partial class CameraConditioner
{
    /// <summary>How tall a car is (m), and a person lying on the ground.</summary>
    internal const float VehicleHeight = 1.45f, LyingHeight = 0.35f;

    /// <summary>One agent as drawn: its class (by role), where it stands, how it faces and how hurt it is.</summary>
    private readonly record struct Figure(LayoutClass Kind, Vector2 At, float Ground, float Radius, float Heading, float Harm, float Standing)
    {
        public bool Lying => Harm >= Incapacitated;
    }

    private void DrawAgents(ViewProjection projection, byte[] layout, float[] continuous, float[] world)
    {
        var profiles = _simulation.Profiles;
        foreach (var chunk in _simulation.World.GetChunks(Agents))
        {
            var positions = chunk.GetSpan<Position>();
            var agents = chunk.GetSpan<Agent>();
            var looks = chunk.Has<Appearance>() ? chunk.GetSpan<Appearance>() : default;
            var vitality = chunk.Has<Vitality>() ? chunk.GetSpan<Vitality>() : default;
            var headings = chunk.Has<Heading>() ? chunk.GetSpan<Heading>() : default;
            for (int i = 0; i < chunk.Count; i++)
            {
                var role = looks.IsEmpty ? RoleOf(agents[i].Kind, profiles) : looks[i].Role;
                var kind = LayoutClasses.Of(role);
                float harm = vitality.IsEmpty ? 0 : vitality[i].State switch
                {
                    VitalState.Healthy => 0,
                    VitalState.Injured => Injured,
                    _ => Incapacitated,
                };
                var at = positions[i].Value;
                var figure = new Figure(kind, at, _cells.Bed(CellAt(new Vector3(at, 0))), agents[i].Radius, headings.IsEmpty ? 0 : headings[i].Radians, harm, StandingHeight(kind));
                if (projection.Perspective)
                {
                    StampPerspective(projection, figure, layout, continuous, world);
                }
                else
                {
                    StampOverhead(projection, figure, layout, continuous, world);
                }
            }
        }
    }

    /// <summary>A kind's role, for agents made without an <see cref="Appearance"/> (by hand, in tests).</summary>
    private static AgentRole RoleOf(AgentKind kind, AgentProfiles profiles) => (int)kind < profiles.Count ? profiles[kind].Role : AgentRole.Resident;

    /// <summary>How tall (m) a figure stands: vehicles are lower, children and the elderly shorter.</summary>
    internal static float StandingHeight(LayoutClass kind) => kind switch
    {
        LayoutClass.Vehicle => VehicleHeight,
        LayoutClass.Child => 1.2f,
        LayoutClass.Elderly => 1.65f,
        _ => 1.75f,
    };
}
