namespace TwinWorld.Bench;

/// <summary>
/// Files of the repository the benchmarks read (shipped scenarios, the reference model). Found by walking up to
/// TwinWorld.sln, because BenchmarkDotNet runs each benchmark from a build folder of its own, deeper than ours.
/// </summary>
internal static class RepositoryFiles
{
    public static string Path(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "TwinWorld.sln")))
            {
                return System.IO.Path.Combine(folder.FullName, relative);
            }
        }
        throw new DirectoryNotFoundException($"no TwinWorld.sln above {AppContext.BaseDirectory}: run the benchmarks from a checkout");
    }
}
