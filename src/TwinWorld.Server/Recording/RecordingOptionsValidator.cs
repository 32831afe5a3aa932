using Microsoft.Extensions.Options;
using TwinWorld.Server.World;

namespace TwinWorld.Server.Recording;

/// <summary>Recordings are of scenario runs: a recording folder without a scenario is a configuration error, not a silent no-op.</summary>
internal sealed class RecordingOptionsValidator(IOptions<WorldOptions> world) : IValidateOptions<RecordingOptions>
{
    public ValidateOptionsResult Validate(string? name, RecordingOptions options)
        => !string.IsNullOrWhiteSpace(options.Folder) && string.IsNullOrWhiteSpace(world.Value.Scenario)
            ? ValidateOptionsResult.Fail("Recording:Folder needs World:Scenario: the server records scenario runs, and the procedural town is not one.")
            : ValidateOptionsResult.Success;
}
