using System.Numerics;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Scenarios.Model;

/// <summary>A camera placed by the scenario: where it is and looks (degrees), and what it renders.</summary>
public sealed record CameraSpec(string Name, CameraMode Mode, Vector3 Position, float YawDegrees, float PitchDegrees, CameraLens Lens);
