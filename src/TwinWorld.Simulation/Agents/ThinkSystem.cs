using System.Numerics;
using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Agents;

/// <summary>
/// Each agent's choice of behaviour. Water underfoot sends it to high ground and other danger close
/// by makes it flee, each after a short startle; once out of reach it evacuates. An alert
/// makes it evacuate after a reaction delay drawn from its kind (people finish what they are doing
/// first), mostly to the nearest shelter but sometimes to a familiar one. Otherwise agents go about
/// their day: idling, wandering, commuting to work or school. Avatars do what their player signals.
/// </summary>
internal sealed class ThinkSystem : ISimulationSystem
{
    public const float FleeDistance = 25f;
    public const float FamiliarShelterProbability = 0.25f;

    /// <summary>The longest startle before reacting to a hazard that is seen (the shortest is half a second).</summary>
    private const float StartleSeconds = 2f;

    public string Name => "think";

    /// <summary>Decisions follow what was sensed.</summary>
    public IReadOnlyList<Type> RunsAfter => [typeof(SenseSystem)];

    public void Update(Simulator simulation)
        => simulation.World.ParallelForEachChunk(AgentQueries.Thinkers, new ThinkJob(simulation));

    private readonly struct ThinkJob(Simulator simulation) : IChunkJob
    {
        public void Execute(in ChunkView chunk)
        {
            var positions = chunk.GetSpan<Position>();
            var agents = chunk.GetSpan<Agent>();
            var vitality = chunk.GetSpan<Vitality>();
            var minds = chunk.GetSpan<Mind>();
            var goals = chunk.GetSpan<Goal>();
            var perceptions = chunk.GetSpan<Perception>();
            var randoms = chunk.GetSpan<AgentRandom>();
            if (chunk.Has<PlayerControl>())
            {
                var controls = chunk.GetSpan<PlayerControl>();
                for (int i = 0; i < chunk.Count; i++)
                {
                    FollowSignal(ref minds[i], ref goals[i], controls[i], vitality[i]);
                }
                return;
            }
            for (int i = 0; i < chunk.Count; i++)
            {
                Decide(positions[i].Value, agents[i], vitality[i], ref minds[i], ref goals[i], perceptions[i], ref randoms[i].Value);
            }
        }

        private void FollowSignal(ref Mind mind, ref Goal goal, PlayerControl control, Vitality vitality)
        {
            bool fresh = simulation.Tick - control.SignalTick < simulation.TicksFor(PlayerControl.SignalLifetimeSeconds);
            bool moving = fresh && vitality.CanMove && control.DesiredVelocity != Vector2.Zero;
            mind.State = moving ? Behaviour.FollowPlayer : Behaviour.Idle;
            // The goal point of a player's avatar is the velocity asked for: its direction and its pace.
            goal = new Goal(Goal.NoZone, moving ? control.DesiredVelocity : Vector2.Zero);
        }

        private void Decide(Vector2 at, Agent agent, Vitality vitality, ref Mind mind, ref Goal goal, Perception seen, ref DeterministicRandom random)
        {
            long tick = simulation.Tick;
            if (!vitality.CanMove || mind.State == Behaviour.Sheltered)
            {
                return;
            }
            var profile = simulation.Profiles[agent.Kind];
            if (mind.State == Behaviour.Evacuate && simulation.Zones.HasArrived(goal, at))
            {
                Become(ref mind, Behaviour.Sheltered);
                return;
            }

            // Water underfoot: head for high ground after a short startle, alert or not. Other danger
            // close by (fire, a tornado, water ahead): flee from it first.
            bool evacuatingSoon = mind.Pending == Behaviour.Evacuate && mind.PendingAtTick <= tick + simulation.TicksFor(StartleSeconds);
            if (seen.InWater && mind.State != Behaviour.Evacuate && !evacuatingSoon && simulation.Navigation.HasShelters)
            {
                Plan(ref mind, Behaviour.Evacuate, tick + simulation.TicksFor(random.NextFloat(0.5f, StartleSeconds)));
            }
            else if (seen.SeesDanger && seen.DangerDistance < FleeDistance && !seen.InWater && mind.State != Behaviour.Flee && mind.Pending != Behaviour.Flee)
            {
                Plan(ref mind, Behaviour.Flee, tick + simulation.TicksFor(random.NextFloat(0.5f, StartleSeconds)));
            }
            else if (mind.State == Behaviour.Flee && !(seen.SeesDanger && seen.DangerDistance < 2 * FleeDistance))
            {
                // Out of danger's reach. Someone who has seen a hazard does not go back to their day:
                // they head for a shelter they can reach (the one they were going to, if any), else settle.
                if (simulation.Zones.IsShelterGoal(goal))
                {
                    Become(ref mind, Behaviour.Evacuate);
                }
                else if (!SetOff(ref mind, ref goal, at, seen.HeardAlert, ref random))
                {
                    Become(ref mind, Behaviour.Idle);
                    goal = Goal.None;
                }
            }

            // An alert: decide to evacuate, but only act on it after the kind's reaction delay;
            // meanwhile the agent carries on with what it was doing.
            if (seen.HeardAlert != Perception.NoAlert && profile.FollowsAlerts && simulation.Navigation.HasShelters
                && mind.State is not (Behaviour.Evacuate or Behaviour.Flee) && mind.Pending is not (Behaviour.Evacuate or Behaviour.Flee))
            {
                Plan(ref mind, Behaviour.Evacuate, tick + simulation.TicksFor(profile.ReactionDelaySeconds * random.NextFloat(0.5f, 1.5f)));
            }

            if (mind.PendingAtTick <= tick)
            {
                if (mind.Pending == Behaviour.Evacuate)
                {
                    if (!SetOff(ref mind, ref goal, at, seen.HeardAlert, ref random))
                    {
                        Become(ref mind, mind.State);
                    }
                }
                else
                {
                    Become(ref mind, mind.Pending);
                    if (mind.State == Behaviour.Flee)
                    {
                        goal = goal with { Point = seen.DangerAt };
                    }
                }
            }

            if (mind.State is Behaviour.Idle or Behaviour.Wander or Behaviour.Commute && mind.Pending == mind.State)
            {
                GoAboutTheDay(at, agent, ref mind, ref goal, ref random);
            }
        }

        /// <summary>Switches now; nothing stays pending.</summary>
        private static void Become(ref Mind mind, Behaviour state)
        {
            mind.State = state;
            mind.Pending = state;
            mind.PendingAtTick = Mind.Never;
        }

        private static void Plan(ref Mind mind, Behaviour next, long atTick)
        {
            mind.Pending = next;
            mind.PendingAtTick = atTick;
        }

        /// <summary>Starts evacuating to a shelter it can reach; false (and no change) if it can reach none.</summary>
        private bool SetOff(ref Mind mind, ref Goal goal, Vector2 at, int alertId, ref DeterministicRandom random)
        {
            int shelter = ChooseShelter(alertId, at, ref random);
            if (shelter == Goal.NoZone)
            {
                return false;
            }
            Become(ref mind, Behaviour.Evacuate);
            goal = new Goal(shelter, default);
            return true;
        }

        /// <summary>
        /// The alert's shelter if it names one, else usually the nearest, sometimes a familiar one;
        /// always one reachable from where the agent stands, or <see cref="Goal.NoZone"/> if none is.
        /// </summary>
        private int ChooseShelter(int alertId, Vector2 at, ref DeterministicRandom random)
        {
            int cell = simulation.Site.Terrain.IndexAt(at);
            var navigation = simulation.Navigation;
            int named = simulation.Alerts.ShelterOf(alertId);
            if (named != Goal.NoZone && navigation.ToZone(named).Reaches(cell))
            {
                return named;
            }
            var shelters = simulation.Zones.Shelters;
            if (shelters.Length > 0 && random.Chance(FamiliarShelterProbability))
            {
                int familiar = shelters[random.NextInt(shelters.Length)];
                if (navigation.ToZone(familiar).Reaches(cell))
                {
                    return familiar;
                }
            }
            return navigation.NearestShelter.Reaches(cell) ? Goal.NearestShelter : Goal.NoZone;
        }

        /// <summary>Idle a while, then wander or commute; errands end when their time is up or they arrive.</summary>
        private void GoAboutTheDay(Vector2 at, Agent agent, ref Mind mind, ref Goal goal, ref DeterministicRandom random)
        {
            long tick = simulation.Tick;
            bool done = tick >= mind.BusyUntilTick || (mind.State == Behaviour.Commute && simulation.Zones.HasArrived(goal, at));
            if (!done)
            {
                return;
            }
            if (mind.State != Behaviour.Idle)
            {
                mind = mind with { State = Behaviour.Idle, Pending = Behaviour.Idle, BusyUntilTick = tick + simulation.TicksFor(random.NextFloat(10, 40)) };
                goal = Goal.None;
                return;
            }
            float roll = random.NextFloat();
            var destinations = agent.Kind == AgentKind.Child ? simulation.Zones.Schools : simulation.Zones.Workplaces;
            if (roll < 0.3f && destinations.Length > 0)
            {
                goal = new Goal(destinations[random.NextInt(destinations.Length)], default);
                mind = mind with { State = Behaviour.Commute, Pending = Behaviour.Commute, BusyUntilTick = tick + simulation.TicksFor(600) };
            }
            else if (roll < 0.8f)
            {
                goal = new Goal(Goal.NoZone, DeterministicMath.Direction(random.NextFloat(0, DeterministicMath.TwoPi)));
                mind = mind with { State = Behaviour.Wander, Pending = Behaviour.Wander, BusyUntilTick = tick + simulation.TicksFor(random.NextFloat(20, 60)) };
            }
            else
            {
                mind = mind with { BusyUntilTick = tick + simulation.TicksFor(random.NextFloat(10, 40)) };
            }
        }
    }
}
