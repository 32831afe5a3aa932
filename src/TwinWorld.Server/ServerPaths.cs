namespace TwinWorld.Server;

/// <summary>Where the server finds a configured file: relative to where it was started, else beside the server (what ships is copied there).</summary>
internal static class ServerPaths
{
    public static string Resolve(string configured)
    {
        string path = Path.GetFullPath(configured);
        string beside = Path.Combine(AppContext.BaseDirectory, configured);
        return !File.Exists(path) && !Path.IsPathRooted(configured) && File.Exists(beside) ? beside : path;
    }
}
