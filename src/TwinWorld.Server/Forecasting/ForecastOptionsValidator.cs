using Microsoft.Extensions.Options;
using TwinWorld.Cluster.Sweeps;

namespace TwinWorld.Server.Forecasting;

/// <summary>Checks where forecasts run before anything starts: an address that is not one stops the server; one where no silo answers does not (analysts are told, per forecast).</summary>
internal sealed class ForecastOptionsValidator : IValidateOptions<ForecastOptions>
{
    public const string ClusterSetting = "Forecasts:Cluster";

    public ValidateOptionsResult Validate(string? name, ForecastOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Cluster))
        {
            return ValidateOptionsResult.Success;
        }
        if (ClusterAddress.Parse(options.Cluster, out string? problem, ClusterSetting) is null)
        {
            return ValidateOptionsResult.Fail($"{problem}.");
        }
        return string.IsNullOrWhiteSpace(options.ClusterId)
            ? ValidateOptionsResult.Fail("Forecasts:ClusterId is empty: give the cluster's name (its silos' --cluster-id).")
            : ValidateOptionsResult.Success;
    }
}
