namespace TwinWorld.Generation.Scheduling;

/// <summary>Which generator made a frame.</summary>
public enum FrameSource
{
    /// <summary>The world model (a TorchScript model through TwinWorld.Torch, or any other <c>IWorldModel</c> loaded as the model).</summary>
    Model,

    /// <summary>The reference renderer: the fallback when the model is late, broken or missing, or the only generator when no model is set.</summary>
    Renderer,
}
