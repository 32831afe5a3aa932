using TwinWorld.Ecs;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Hazards.Wind;
using Sim = TwinWorld.Simulation.Simulator;

namespace TwinWorld.Net.State;

/// <summary>
/// Quantises the simulation into the <see cref="StateView"/> the state stream carries. Runs on the tick
/// thread between two ticks (it reads the world); the view it returns is immutable and goes to the
/// network thread. One builder serves one simulation: it keeps the hazard tiles that have not changed.
/// </summary>
public sealed class StateViewBuilder
{
    private readonly HazardGridBuilder _grid = new();

    private static readonly QueryDescription Agents = new QueryDescription().WithAll<Position, Heading, Agent>().WithAll<Mind, Vitality>();
    private static readonly QueryDescription Hazards = new QueryDescription().WithAll<HazardEvent, HazardName>();
    private static readonly QueryDescription Cameras = new QueryDescription().WithAll<CameraPose, CameraRig, CameraOwner>();

    /// <summary>The view of the world after tick <paramref name="tick"/> (the one just run).</summary>
    public StateView Build(Sim simulation, long tick)
    {
        var world = simulation.World;
        var agents = new List<AgentView>(world.Count);
        foreach (var chunk in world.GetChunks(Agents))
        {
            var entities = chunk.Entities;
            var positions = chunk.GetSpan<Position>();
            var headings = chunk.GetSpan<Heading>();
            var kinds = chunk.GetSpan<Agent>();
            var minds = chunk.GetSpan<Mind>();
            var vitality = chunk.GetSpan<Vitality>();
            var controls = chunk.Has<PlayerControl>() ? chunk.GetSpan<PlayerControl>() : default;
            for (int i = 0; i < chunk.Count; i++)
            {
                agents.Add(new AgentView(
                    entities[i].Id,
                    entities[i].Version,
                    Quantisation.Position(positions[i].Value.X),
                    Quantisation.Position(positions[i].Value.Y),
                    Quantisation.Heading(headings[i].Radians),
                    (int)kinds[i].Kind,
                    (int)vitality[i].State,
                    (int)minds[i].State,
                    controls.IsEmpty ? 0 : (ulong)controls[i].ClientId));
            }
        }
        // Chunks are per archetype; the stream wants one list sorted by id.
        var sorted = agents.ToArray();
        Array.Sort(sorted, static (a, b) => a.Id.CompareTo(b.Id));
        return new StateView(tick, sorted, BuildHazards(simulation, tick), BuildCameras(world), simulation.StateHash, _grid.Build(simulation));
    }

    private static List<HazardState> BuildHazards(Sim simulation, long tick)
    {
        var world = simulation.World;
        var hazards = new List<HazardState>();
        foreach (var chunk in world.GetChunks(Hazards))
        {
            var entities = chunk.Entities;
            var events = chunk.GetSpan<HazardEvent>();
            var names = chunk.GetSpan<HazardName>();
            for (int i = 0; i < chunk.Count; i++)
            {
                var hazard = events[i];
                bool stopped = hazard.StopTick != HazardEvent.Never && hazard.StopTick <= tick + 1;
                var state = new HazardState
                {
                    Number = (uint)hazard.Number,
                    Kind = (Protocol.V1.HazardKind)(int)hazard.Kind,
                    Name = names[i].Value,
                    StartTick = (ulong)hazard.StartTick,
                    Stopped = stopped,
                    StopTick = stopped ? (ulong)hazard.StopTick : 0,
                };
                var entity = entities[i];
                if (world.Has<FireIgnition>(entity))
                {
                    var at = world.Get<FireIgnition>(entity).At;
                    (state.X, state.Y) = (Quantisation.Position(at.X), Quantisation.Position(at.Y));
                }
                else if (world.Has<Tornado>(entity))
                {
                    var at = world.Get<Tornado>(entity).CentreAfter((float)((tick + 1 - hazard.StartTick) / simulation.TickRateHz));
                    (state.X, state.Y) = (Quantisation.Position(at.X), Quantisation.Position(at.Y));
                }
                hazards.Add(state);
            }
        }
        hazards.Sort(static (a, b) => a.Number.CompareTo(b.Number));
        return hazards;
    }

    private static List<CameraState> BuildCameras(World world)
    {
        var cameras = new List<CameraState>();
        foreach (var chunk in world.GetChunks(Cameras))
        {
            var entities = chunk.Entities;
            var poses = chunk.GetSpan<CameraPose>();
            var rigs = chunk.GetSpan<CameraRig>();
            var owners = chunk.GetSpan<CameraOwner>();
            var names = chunk.Has<CameraName>() ? chunk.GetSpan<CameraName>() : default;
            for (int i = 0; i < chunk.Count; i++)
            {
                var pose = poses[i];
                cameras.Add(new CameraState
                {
                    CameraId = (uint)entities[i].Id,
                    Mode = (Protocol.V1.CameraMode)(int)rigs[i].Mode,
                    OwnerClientId = (ulong)owners[i].ClientId,
                    X = Quantisation.Position(pose.Position.X),
                    Y = Quantisation.Position(pose.Position.Y),
                    Z = Quantisation.Position(pose.Position.Z),
                    Yaw = (uint)Quantisation.Heading(pose.Yaw),
                    Pitch = Quantisation.Angle(pose.Pitch),
                    Name = names.IsEmpty ? "" : names[i].Value,
                });
            }
        }
        cameras.Sort(static (a, b) => a.CameraId.CompareTo(b.CameraId));
        return cameras;
    }
}
