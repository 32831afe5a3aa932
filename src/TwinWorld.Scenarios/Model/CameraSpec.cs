using System.Numerics;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Scenarios.Model;

/// <summary>
/// A camera placed by the scenario: where it is and looks, and what it renders. <see cref="YawDegrees"/> is a
/// compass bearing, the direction it looks towards: 0 north, 90 east, clockwise (an overhead camera has that
/// direction at the top of its frame, so the default 0 is north up, as the map is). <see cref="CameraPose.Yaw"/>
/// is radians counter-clockwise from east; <see cref="PoseYaw"/> converts.
/// </summary>
public sealed record CameraSpec(string Name, CameraMode Mode, Vector3 Position, float YawDegrees, float PitchDegrees, CameraLens Lens)
{
    /// <summary>The pose's yaw for a compass bearing: radians counter-clockwise from east, in (-pi, pi].</summary>
    public static float YawFromCompass(float degrees) => DeterministicMath.WrapAngle((90 - degrees) * (DeterministicMath.Pi / 180));

    /// <summary>The compass bearing (degrees, 0 to 360) a pose's yaw looks towards.</summary>
    public static float CompassFromYaw(float radians)
    {
        float degrees = 90 - (radians * (180 / DeterministicMath.Pi));
        degrees -= 360 * MathF.Floor(degrees / 360);
        return degrees >= 360 ? 0 : degrees;
    }

    /// <summary>The yaw of the camera's <see cref="CameraPose"/>.</summary>
    public float PoseYaw => YawFromCompass(YawDegrees);

    /// <summary>The pitch of the camera's <see cref="CameraPose"/>: radians up from level.</summary>
    public float PosePitch => PitchDegrees * (DeterministicMath.Pi / 180);
}
