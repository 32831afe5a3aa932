using System.Numerics;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Generation.Conditions;

/// <summary>
/// How a camera's pixels map to the world, shared by the conditioner (which samples the world through it)
/// and the reference renderer (which anchors its textures to the world through it, so they do not swim).
/// Pixel coordinates are continuous: pixel (x, y) covers [x, x+1) x [y, y+1), rows top to bottom.
/// Orthographic: <see cref="Origin"/> is the point below the camera, <see cref="Right"/> and <see cref="Up"/>
/// are horizontal, and the half extents are metres. Perspective: <see cref="Origin"/> is the eye, and the
/// half extents are tangents of the half fields of view.
/// </summary>
public readonly record struct ViewProjection(
    bool Perspective,
    int Width,
    int Height,
    Vector3 Origin,
    Vector3 Forward,
    Vector3 Right,
    Vector3 Up,
    float HalfWidth,
    float HalfHeight)
{
    /// <summary>Fixed and free cameras pitched within this of straight down (radians, 5 degrees) are drawn orthographically.</summary>
    public const float OverheadTolerance = 0.0873f;

    /// <summary>The lowest an overhead camera is treated as flying above the ground below it (m), so its footprint never vanishes.</summary>
    public const float MinimumOverheadHeight = 1;

    /// <summary>False for the default value: conditions built without one (by hand, in tests).</summary>
    public bool IsDefined => Width > 0;

    /// <summary>Ground metres per pixel of an orthographic view.</summary>
    public float MetresPerPixel => 2 * HalfHeight / Height;

    /// <summary>Whether a camera in this mode and pose is drawn orthographically (overhead) rather than in perspective.</summary>
    public static bool IsOverhead(CameraMode mode, CameraPose pose) =>
        mode == CameraMode.Overhead || (mode is CameraMode.Fixed or CameraMode.Free && MathF.Abs(pose.Pitch + (MathF.PI / 2)) <= OverheadTolerance);

    /// <summary>
    /// Straight down, "up" on screen along the yaw, covering the ground a lens of this vertical field of view sees
    /// from <paramref name="heightAboveGround"/>: 2 h tan(fov / 2) metres top to bottom, in the frame's aspect across.
    /// </summary>
    public static ViewProjection Overhead(CameraPose pose, float heightAboveGround, float fieldOfViewRadians, int width, int height)
    {
        float half = MathF.Max(heightAboveGround, MinimumOverheadHeight) * MathF.Tan(fieldOfViewRadians / 2);
        var up = new Vector3(MathF.Cos(pose.Yaw), MathF.Sin(pose.Yaw), 0);
        var right = new Vector3(up.Y, -up.X, 0);
        return new ViewProjection(false, width, height, pose.Position, -Vector3.UnitZ, right, up, half * width / height, half);
    }

    /// <summary>A pinhole camera at the pose with this vertical field of view; no roll, so screen right stays level.</summary>
    public static ViewProjection Pinhole(CameraPose pose, float fieldOfViewRadians, int width, int height)
    {
        float cosPitch = MathF.Cos(pose.Pitch);
        var forward = new Vector3(cosPitch * MathF.Cos(pose.Yaw), cosPitch * MathF.Sin(pose.Yaw), MathF.Sin(pose.Pitch));
        var right = new Vector3(MathF.Sin(pose.Yaw), -MathF.Cos(pose.Yaw), 0);
        var up = Vector3.Cross(right, forward);
        float half = MathF.Tan(fieldOfViewRadians / 2);
        return new ViewProjection(true, width, height, pose.Position, forward, right, up, half * width / height, half);
    }

    /// <summary>Screen offsets of a pixel point: -1 at the left and bottom edges, +1 at the right and top.</summary>
    private (float Sx, float Sy) Screen(float px, float py) => ((2 * px / Width) - 1, 1 - (2 * py / Height));

    /// <summary>Orthographic: the ground point (x east, y north) under a pixel point.</summary>
    public Vector2 GroundAt(float px, float py)
    {
        var (sx, sy) = Screen(px, py);
        var at = Origin + (Right * (sx * HalfWidth)) + (Up * (sy * HalfHeight));
        return new Vector2(at.X, at.Y);
    }

    /// <summary>Perspective: the unit direction of the ray through a pixel point.</summary>
    public Vector3 RayAt(float px, float py)
    {
        var (sx, sy) = Screen(px, py);
        return Vector3.Normalize(Forward + (Right * (sx * HalfWidth)) + (Up * (sy * HalfHeight)));
    }

    /// <summary>
    /// Where a world point lands in pixel coordinates, and its distance along the view (m ahead of the eye in
    /// perspective, m below the camera orthographically); false if it is behind a perspective camera.
    /// </summary>
    public bool TryProject(Vector3 point, out Vector2 pixel, out float ahead)
    {
        var local = point - Origin;
        float sx, sy;
        if (Perspective)
        {
            ahead = Vector3.Dot(local, Forward);
            if (ahead <= 1e-3f)
            {
                pixel = default;
                return false;
            }
            sx = Vector3.Dot(local, Right) / (ahead * HalfWidth);
            sy = Vector3.Dot(local, Up) / (ahead * HalfHeight);
        }
        else
        {
            ahead = -local.Z;
            sx = Vector3.Dot(local, Right) / HalfWidth;
            sy = Vector3.Dot(local, Up) / HalfHeight;
        }
        pixel = new Vector2((sx + 1) * Width / 2, (1 - sy) * Height / 2);
        return true;
    }
}
