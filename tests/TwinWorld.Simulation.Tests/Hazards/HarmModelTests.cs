using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Hazards.Harm;

namespace TwinWorld.Simulation.Tests.Hazards;

public class HarmModelTests
{
    private static Vitality After(HazardExposure exposure, HarmLimits limits, float seconds)
    {
        var vitality = Vitality.Full;
        for (float t = 0; t < seconds; t += 0.05f)
        {
            vitality = HarmModel.Apply(vitality, exposure, limits, 0.05f);
        }
        return vitality;
    }

    private static HazardExposure Water(float depth, float speed) => HazardExposure.None with { WaterDepth = depth, WaterSpeed = speed };

    [Fact]
    public void A_current_that_sweeps_a_child_off_their_feet_leaves_an_adult_standing()
    {
        // 0.4 m at 1.25 m/s: d x v = 0.5 m2/s, past the 0.4 children stand in, under the 0.6 of adults.
        Assert.Equal(VitalState.Injured, After(Water(0.4f, 1.25f), HarmLimits.Vulnerable, 1).State);
        Assert.Equal(VitalState.Healthy, After(Water(0.4f, 1.25f), HarmLimits.Adult, 60).State);
    }

    [Fact]
    public void Staying_in_a_strong_current_incapacitates_and_still_water_a_car_floats_in_does_not_hurt_a_walker()
    {
        Assert.Equal(VitalState.Incapacitated, After(Water(1.0f, 2.5f), HarmLimits.Adult, 15).State);
        Assert.Equal(VitalState.Injured, After(Water(0.35f, 0), HarmLimits.Vehicle, 0.1f).State);
        Assert.Equal(VitalState.Healthy, After(Water(0.35f, 0), HarmLimits.Adult, 600).State);
    }

    [Fact]
    public void Radiant_heat_injures_at_the_second_degree_burn_dose_and_protective_gear_delays_it()
    {
        var heat = HazardExposure.None with { HeatFlux = 10 };
        // 10 kW/m2 gives 10^(4/3) = 21.5 dose units a second: 250 (burns) after about 11.6 s.
        Assert.Equal(VitalState.Healthy, After(heat, HarmLimits.Adult, 11).State);
        Assert.Equal(VitalState.Injured, After(heat, HarmLimits.Adult, 12.5f).State);
        Assert.Equal(VitalState.Healthy, After(heat, HarmLimits.Firefighter, 12.5f).State);
        Assert.Equal(VitalState.Healthy, After(HazardExposure.None with { HeatFlux = 1.5f }, HarmLimits.Adult, 3600).State);
        Assert.True(HarmModel.HeatFlux(2000, 10, 2) > HarmModel.HeatFlux(2000, 30, 2));
    }

    [Fact]
    public void Wind_blows_people_over_above_their_limit_but_not_cars()
    {
        var gale = HazardExposure.None with { WindSpeed = 25 };
        Assert.Equal(VitalState.Injured, After(gale, HarmLimits.Adult, 0.1f).State);
        Assert.Equal(VitalState.Healthy, After(gale, HarmLimits.Vehicle, 60).State);
        Assert.Equal(VitalState.Healthy, After(HazardExposure.None with { WindSpeed = 14 }, HarmLimits.Vulnerable, 60).State);
    }

    [Fact]
    public void Health_never_comes_back_and_never_drops_below_zero()
    {
        var hurt = After(Water(1.5f, 3f), HarmLimits.Adult, 60);
        Assert.Equal(0, hurt.Health);
        Assert.Equal(hurt, HarmModel.Apply(hurt, HazardExposure.None, HarmLimits.Adult, 1));
    }
}
