using System.Numerics;
using System.Runtime.CompilerServices;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;
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

    /// <summary>Agents move towards what they decided.</summary>
    public IReadOnlyList<Type> RunsAfter => [typeof(ThinkSystem)];

    public void Update(Simulator simulation)
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

    // Density ahead is a count over a fixed half disc, so the crowd factor takes few values: tabled by
    // count, up to the first that reaches the jam density (every count from there gives the minimum).
    private static readonly float[] WalkerCrowdFactors = CrowdFactors(DensityRadius);
    private static readonly float[] VehicleCrowdFactors = CrowdFactors(4 * DensityRadius);

    private static float[] CrowdFactors(float reach)
    {
        float halfDisc = DeterministicMath.Pi * reach * reach * 0.5f;
        var factors = new List<float>();
        for (int ahead = 0; ahead / halfDisc < JamDensity; ahead++)
        {
            factors.Add(CrowdFactor(ahead / halfDisc));
        }
        return [.. factors];
    }

    /// <summary>
    /// Steers and moves the agents of one chunk. What every agent of a tick shares (terrain, fields,
    /// time step) is read once into the job, and each agent's cell is found once and handed on.
    /// </summary>
    private readonly struct ActJob : IChunkJob
    {
        private readonly TerrainGrid _terrain;
        private readonly NavigationFields _navigation;
        private readonly SpatialHash _neighbours;
        private readonly HazardGrids _hazards;
        private readonly AgentProfiles _profiles;
        private readonly float _dt;
        private readonly float _pushToVelocity;

        public ActJob(Simulator simulation)
        {
            _terrain = simulation.Site.Terrain;
            _navigation = simulation.Navigation;
            _neighbours = simulation.Neighbours;
            _hazards = simulation.Hazards;
            _profiles = simulation.Profiles;
            _dt = simulation.Dt;
            // Separation acts as a velocity: half of the summed push each tick.
            _pushToVelocity = 0.5f / _dt;
        }

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
                int cell = _terrain.IndexAt(at);
                // An avatar goes at the pace its player asked for (walking or running), not its kind's drawn speed.
                float freeSpeed = minds[i].State == Behaviour.FollowPlayer ? goals[i].Point.Length() : agents[i].FreeSpeed;
                var velocity = Steer(entities[i], agents[i], freeSpeed, vitality[i], at, cell, direction);
                velocities[i] = new Velocity(velocity);
                positions[i] = new Position(Move(at, cell, velocity * _dt, agents[i].Radius));
                if (velocity.LengthSquared() > 0.0025f)
                {
                    headings[i] = new Heading(DeterministicMath.Atan2(velocity.Y, velocity.X));
                }
            }
        }

        private Vector2 Desired(Behaviour state, Goal goal, Perception seen, Vector2 at)
        {
            switch (state)
            {
                case Behaviour.Evacuate:
                    return (goal.ZoneId >= 0 ? _navigation.ToZone(goal.ZoneId) : _navigation.NearestShelter).DirectionAt(at);
                case Behaviour.Commute:
                    return goal.ZoneId >= 0 ? _navigation.ToZone(goal.ZoneId).DirectionAt(at) : Vector2.Zero;
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

        private Vector2 Steer(Entity self, Agent agent, float freeSpeed, Vitality vitality, Vector2 at, int cell, Vector2 direction)
        {
            bool isVehicle = _profiles[agent.Kind].IsVehicle;
            var use = _terrain.LandUse[Math.Max(0, cell)];
            float ground = isVehicle ? LandUseTraits.DriveSpeedFactor(use) : LandUseTraits.WalkSpeedFactor(use);
            float speed = freeSpeed * MathF.Max(ground, 0.2f) * (vitality.State == VitalState.Injured ? 0.5f : 1f)
                * WadingFactor(_hazards.FloodDepthAt(at), isVehicle);
            float reach = isVehicle ? 4 * DensityRadius : DensityRadius;
            var crowd = new CrowdVisitor(direction, agent.Radius, self.Id);
            _neighbours.ForEachNear(at, reach, self.Id, ref crowd);
            var factors = isVehicle ? VehicleCrowdFactors : WalkerCrowdFactors;
            float crowdFactor = crowd.Ahead < factors.Length ? factors[crowd.Ahead] : MinimumCrowdFactor;
            var velocity = (direction * speed * crowdFactor) + (crowd.Push * _pushToVelocity);
            float limit = 1.5f * freeSpeed;
            return velocity.LengthSquared() > limit * limit ? Vector2.Normalize(velocity) * limit : velocity;
        }

        /// <summary>
        /// Moves in sub-steps no longer than the clearance check can see (under a cell and under the
        /// body's radius), so nothing tunnels through a thin wall at a low tick rate or a high speed.
        /// </summary>
        private Vector2 Move(Vector2 at, int cell, Vector2 step, float radius)
        {
            float longest = 0.9f * MathF.Min(_terrain.CellSize, radius);
            float length = step.Length();
            // Most steps fit in one part; length <= longest is exactly when the quotient's ceiling is 1.
            int parts = length <= longest ? 1 : Math.Clamp((int)MathF.Ceiling(length / longest), 1, 256);
            var part = parts == 1 ? step : step / parts;
            for (int i = 0; i < parts; i++)
            {
                var (next, nextCell) = MoveOnce(at, cell, part, radius);
                if (next == at)
                {
                    break;
                }
                (at, cell) = (next, nextCell);
            }
            return at;
        }

        /// <summary>
        /// Moves by a step unless the body would touch an obstacle; then along one axis; else not at
        /// all. An agent that starts touching one (placed there) may move anywhere walkable to get free.
        /// Returns where it ends up and that point's cell.
        /// </summary>
        private (Vector2 At, int Cell) MoveOnce(Vector2 at, int cell, Vector2 step, float radius)
        {
            bool free = IsClear(at, cell, radius);
            var target = at + step;
            foreach (var candidate in (ReadOnlySpan<Vector2>)[target, new Vector2(target.X, at.Y), new Vector2(at.X, target.Y)])
            {
                int candidateCell = _terrain.IndexAt(candidate);
                if (free ? IsClear(candidate, candidateCell, radius) : _terrain.IsWalkable(candidateCell))
                {
                    return (candidate, candidateCell);
                }
            }
            return (at, cell);
        }

        /// <summary>
        /// The centre and points along the four axes out to the radius are walkable, probed no further
        /// apart than a cell, so a body wider than a cell cannot straddle a thin wall. Away from
        /// obstacles (a small body in an open cell) that needs no probing.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool IsClear(Vector2 at, int cell, float radius)
            => (radius < _terrain.CellSize && _navigation.IsOpen(cell)) || IsClearNearObstacles(at, cell, radius);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private bool IsClearNearObstacles(Vector2 at, int cell, float radius)
        {
            var terrain = _terrain;
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
        private readonly Vector2 _direction = direction;
        private readonly float _contact = (2 * radius) + 0.02f;
        private readonly float _contactSquared = ((2 * radius) + 0.02f) * ((2 * radius) + 0.02f);
        private readonly int _selfId = selfId;
        public int Ahead;
        public Vector2 Push;

        public void Visit(Vector2 offset, float distanceSquared, int neighbourId)
        {
            // Counted without a branch (ahead or not is a coin toss in a crowd); only the dot product's sign matters.
            Ahead += (offset.X * _direction.X) + (offset.Y * _direction.Y) > 0 ? 1 : 0;
            // Most neighbours in range do not touch: compare squares and skip the square root for them.
            if (distanceSquared < _contactSquared)
            {
                if (distanceSquared <= 1e-8f)
                {
                    // Exactly on top of each other: part along x, the lower id to the west.
                    Push += new Vector2(_selfId < neighbourId ? -_contact * 0.5f : _contact * 0.5f, 0);
                }
                else
                {
                    float distance = MathF.Sqrt(distanceSquared);
                    Push -= offset / distance * ((_contact - distance) * 0.5f);
                }
            }
        }
    }
}
