using System.Numerics;
using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Agents;

/// <summary>
/// Each agent's choice of behaviour. Danger close by makes it flee after a short startle; an alert
/// makes it evacuate after a reaction delay drawn from its kind (people finish what they are doing
/// first), mostly to the nearest shelter but sometimes to a familiar one. Otherwise agents go about
/// their day: idling, wandering, commuting to work or school. Avatars do what their player signals.
/// </summary>
internal sealed class ThinkSystem : ISimulationSystem
{
    public const float FleeDistance = 25f;
    public const float FamiliarShelterProbability = 0.25f;
    private const float SignalLifetimeSeconds = 2f;

    public string Name => "think";

    public void Update(Simulation simulation)
        => simulation.World.ParallelForEachChunk(AgentQueries.Thinkers, new ThinkJob(simulation));

    private readonly struct ThinkJob(Simulation simulation) : IChunkJob
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
            bool fresh = simulation.Tick - control.SignalTick <= (long)(SignalLifetimeSeconds * simulation.TickRateHz);
            bool moving = fresh && vitality.CanMove && control.Direction != Vector2.Zero;
            mind.State = moving ? Behaviour.FollowPlayer : Behaviour.Idle;
            goal = new Goal(Goal.NoZone, moving ? control.Direction : Vector2.Zero);
        }

        private void Decide(Vector2 at, Agent agent, Vitality vitality, ref Mind mind, ref Goal goal, Perception seen, ref DeterministicRandom random)
        {
            long tick = simulation.Tick;
            if (!vitality.CanMove || mind.State == Behaviour.Sheltered)
            {
                return;
            }
            var profile = simulation.Profiles[agent.Kind];
            if (mind.State == Behaviour.Evacuate && simulation.HasArrived(goal, at))
            {
                Become(ref mind, Behaviour.Sheltered);
                return;
            }

            // Danger close by: flee after a startle of half a second to two seconds.
            if (seen.SeesDanger && seen.DangerDistance < FleeDistance && mind.State != Behaviour.Flee && mind.Pending != Behaviour.Flee)
            {
                Plan(ref mind, Behaviour.Flee, tick + simulation.TicksFor(random.NextFloat(0.5f, 2f)));
            }
            else if (mind.State == Behaviour.Flee && !(seen.SeesDanger && seen.DangerDistance < 2 * FleeDistance))
            {
                // Out of danger's reach: carry on evacuating if alerted, else settle.
                Become(ref mind, seen.HeardAlert != Perception.NoAlert && profile.FollowsAlerts ? Behaviour.Evacuate : Behaviour.Idle);
            }

            // An alert: decide to evacuate, but only act on it after the kind's reaction delay.
            if (seen.HeardAlert != Perception.NoAlert && profile.FollowsAlerts && simulation.Navigation.HasShelters
                && mind.State is not (Behaviour.Evacuate or Behaviour.Flee) && mind.Pending is not (Behaviour.Evacuate or Behaviour.Flee))
            {
                Plan(ref mind, Behaviour.Evacuate, tick + simulation.TicksFor(profile.ReactionDelaySeconds * random.NextFloat(0.5f, 1.5f)));
                goal = new Goal(ChooseShelter(seen.HeardAlert, ref random), default);
            }

            if (mind.PendingAtTick <= tick)
            {
                Become(ref mind, mind.Pending);
                if (mind.State == Behaviour.Flee)
                {
                    goal = goal with { Point = seen.DangerAt };
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

        /// <summary>The alert's shelter if it names one; else usually the nearest, sometimes a familiar one.</summary>
        private int ChooseShelter(int alertId, ref DeterministicRandom random)
        {
            int named = simulation.AlertShelter(alertId);
            if (named != Goal.NoZone)
            {
                return named;
            }
            var shelters = simulation.ShelterZones;
            return random.Chance(FamiliarShelterProbability) ? shelters[random.NextInt(shelters.Length)] : Goal.NearestShelter;
        }

        /// <summary>Idle a while, then wander or commute; errands end when their time is up or they arrive.</summary>
        private void GoAboutTheDay(Vector2 at, Agent agent, ref Mind mind, ref Goal goal, ref DeterministicRandom random)
        {
            long tick = simulation.Tick;
            bool done = tick >= mind.BusyUntilTick || (mind.State == Behaviour.Commute && simulation.HasArrived(goal, at));
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
            var destinations = agent.Kind == AgentKind.Child ? simulation.SchoolZones : simulation.WorkplaceZones;
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
