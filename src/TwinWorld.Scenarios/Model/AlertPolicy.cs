using TwinWorld.Protocol.V1;

namespace TwinWorld.Scenarios.Model;

/// <summary>
/// When the authorities alert: at a fixed time, or a delay after the first hazard starts (or both:
/// whichever comes first), over an area, optionally naming the shelter to go to.
/// </summary>
public sealed record AlertPolicy(TimeSpan? At, TimeSpan? AfterFirstHazard, AreaSpec Area, string? Shelter)
{
    /// <summary>The alert it issues.</summary>
    public CommandAction Alert() => new(new WorldCommand { Alert = new IssueAlert { Area = Area.ToMessage(), Shelter = Shelter ?? "" } });
}
