using TwinWorld.Replay.Forecasts;
using TwinWorld.Simulation;

namespace TwinWorld.Cluster.Forecasts;

/// <summary>A <see cref="ForecastSample"/> on the wire between silo and server (Replay knows nothing of Orleans): every field, exactly.</summary>
[GenerateSerializer]
public struct ForecastSampleSurrogate
{
    [Id(0)] public TimeSpan At;
    [Id(1)] public int Agents;
    [Id(2)] public int Evacuated;
    [Id(3)] public int Injured;
    [Id(4)] public int Incapacitated;
    [Id(5)] public float FloodedArea;
    [Id(6)] public float MaxInundationDepth;
    [Id(7)] public float BurnedArea;
    [Id(8)] public float BurningArea;
    [Id(9)] public float DamagedBuildingArea;
    [Id(10)] public float DestroyedBuildingArea;
    [Id(11)] public TimeSpan OutcomeTime;
    [Id(12)] public ulong StateHash;
}

[RegisterConverter]
public sealed class ForecastSampleConverter : IConverter<ForecastSample, ForecastSampleSurrogate>
{
    public ForecastSample ConvertFromSurrogate(in ForecastSampleSurrogate s)
        => new(s.At, new RunOutcome(s.OutcomeTime, s.Agents, s.Evacuated, s.Injured, s.Incapacitated, s.FloodedArea, s.MaxInundationDepth,
            s.BurnedArea, s.BurningArea, s.DamagedBuildingArea, s.DestroyedBuildingArea), s.StateHash);

    public ForecastSampleSurrogate ConvertToSurrogate(in ForecastSample value)
    {
        var o = value.Outcome;
        return new ForecastSampleSurrogate
        {
            At = value.At, OutcomeTime = o.Time, Agents = o.Agents, Evacuated = o.Evacuated, Injured = o.Injured, Incapacitated = o.Incapacitated,
            FloodedArea = o.FloodedArea, MaxInundationDepth = o.MaxInundationDepth, BurnedArea = o.BurnedArea, BurningArea = o.BurningArea,
            DamagedBuildingArea = o.DamagedBuildingArea, DestroyedBuildingArea = o.DestroyedBuildingArea, StateHash = value.StateHash,
        };
    }
}
