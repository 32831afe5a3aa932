using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Scenarios.Tests;

public class ScenarioRunTests
{
    private static Scenario Parse(string yaml, Dictionary<string, string>? overrides = null)
    {
        var load = ScenarioLoader.Parse(yaml, "test.yaml", overrides);
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Errors));
        return load.Scenario!;
    }

    private static int Agents(ScenarioRun run) => run.Simulation.MeasureOutcome().Agents;

    private const string Field = """
        scenario: triggers
        map: {procedural: {size: 128}}
        """;

    [Theory]
    [InlineData("", 2)]
    [InlineData(", water_cell: 2", 1)]
    [InlineData(", water_cell: 8", 4)]
    [InlineData(", water_cell: 5", 3)] // 2.5 cells: halves round up
    public void The_map_sets_how_coarse_the_water_runs(string waterCell, int terrainCellsPerWaterCell)
    {
        var run = new ScenarioRun(Parse($"scenario: water\nmap: {{procedural: {{size: 128}}{waterCell}}}\nend: {{after: 1m}}\n"), workers: 1);

        var water = run.Simulation.Hazards.Water;
        Assert.Equal(terrainCellsPerWaterCell, water.Factor);
        int side = (run.Simulation.Site.Terrain.Width + terrainCellsPerWaterCell - 1) / terrainCellsPerWaterCell;
        Assert.Equal(side * side, water.Solver.Depth.Length);
    }

    [Fact]
    public void A_run_already_at_its_time_limit_runs_no_further_tick()
    {
        var run = new ScenarioRun(Parse(Field + "\nend: {after: 1m}\n"), workers: 1);
        run.RunToEnd(TimeSpan.FromSeconds(1));
        long reached = run.Simulation.Tick;

        var again = ScenarioRun.Restore(run.Scenario, run.SaveState(), workers: 1);
        again.RunToEnd(TimeSpan.FromSeconds(1));

        Assert.Equal((long)run.Simulation.TickRateHz, reached);
        Assert.Equal(reached, again.Simulation.Tick);
        Assert.Equal("stopped at 0m01s (the time limit)", again.EndReason);
    }

    [Fact]
    public void Triggers_fire_once_on_the_rising_edge_repeat_while_level_and_act_after_their_delay()
    {
        var run = new ScenarioRun(Parse(Field + """

            triggers:
              - name: once
                when: [{after: 1s}]
                do: [{spawn: {kind: civilian, count: 1, area: low_ground}}]
              - name: every-tick
                when: [{after: 1s}]
                repeat: true
                edge: level
                do: [{spawn: {kind: child, count: 1, area: low_ground}}]
              - name: later
                when: [{after: 1s}]
                delay: 2s
                do: [{spawn: {kind: elderly, count: 5, area: low_ground}}]
            end: {after: 2.5s}
            """), workers: 2);

        run.RunToEnd();

        var kinds = run.Simulation.World.CountEntities(new Ecs.QueryDescription().WithAll<Agent>());
        // once: 1; every tick from 1 s until the end at 2.5 s: 30 (20 Hz); later: due at 3 s, after the end.
        Assert.Equal(1 + 30, kinds);
        Assert.Single(run.Log, l => l.Contains("trigger 'once' fired"));
        Assert.Single(run.Log, l => l.Contains("trigger 'later' fired"));
        Assert.Equal("reached the end time, 0m02s", run.EndReason);
    }

    [Fact]
    public void A_trigger_is_an_or_of_and_groups()
    {
        var run = new ScenarioRun(Parse(Field + """

            triggers:
              - name: either
                when:
                  - {after: 1h}
                  - {after: 2s, evacuated: {below: 100%}}
                do: [{end: the second group held}]
            end: {after: 1m}
            """), workers: 2);

        run.RunToEnd();

        Assert.Equal("ended by an end action: the second group held", run.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(2), run.Simulation.SimulatedTime);
    }

    [Fact]
    public void Parameters_take_their_defaults_and_set_overrides_them_within_range()
    {
        const string yaml = """
            scenario: params
            parameters:
              people: {default: 40, min: 1, max: 100}
              stop_at: {default: 3s, min: 1s, max: 1m}
            map: {procedural: {size: 128}}
            population: [{kind: civilian, count: $people, area: low_ground}]
            end: {after: $stop_at}
            """;

        Assert.Equal(40, Agents(new ScenarioRun(Parse(yaml), workers: 2)));
        var run = new ScenarioRun(Parse(yaml, new() { ["people"] = "7", ["stop_at"] = "2s" }), workers: 2);
        run.RunToEnd();
        Assert.Equal(7, Agents(run));
        Assert.Equal(TimeSpan.FromSeconds(2), run.Simulation.SimulatedTime);

        var typo = ScenarioLoader.Parse(yaml, "test.yaml", new Dictionary<string, string> { ["peeple"] = "3" });
        Assert.Contains(typo.Errors, e => e.Message.Contains("--set peeple: the scenario has no parameter 'peeple' (did you mean 'people'?)"));
        var outOfRange = ScenarioLoader.Parse(yaml, "test.yaml", new Dictionary<string, string> { ["people"] = "500" });
        Assert.Contains(outOfRange.Errors, e => e.Message.Contains("--set people=500: the value 500 is outside the range 1 to 100"));
    }

    [Fact]
    public void Authors_inject_actions_live_bad_ones_get_errors_and_the_run_goes_on()
    {
        var run = new ScenarioRun(Parse(Field + "\nend: {after: 10m}"), workers: 2);
        run.Step();

        Assert.Empty(run.Inject("fire: {at: [150, 120], name: live-fire}"));
        var bad = run.Inject("fire: {at: [150, 120], radius: lots}");
        Assert.Contains(bad, e => e.File == "live" && e.Line == 1 && e.Message.Contains("fire radius must be a number (got 'lots')"));
        Assert.Contains(run.Inject("tornedo: {}"), e => e.Message.Contains("unknown action 'tornedo' (did you mean 'tornado'?)"));
        Assert.NotEmpty(run.Inject("not: [an, action"));
        run.Step();

        Assert.Equal(1, run.Simulation.HazardsStarted);
        Assert.Empty(run.Inject("stop: live-fire"));
        Assert.Empty(run.Inject("end: enough"));
        run.RunToEnd();
        Assert.Equal("ended by an author: enough", run.EndReason);
        Assert.DoesNotContain(run.Log, l => l.Contains("rejected"));
    }

    [Fact]
    public void The_alert_policy_can_follow_the_first_hazard()
    {
        var run = new ScenarioRun(Parse(Field + """

            population: [{kind: civilian, count: 50, area: low_ground}]
            alert_policy: {after_first_hazard: 5s}
            events:
              - {at: 10s, tornado: {from: [10, 10], to: [20, 250], speed: 5, max_wind: 30}}
            end: {after: 16s}
            """), workers: 2);

        run.RunToEnd();

        var alerts = run.Simulation.World.CountEntities(new Ecs.QueryDescription().WithAll<Simulation.Alerts.AlertArea>());
        Assert.Equal(1, alerts);
    }

    [Theory]
    [InlineData("10s", 301)] // 5 s after the tick the hazard started (tick 200, counted from the next): first, so the one at 1m goes
    [InlineData("58s", 1200)] // the one at 1m comes first and stands; none follows the hazard
    public void An_alert_policy_with_a_time_and_a_delay_after_the_first_hazard_alerts_once_whichever_comes_first(string hazardAt, long alertedAtTick)
    {
        var run = new ScenarioRun(Parse(Field + $$$"""

            population: [{kind: civilian, count: 50, area: low_ground}]
            alert_policy: {at: 1m, after_first_hazard: 5s}
            events:
              - {at: {{{hazardAt}}}, tornado: {from: [10, 10], to: [20, 250], speed: 5, max_wind: 30}}
            end: {after: 1m30s}
            """), workers: 2);

        run.RunToEnd();

        var issued = new List<long>();
        foreach (var chunk in run.Simulation.World.GetChunks(new Ecs.QueryDescription().WithAll<Simulation.Alerts.AlertArea>()))
        {
            foreach (var alert in chunk.GetSpan<Simulation.Alerts.AlertArea>())
            {
                issued.Add(alert.IssuedTick);
            }
        }
        Assert.Equal([alertedAtTick], issued);
    }

    private static Dictionary<AgentRole, int> Roles(Simulation.Simulator simulation)
    {
        var roles = new Dictionary<AgentRole, int>();
        foreach (var chunk in simulation.World.GetChunks(new Ecs.QueryDescription().WithAll<Agent, Appearance>()))
        {
            foreach (var look in chunk.GetSpan<Appearance>())
            {
                roles[look.Role] = roles.GetValueOrDefault(look.Role) + 1;
            }
        }
        return roles;
    }

    [Fact]
    public void A_groups_role_dresses_its_people_and_those_spawned_by_its_name_and_survives_a_snapshot()
    {
        var run = new ScenarioRun(Parse(Field + """

            population:
              - {name: visitors, kind: civilian, role: tourist, count: 20, area: low_ground}
              - {name: watch, kind: civilian, role: guard, count: 5, area: low_ground}
              - {kind: child, count: 3, area: low_ground}
              - {kind: civilian, role: resident, count: 4, area: low_ground}
              - {kind: vehicle, count: 2, area: low_ground}
            triggers:
              - name: more-visitors
                when: [{after: 1s}]
                do: [{spawn: {kind: visitors, count: 2, area: low_ground}}]
            end: {after: 2s}
            """), workers: 1);

        run.RunToEnd();

        var expected = new Dictionary<AgentRole, int>
        {
            [AgentRole.Tourist] = 22, [AgentRole.Guard] = 5, [AgentRole.Child] = 3, [AgentRole.Resident] = 4, [AgentRole.Car] = 2,
        };
        Assert.Equal(expected, Roles(run.Simulation));
        // A role of its own makes a group its own kind (named after it); the kind's own role needs none.
        Assert.Equal(AgentRole.Tourist, run.Simulation.Profiles[run.Simulation.Profiles.Find("visitors")!.Value].Role);
        Assert.Null(run.Simulation.Profiles.Find("resident"));
        var restored = ScenarioRun.Restore(run.Scenario, run.SaveState(), workers: 1);
        Assert.Equal(expected, Roles(restored.Simulation));
        Assert.Equal(run.Simulation.ComputeStateHash(), restored.Simulation.ComputeStateHash());
    }

    [Fact]
    public void A_spawn_by_a_groups_name_is_the_spawn_command_of_the_kind_the_world_knows_it_by()
    {
        var scenario = Parse(Field + """

            population:
              - {name: pupils, kind: child, count: 0, area: low_ground}
              - {name: late, kind: elderly, reaction_delay: 2m, count: 0, area: low_ground}
            events:
              - {at: 1s, spawn: {kind: pupils, count: 2, area: {zone: shelter-1}}}
              - {at: 1s, spawn: {kind: LATE, count: 3, area: everywhere}}
            end: {after: 2s}
            """);
        var run = new ScenarioRun(scenario, workers: 1);

        run.RunToEnd();

        var spawns = scenario.Events.Select(e => Assert.IsType<CommandAction>(e.Action).Command.Spawn).ToList();
        Assert.Equal(["child", "late"], spawns.Select(s => s.Kind));
        Assert.Equal("shelter-1", spawns[0].Area.Zone);
        Assert.True(spawns[1].Area.Everywhere);
        Assert.Equal(5, Agents(run));
        var lateKind = run.Simulation.Profiles.Find("late");
        int late = 0;
        foreach (var chunk in run.Simulation.World.GetChunks(new Ecs.QueryDescription().WithAll<Agent>()))
        {
            late += chunk.GetSpan<Agent>().ToArray().Count(a => a.Kind == lateKind);
        }
        Assert.Equal(3, late);
    }

    [Fact]
    public void Camera_yaw_is_a_compass_bearing_and_overhead_cameras_are_north_up_by_default()
    {
        var run = new ScenarioRun(Parse(Field + """

            cameras:
              - {name: above, mode: overhead, position: [128, 128, 200], pitch: -90}
              - {name: east, mode: fixed, position: [128, 128, 20], yaw: 90, pitch: -10}
              - {name: south-west, mode: fixed, position: [128, 128, 20], yaw: 225}
            end: {after: 1s}
            """), workers: 1);
        run.RunToEnd();

        var poses = new List<Simulation.Cameras.CameraPose>();
        foreach (var chunk in run.Simulation.World.GetChunks(new Ecs.QueryDescription().WithAll<Simulation.Cameras.CameraPose>()))
        {
            poses.AddRange(chunk.GetSpan<Simulation.Cameras.CameraPose>().ToArray());
        }
        // The pose's yaw is radians counter-clockwise from east: north is pi / 2, east 0, south-west -3 pi / 4.
        Assert.Equal([MathF.PI / 2, 0, -3 * MathF.PI / 4], poses.Select(p => p.Yaw).ToArray(), (a, b) => MathF.Abs(a - b) < 1e-5f);
        Assert.Equal(0f, Compass.Bearing(MathF.PI / 2), 3);
        Assert.Equal(225f, Compass.Bearing(-3 * MathF.PI / 4), 3);
    }
}
