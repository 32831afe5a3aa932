using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;

namespace TwinWorld.Generation.Models;

/// <summary>One camera's request: its conditions and its previous frames, oldest first (fewer than the model's context length early on).</summary>
public sealed record GenerationInput(CameraConditions Conditions, IReadOnlyList<RgbImage> Context);
