namespace TwinWorld.Cluster.Tests.Sweeps;

/// <summary>A test with twin processes (silos, sweeps) and a results folder, all gone after it.</summary>
public abstract class TwinProcessTest(string name) : IDisposable
{
    protected string Out { get; } = Path.Combine(Path.GetTempPath(), $"twin-cluster-{name}-{Guid.NewGuid():N}");

    private protected TwinProcesses Twin { get; } = new();

    public void Dispose()
    {
        Twin.Dispose();
        if (Directory.Exists(Out))
        {
            Directory.Delete(Out, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
