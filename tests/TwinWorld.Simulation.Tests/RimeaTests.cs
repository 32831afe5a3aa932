using System.Numerics;
using Xunit.Abstractions;

namespace TwinWorld.Simulation.Tests;

/// <summary>
/// Validation against the RiMEA guideline's test cases for crowd simulation (RiMEA 3.0, 2016):
/// each test builds the case's geometry and checks the outcome the guideline asks for.
/// </summary>
public class RimeaTests(ITestOutputHelper output)
{
    /// <summary>RiMEA test 1: one person walks a 40 m corridor at 1.33 m/s; travel time 26 to 34 s.</summary>
    [Fact]
    public void Test1_one_person_walks_a_40_m_corridor_in_26_to_34_seconds()
    {
        // 0.25 m cells: a wall, 40 m of floor, a 2 m exit, a wall; 2 m wide.
        string inner = "#" + new string('.', 160) + new string('E', 8) + "#";
        var rows = new[] { new string('#', inner.Length) }.Concat(Enumerable.Repeat(inner, 8)).Append(new string('#', inner.Length)).ToArray();
        var crowd = new Crowd(Layout.Build(0.25f, rows), [new Vector2(0.5f, 1.25f)]);
        crowd.Simulation.World.Get<Agents.Agent>(crowd.Agents[0]).FreeSpeed = 1.33f;

        crowd.Run(maxSeconds: 60);

        double seconds = crowd.Seconds(crowd.ArrivalTick[0]);
        output.WriteLine($"RiMEA 1: travel time {seconds:F2} s");
        Assert.InRange(seconds, 26, 34);
    }

    /// <summary>RiMEA test 6: 20 people walk round a left-hand corner; nobody passes through a wall.</summary>
    [Fact]
    public void Test6_twenty_people_round_a_corner_and_nobody_crosses_a_wall()
    {
        // 0.5 m cells. A 2 m wide corridor runs 12 m east, turns left, and runs 12 m north to an exit.
        var rows = new List<string> { new string(' ', 24) + "######", new string(' ', 24) + "#EEEE#" };
        for (int i = 0; i < 23; i++)
        {
            rows.Add(new string(' ', 24) + "#....#");
        }
        rows.Add(new string('#', 25) + "....#");
        for (int i = 0; i < 4; i++)
        {
            rows.Add("#" + new string('.', 28) + "#");
        }
        rows.Add(new string('#', 30));
        var site = Layout.Build(0.5f, [.. rows]);
        var starts = Crowd.Grid(new Vector2(1.0f, 1.0f), new Vector2(6.0f, 1.9f), 20, 0.5f).ToList();
        Assert.Equal(20, starts.Count);
        var crowd = new Crowd(site, starts);
        var terrain = site.Terrain;
        var previous = starts.ToArray();
        int wallCrossings = 0;

        crowd.Run(maxSeconds: 120, afterTick: () =>
        {
            for (int i = 0; i < crowd.Agents.Length; i++)
            {
                var now = crowd.PositionOf(i);
                for (int s = 0; s <= 8; s++)
                {
                    if (!terrain.IsWalkableAt(Vector2.Lerp(previous[i], now, s / 8f)))
                    {
                        wallCrossings++;
                    }
                }
                previous[i] = now;
            }
        });

        output.WriteLine($"RiMEA 6: {crowd.Arrived} of 20 arrived by {crowd.Seconds(crowd.ArrivalTick.Max()):F1} s; wall crossings {wallCrossings}");
        Assert.Equal(0, wallCrossings);
        Assert.Equal(20, crowd.Arrived);
    }

    /// <summary>
    /// RiMEA test 9: 1000 people leave a 30 x 20 m room through four 1 m exits, then through two:
    /// the evacuation is limited by the doors, so with half the exits it takes about twice as long.
    /// </summary>
    [Fact]
    public void Test9_four_exits_give_about_twice_the_flow_of_two()
    {
        double fourExits = EvacuationSeconds(exitsOnBothSides: true);
        double twoExits = EvacuationSeconds(exitsOnBothSides: false);

        double ratio = twoExits / fourExits;
        output.WriteLine($"RiMEA 9: four exits {fourExits:F1} s, two exits {twoExits:F1} s, ratio {ratio:F2}");
        Assert.InRange(ratio, 1.6, 2.4);
    }

    /// <summary>
    /// RiMEA test 12: people pass two 1 m bottlenecks in series. The first limits the flow, so no jam
    /// builds up at the second: its queue stays far below the first one's.
    /// </summary>
    [Fact]
    public void Test12_no_jam_forms_at_the_second_of_two_bottlenecks()
    {
        // 0.5 m cells: room A (10 x 10 m) - 1 m door - room B (10 x 10 m) - 1 m door - exit.
        var rows = new List<string> { new string('#', 44) };
        for (int y = 0; y < 20; y++)
        {
            bool door = y is 9 or 10;
            rows.Add("#" + new string('.', 20) + (door ? "." : "#") + new string('.', 20) + (door ? ".EE" : "#  "));
        }
        rows.Add(new string('#', 44));
        var site = Layout.Build(0.5f, [.. rows]);
        var crowd = new Crowd(site, Crowd.Grid(new Vector2(1, 1), new Vector2(9.5f, 9.5f), 150, 0.7f));
        var door1 = new Vector2(10.75f, 5.5f);
        var door2 = new Vector2(21.25f, 5.5f);
        int worstAtDoor1 = 0;
        int worstAtDoor2 = 0;

        crowd.Run(maxSeconds: 400, afterTick: () =>
        {
            int at1 = 0;
            int at2 = 0;
            for (int i = 0; i < crowd.Agents.Length; i++)
            {
                if (crowd.ArrivalTick[i] >= 0)
                {
                    continue;
                }
                var p = crowd.PositionOf(i);
                at1 += p.X < door1.X && Vector2.Distance(p, door1) < 2 ? 1 : 0;
                at2 += p.X < door2.X && p.X > door1.X + 0.5f && Vector2.Distance(p, door2) < 2 ? 1 : 0;
            }
            worstAtDoor1 = Math.Max(worstAtDoor1, at1);
            worstAtDoor2 = Math.Max(worstAtDoor2, at2);
        });

        output.WriteLine($"RiMEA 12: worst queue within 2 m of door 1: {worstAtDoor1}, of door 2: {worstAtDoor2}");
        Assert.Equal(150, crowd.Arrived);
        Assert.True(worstAtDoor2 * 3 <= worstAtDoor1, $"queue at the second door {worstAtDoor2}, at the first {worstAtDoor1}");
    }

    /// <summary>Specific flow through a 1 m door out of a crowded room: 1 to 2 persons per metre per second.</summary>
    [Fact]
    public void Flow_through_a_1_m_door_is_1_to_2_persons_per_metre_per_second()
    {
        var rows = Layout.Room(22, 22).ToList();
        rows[10] = rows[10][..21] + ".EE";
        rows[11] = rows[11][..21] + ".EE";
        var site = Layout.Build(0.5f, [.. rows]);
        var crowd = new Crowd(site, Crowd.Grid(new Vector2(1, 1), new Vector2(9.5f, 9.5f), 200, 0.6f));

        crowd.Run(maxSeconds: 400);

        Assert.Equal(200, crowd.Arrived);
        var arrivals = crowd.ArrivalTick.Order().ToArray();
        double span = crowd.Seconds(arrivals[179] - arrivals[19]);
        double flow = 160 / span / 1.0;
        output.WriteLine($"Door flow: {flow:F2} persons/m/s over the middle 80% of 200 people");
        Assert.InRange(flow, 1.0, 2.0);
    }

    private static double EvacuationSeconds(bool exitsOnBothSides)
    {
        // 0.5 m cells: a 30 x 20 m room; 1 m exits at a third and two thirds of the height, each
        // opening onto exit cells outside the wall; the two on the east side only when asked.
        var rows = new List<string>();
        for (int y = 0; y < 42; y++)
        {
            bool edge = y is 0 or 41;
            bool door = y is 13 or 14 or 27 or 28;
            string west = door ? "EE." : edge ? "  #" : "  #";
            string east = door && exitsOnBothSides ? ".EE" : edge ? "#  " : "#  ";
            rows.Add(west + (edge ? new string('#', 60) : new string('.', 60)) + east);
        }
        var site = Layout.Build(0.5f, [.. rows]);
        var crowd = new Crowd(site, Crowd.Grid(new Vector2(2.0f, 1.0f), new Vector2(31f, 20f), 1000, 0.75f));
        Assert.Equal(1000, crowd.Agents.Length);

        crowd.Run(maxSeconds: 1200);

        Assert.Equal(1000, crowd.Arrived);
        return crowd.Seconds(crowd.ArrivalTick.Max());
    }
}
