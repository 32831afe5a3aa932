namespace TwinWorld.Ecs;

/// <summary>Work done per chunk, for span loops and for parallel queries. Implement on a struct so calls inline.</summary>
public interface IChunkJob
{
    void Execute(in ChunkView chunk);
}
