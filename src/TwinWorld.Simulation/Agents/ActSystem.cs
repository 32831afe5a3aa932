using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Navigation;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Simulation.Agents;

/// <summary>
/// Moves agents. The desired direction comes from the behaviour (a flow field, away from danger, a
/// wander heading, a player's signal). The speed is the agent's free speed times the ground's
/// factor, slowed by the crowd ahead after Weidmann's speed-density relation
/// v = v0 (1 - exp(-1.913 (1/rho - 1/5.4))). Overlapping neighbours push apart; walls stop motion
/// into them (keeping a body radius clear), so agents slide along walls and never enter an obstacle.
/// </summary>
internal sealed class ActSystem : ISimulationSystem
{
    /// <summary>Neighbours within this distance count towards the density ahead.</summary>
    public const float DensityRadius = 1f;
    private const float JamDensity = 5.4f;
    private const float MinimumCrowdFactor = 0.1f;

    public string Name => "act";

    public void Update(Simulation simulation)
    {
        var hash = simulation.Neighbours;
        hash.Clear(simulation.World.CountEntities(AgentQueries.Movers));
        foreach (var chunk in simulation.World.GetChunks(AgentQueries.Movers))
        {
            var entities = chunk.Entities;
            var positions = chunk.GetSpan<Position>();
            var minds = chunk.GetSpan<Mind>();
            for (int i = 0; i < entities.Length; i++)
            {
                // Sheltered agents have left the street; they neither move nor block.
                if (minds[i].State != Behaviour.Sheltered)
                {
                    hash.Add(entities[i], positions[i].Value);
                }
            }
        }
        hash.Build();
        simulation.World.ParallelForEachChunk(AgentQueries.Movers, new ActJob(simulation));
    }

    /// <summary>Weidmann's fundamental diagram as a speed factor, never quite zero so jams can clear.</summary>
    public static float CrowdFactor(float density)
    {
        if (density <= 0.01f)
        {
            return 1;
        }
        if (density >= JamDensity)
        {
            return MinimumCrowdFactor;
        }
        return MathF.Max(MinimumCrowdFactor, 1 - DeterministicMath.Exp(-1.913f * ((1 / density) - (1 / JamDensity))));
    }

    /// <summary>
    /// How much water underfoot slows a walker (linearly to a crawl at 1.2 m, where adults lose their
    /// footing) or stops a car (engines stall and cars start to float from about 0.3 m).
    /// </summary>
    public static float WadingFactor(float depth, bool isVehicle)
        => isVehicle ? (depth >= 0.3f ? 0 : 1 - (depth / 0.3f * 0.7f)) : MathF.Max(0.1f, 1 - (depth / 1.2f));

    private readonly struct ActJob(Simulation simulation) : IChunkJob
    {
        public void Execute(in ChunkView chunk)
        {
            var entities = chunk.Entities;
            var positions = chunk.GetSpan<Position>();
            var velocities = chunk.GetSpan<Velocity>();
            var headings = chunk.GetSpan<Heading>();
            var agents = chunk.GetSpan<Agent>();
            var vitality = chunk.GetSpan<Vitality>();
            var minds = chunk.GetSpan<Mind>();
            var goals = chunk.GetSpan<Goal>();
            var perceptions = chunk.GetSpan<Perception>();
            for (int i = 0; i < entities.Length; i++)
            {
                var at = positions[i].Value;
                var direction = vitality[i].CanMove ? Desired(minds[i].State, goals[i], perceptions[i], at) : Vector2.Zero;
                if (direction == Vector2.Zero)
                {
                    velocities[i] = default;
                    continue;
                }
                var velocity = Steer(entities[i], agents[i], vitality[i], at, direction);
                velocities[i] = new Velocity(velocity);
                positions[i] = new Position(Move(at, velocity * simulation.Dt, agents[i].Radius));
                if (velocity.LengthSquared() > 0.0025f)
                {
                    headings[i] = new Heading(DeterministicMath.Atan2(velocity.Y, velocity.X));
                }
            }
        }

        private Vector2 Desired(Behaviour state, Goal goal, Perception seen, Vector2 at)
        {
            var navigation = simulation.Navigation;
            switch (state)
            {
                case Behaviour.Evacuate:
                    return (goal.ZoneId >= 0 ? navigation.ToZone(goal.ZoneId) : navigation.NearestShelter).DirectionAt(at);
                case Behaviour.Commute:
                    return goal.ZoneId >= 0 ? navigation.ToZone(goal.ZoneId).DirectionAt(at) : Vector2.Zero;
                case Behaviour.Flee:
                    var away = at - (seen.SeesDanger ? seen.DangerAt : goal.Point);
                    return away.LengthSquared() > 1e-6f ? Vector2.Normalize(away) : Vector2.Zero;
                case Behaviour.Wander:
                case Behaviour.FollowPlayer:
                    return goal.Point.LengthSquared() > 1e-6f ? Vector2.Normalize(goal.Point) : Vector2.Zero;
                default:
                    return Vector2.Zero;
            }
        }

        private Vector2 Steer(Entity self, Agent agent, Vitality vitality, Vector2 at, Vector2 direction)
        {
            var profile = simulation.Profiles[agent.Kind];
            var use = simulation.Site.Terrain.LandUse[Math.Max(0, simulation.Site.Terrain.IndexAt(at))];
            float ground = profile.IsVehicle ? LandUseTraits.DriveSpeedFactor(use) : LandUseTraits.WalkSpeedFactor(use);
            float speed = agent.FreeSpeed * MathF.Max(ground, 0.2f) * (vitality.State == VitalState.Injured ? 0.5f : 1f)
                * WadingFactor(simulation.Hazards.FloodDepthAt(at), profile.IsVehicle);
            float reach = profile.IsVehicle ? 4 * DensityRadius : DensityRadius;
            var crowd = new CrowdVisitor(direction, agent.Radius, self.Id);
            simulation.Neighbours.ForEachNear(at, reach, self.Id, ref crowd);
            float density = crowd.Ahead / (DeterministicMath.Pi * reach * reach * 0.5f);
            var velocity = (direction * speed * CrowdFactor(density)) + (crowd.Push * (0.5f / simulation.Dt));
            float limit = 1.5f * agent.FreeSpeed;
            return velocity.LengthSquared() > limit * limit ? Vector2.Normalize(velocity) * limit : velocity;
        }

        /// <summary>
        /// Moves in sub-steps no longer than the clearance check can see (under a cell and under the
        /// body's radius), so nothing tunnels through a thin wall at a low tick rate or a high speed.
        /// </summary>
        private Vector2 Move(Vector2 at, Vector2 step, float radius)
        {
            float longest = 0.9f * MathF.Min(simulation.Site.Terrain.CellSize, radius);
            int parts = Math.Clamp((int)MathF.Ceiling(step.Length() / longest), 1, 256);
            var part = step / parts;
            for (int i = 0; i < parts; i++)
            {
                var next = MoveOnce(at, part, radius);
                if (next == at)
                {
                    break;
                }
                at = next;
            }
            return at;
        }

        /// <summary>
        /// Moves by a step unless the body would touch an obstacle; then along one axis; else not at
        /// all. An agent that starts touching one (placed there) may move anywhere walkable to get free.
        /// </summary>
        private Vector2 MoveOnce(Vector2 at, Vector2 step, float radius)
        {
            bool free = IsClear(at, radius);
            var target = at + step;
            foreach (var candidate in (ReadOnlySpan<Vector2>)[target, new Vector2(target.X, at.Y), new Vector2(at.X, target.Y)])
            {
                if (free ? IsClear(candidate, radius) : simulation.Site.Terrain.IsWalkableAt(candidate))
                {
                    return candidate;
                }
            }
            return at;
        }

        /// <summary>
        /// The centre and points along the four axes out to the radius are walkable, probed no further
        /// apart than a cell, so a body wider than a cell cannot straddle a thin wall.
        /// </summary>
        private bool IsClear(Vector2 at, float radius)
        {
            var terrain = simulation.Site.Terrain;
            int cell = terrain.IndexAt(at);
            if (radius < terrain.CellSize && simulation.Navigation.IsOpen(cell))
            {
                return true;
            }
            if (!terrain.IsWalkable(cell))
            {
                return false;
            }
            int probes = Math.Max(1, (int)MathF.Ceiling(radius / (0.9f * terrain.CellSize)));
            for (int k = 1; k <= probes; k++)
            {
                float d = radius * k / probes;
                if (!terrain.IsWalkableAt(at + new Vector2(d, 0)) || !terrain.IsWalkableAt(at - new Vector2(d, 0))
                    || !terrain.IsWalkableAt(at + new Vector2(0, d)) || !terrain.IsWalkableAt(at - new Vector2(0, d)))
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>Counts neighbours ahead and sums the push that separates overlapping bodies.</summary>
    private struct CrowdVisitor(Vector2 direction, float radius, int selfId) : INeighbourVisitor
    {
        public int Ahead;
        public Vector2 Push;

        public void Visit(Vector2 offset, float distanceSquared, int neighbourId)
        {
            if (Vector2.Dot(offset, direction) > 0)
            {
                Ahead++;
            }
            // Most neighbours in range do not touch: compare squares and skip the square root for them.
            float contact = (2 * radius) + 0.02f;
            if (distanceSquared <= 1e-8f)
            {
                // Exactly on top of each other: part along x, the lower id to the west.
                Push += new Vector2(selfId < neighbourId ? -contact * 0.5f : contact * 0.5f, 0);
            }
            else if (distanceSquared < contact * contact)
            {
                float distance = MathF.Sqrt(distanceSquared);
                Push -= offset / distance * ((contact - distance) * 0.5f);
            }
        }
    }
}
