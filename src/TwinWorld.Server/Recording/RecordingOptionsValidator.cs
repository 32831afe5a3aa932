using Microsoft.Extensions.Options;
using TwinWorld.Server.World;

namespace TwinWorld.Server.Recording;

/// <summary>
/// Recordings are of scenario runs: a recording folder without a scenario is a configuration error, not a silent
/// no-op. The folder is made and written to here, at start-up, so that one that cannot be (a file, /proc) is one
/// line and exit 2 rather than a failure when the recorder starts.
/// </summary>
internal sealed class RecordingOptionsValidator(IOptions<WorldOptions> world) : IValidateOptions<RecordingOptions>
{
    public ValidateOptionsResult Validate(string? name, RecordingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            return ValidateOptionsResult.Success;
        }
        if (string.IsNullOrWhiteSpace(world.Value.Scenario))
        {
            return ValidateOptionsResult.Fail("Recording:Folder needs World:Scenario: the server records scenario runs, and the procedural town is not one.");
        }
        string folder = Path.GetFullPath(options.Folder);
        if (File.Exists(folder))
        {
            return ValidateOptionsResult.Fail($"Recording:Folder {folder} is a file, not a folder.");
        }
        try
        {
            Directory.CreateDirectory(folder);
            using var probe = new FileStream(Path.Combine(folder, $".twinworld-probe-{Environment.ProcessId}"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"Recording:Folder {folder} cannot be written to: {e.Message}");
        }
    }
}
