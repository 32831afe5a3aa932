namespace TwinWorld.Replay.Reports;

/// <summary>The shape marking a run's samples on a chart.</summary>
internal enum RunMarker
{
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
}
